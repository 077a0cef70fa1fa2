import { useEffect, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

let firstScreen = true;

/**
 * The screen's main heading. After the first screen, it takes focus when shown, so
 * keyboard and screen-reader users start at the top of the new screen.
 */
export function Heading({ children }: { children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstScreen) {
      firstScreen = false;
      return;
    }
    ref.current?.focus();
  }, []);
  return (
    <h1 tabIndex={-1} ref={ref} class="screen-title">
      {children}
    </h1>
  );
}
