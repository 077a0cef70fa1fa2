import type { StatusLine } from '../hooks';

/** A polite live region: screen readers hear changes without losing their place. */
export function Status({ status }: { status: StatusLine | null }) {
  return (
    <p
      class={`status ${status?.tone === 'error' ? 'status-error' : ''}`}
      role={status?.tone === 'error' ? 'alert' : 'status'}
      aria-live={status?.tone === 'error' ? 'assertive' : 'polite'}
    >
      {status?.text ?? ''}
    </p>
  );
}
