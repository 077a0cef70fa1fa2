// Opened from an invitation link (/join#<code>). The code arrives in the fragment, which the
// browser never sends to the server; it is taken out of the address at once, and joining
// waits for the person to say so.
import { useState } from 'preact/hooks';
import { acceptInvite } from '../api';
import { Heading } from '../components/Heading';
import { Link } from '../components/Link';
import { Status } from '../components/Status';
import { useAction } from '../hooks';
import { navigate } from '../router';

function takeCodeFromAddress(): string {
  const code = decodeURIComponent(window.location.hash.replace(/^#/, '')).trim();
  if (code) history.replaceState(null, '', window.location.pathname);
  return code;
}

export function JoinScreen() {
  const [code] = useState(takeCodeFromAddress);
  const [pending, setPending] = useState(false);
  const { status, busy, run } = useAction();

  const join = () =>
    run(async () => {
      const r = await acceptInvite(code);
      if (r.status === 'active') navigate({ name: 'relationship', rid: r.relationship_id }, { replace: true });
      else setPending(true);
    });

  return (
    <section class="screen narrow stack">
      <Heading>An invitation</Heading>
      {!code && (
        <p>
          This link has no invitation in it. You can type a code on{' '}
          <Link to={{ name: 'home' }}>your relationships</Link>.
        </p>
      )}
      {code && !pending && (
        <>
          <p>Someone has invited you to a shared space. Joining is up to you; you can leave at any time.</p>
          <div class="row">
            <button type="button" class="primary" disabled={busy} onClick={join}>
              Join
            </button>
            <Link to={{ name: 'home' }}>Not now</Link>
          </div>
        </>
      )}
      {pending && (
        <p role="status">
          Thank you. You'll join as soon as every current member has said yes. Until then, you
          won't see anything inside. Your request waits on <Link to={{ name: 'home' }}>your relationships</Link>.
        </p>
      )}
      <Status status={status} />
    </section>
  );
}
