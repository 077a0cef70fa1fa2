import type { ComponentChildren } from 'preact';
import type { ActionRunner } from '../hooks';

/**
 * A button that runs one action through its screen's runner, so the outcome lands in that
 * screen's one status line; it waits while any action of that runner is running.
 */
export function ActionButton({
  runner,
  action,
  done,
  class: className,
  children,
}: {
  runner: Pick<ActionRunner, 'busy' | 'run'>;
  action: () => Promise<unknown>;
  /** What to say once it worked. */
  done?: string;
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <button
      type="button"
      class={className}
      disabled={runner.busy}
      onClick={() => void runner.run(action, done)}
    >
      {children}
    </button>
  );
}
