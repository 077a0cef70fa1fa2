import { useState } from 'preact/hooks';
import { applyTheme, effectiveTheme, storedTheme, type ThemeChoice } from '../theme';

/** Switches between the light and the dim theme; starts from the system setting. */
export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>(storedTheme);
  const dim = effectiveTheme(choice) === 'dim';
  return (
    <button
      type="button"
      class="link-button"
      aria-pressed={dim}
      onClick={() => {
        const next: ThemeChoice = dim ? 'light' : 'dim';
        applyTheme(next);
        setChoice(next);
      }}
    >
      Dim theme
    </button>
  );
}
