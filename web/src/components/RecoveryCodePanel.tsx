import { useState } from 'preact/hooks';

/**
 * A recovery code, shown this once: big enough to copy by hand, a copy button, and a plain
 * "I have kept it" that the person presses when it is somewhere safe.
 */
export function RecoveryCodePanel({ code, onKept }: { code: string; onKept: () => void }) {
  const [copied, setCopied] = useState<string>('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('Copied.');
    } catch {
      setCopied('Copying did not work here; please write it down instead.');
    }
  };
  return (
    <div class="card stack" role="group" aria-label="Your recovery code">
      <h2>Your recovery code</h2>
      <p>
        If you ever forget your password, this code lets you choose a new one. Keep it somewhere
        safe and private, such as a password manager or a note only you can reach. It is shown
        only now: we keep no copy we could show you again.
      </p>
      <p class="recovery-code" data-testid="recovery-code">
        <code>{code}</code>
      </p>
      <div class="row">
        <button type="button" onClick={() => void copy()}>
          Copy the code
        </button>
        <button type="button" class="primary" onClick={onKept}>
          I have kept it
        </button>
      </div>
      <p class="status" role="status" aria-live="polite">
        {copied}
      </p>
    </div>
  );
}
