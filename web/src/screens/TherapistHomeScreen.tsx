import { useState } from 'preact/hooks';
import { createLinkCode, getCaseload } from '../api';
import { Heading } from '../components/Heading';
import { Link } from '../components/Link';
import { Status } from '../components/Status';
import { useAction, useLoad } from '../hooks';

/** A therapist's home: the relationships linked with every partner's consent, and link codes. */
export function TherapistHomeScreen() {
  const caseload = useLoad(() => getCaseload(), []);
  return (
    <section class="screen">
      <Heading>Your caseload</Heading>
      <p class="muted">
        You see a relationship only while every partner agrees, and only what they chose to share
        with you. Each time you look, they can see it.
      </p>
      {caseload.error && <p role="alert">{caseload.error}</p>}
      {caseload.data?.length === 0 && <p>No relationship is linked with you yet.</p>}
      <ul class="plain-list caseload">
        {caseload.data?.map((r) => (
          <li key={r.id}>
            <Link class="card card-link" to={{ name: 'client', rid: r.id }}>
              {r.name}
              <span class="card-sub">{r.partners.map((p) => p.display_name).join(', ')}</span>
            </Link>
          </li>
        ))}
      </ul>
      <LinkCode />
    </section>
  );
}

function LinkCode() {
  const [code, setCode] = useState<string | null>(null);
  const { status, busy, run } = useAction();
  return (
    <section class="card stack" aria-labelledby="code-heading">
      <h2 id="code-heading">Link a new relationship</h2>
      <p class="muted small">
        Give the code to the partners yourself. It works once, for three days.
      </p>
      {code && (
        <p>
          Link code: <code class="invite-code">{code}</code>
        </p>
      )}
      <button type="button" disabled={busy} onClick={() => run(async () => setCode(await createLinkCode()))}>
        Make a link code
      </button>
      <Status status={status} />
    </section>
  );
}
