// Light / dim theme: follows the system by default; a manual choice is remembered on
// this device. Applied as a data attribute so the CSS does the rest (CSP forbids inline styles).
export type ThemeChoice = 'system' | 'light' | 'dim';
const KEY = 'attune.theme';

export function storedTheme(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    if (v === 'light' || v === 'dim') return v;
  } catch {
    /* ignore */
  }
  return 'system';
}

export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
  try {
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    /* ignore */
  }
}

export function effectiveTheme(choice: ThemeChoice): 'light' | 'dim' {
  if (choice !== 'system') return choice;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dim' : 'light';
}
