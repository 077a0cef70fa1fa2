import type { StatusLine } from '../hooks';

/**
 * Two live regions that are always present (so assistive technology announces what is
 * put into them): a polite one for progress, an assertive one for problems.
 */
export function Status({ status }: { status: StatusLine | null }) {
  const error = status?.tone === 'error';
  return (
    <div class="status-lines">
      <p class="status" role="status" aria-live="polite">
        {!error ? status?.text ?? '' : ''}
      </p>
      <p class="status status-error" role="alert">
        {error ? status?.text : ''}
      </p>
    </div>
  );
}
