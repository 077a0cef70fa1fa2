// Inviting someone: a link that carries the code in its fragment (never sent to a server,
// so it reaches no log), a copy button, a QR code to scan from another phone, and the code
// itself for typing, wrapped so it never runs off a small screen.
import { useState } from 'preact/hooks';
import { createInvite } from '../../api';
import { useAction } from '../../hooks';
import { ActionButton } from '../ActionButton';
import { Status } from '../Status';
import { QrCode } from './QrCode';

export function inviteLink(code: string): string {
  return `${window.location.origin}/join#${code}`;
}

export function InvitePanel({ rid }: { rid: string }) {
  const [code, setCode] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const runner = useAction();
  const link = code ? inviteLink(code) : '';

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Link copied. Send it in a private message.');
    } catch {
      setCopied('Copying is not allowed here: select the link and copy it by hand.');
    }
  };

  return (
    <section class="card stack invite" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone</h2>
      <p class="muted">
        An invitation works once and for 72 hours. Share it in person or in a private message.
      </p>
      {code && (
        <>
          <label class="field">
            <span>Invitation link</span>
            <input class="code-box" readOnly value={link} data-testid="invite-link" onFocus={(e) => e.currentTarget.select()} />
          </label>
          <div class="row">
            <button type="button" class="primary" onClick={copy}>
              Copy the link
            </button>
          </div>
          <p role="status" class="muted">
            {copied}
          </p>
          <QrCode text={link} label="QR code of the invitation link" />
          <p>
            Or type this code under “Join with a code”:{' '}
            <output class="code-box" data-testid="invite-code">
              {code}
            </output>
          </p>
        </>
      )}
      <ActionButton
        runner={runner}
        action={async () => {
          setCopied(null);
          setCode((await createInvite(rid)).code);
        }}
        done="A new code is ready."
      >
        {code ? 'Create another code' : 'Create an invitation code'}
      </ActionButton>
      <Status status={runner.status} />
    </section>
  );
}
