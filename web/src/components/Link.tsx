import type { ComponentChildren } from 'preact';
import { navigate, toHash, type Route } from '../router';

/** An in-app link that replaces the current history entry instead of adding one. */
export function Link({
  to,
  children,
  class: className,
}: {
  to: Route;
  children: ComponentChildren;
  class?: string;
}) {
  return (
    <a
      href={toHash(to)}
      class={className}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
