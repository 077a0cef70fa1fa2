import type { ComponentChildren } from 'preact';
import { navigate, toPath, type Route } from '../router';

/** An in-app link: a real address, opened without reloading the page. */
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
      href={toPath(to)}
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
