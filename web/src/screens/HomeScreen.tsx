import { useState } from 'preact/hooks';
import { acceptInvite, createRelationship, leaveRelationship, listJoinRequests, listRelationships } from '../api';
import { ConfirmPanel } from '../components/ConfirmPanel';
import { Heading } from '../components/Heading';
import { FirstUse } from '../components/intro/FirstUse';
import { Link } from '../components/Link';
import { NewBadge } from '../components/NewBadge';
import { AppreciationCards } from '../components/AppreciationCards';
import { NextStepCard } from '../components/NextStepCard';
import { SharedDevicePin } from '../components/SharedDevicePin';
import { Status } from '../components/Status';
import { TextField } from '../components/TextField';
import { useAction, useLoad } from '../hooks';
import { navigate } from '../router';
import { sessionName } from '../session';

export function HomeScreen() {
  const { data, error, loading, reload } = useLoad(listRelationships, []);
  const name = sessionName();
  const [requestsKey, setRequestsKey] = useState(0);
  return (
    <section class="screen">
      <Heading>Your relationships</Heading>
      {name && <p class="muted">Hello, {name}.</p>}
      <FirstUse relationships={data} />
      <NextStepCard />
      {loading && !data && <p role="status">Loading…</p>}
      {error && <p role="alert">{error}</p>}
      {data && data.length === 0 && (
        <div class="empty card">
          <p>You don't have a shared space yet.</p>
          <p class="muted">
            You can start one and invite your partner or partners, or join one with a code
            someone gave you. There's no rush.
          </p>
        </div>
      )}
      {data && data.length > 0 && (
        <ul class="plain-list relationship-list">
          {data.map((r) => (
            <li key={r.id}>
              <Link class="card card-link" to={{ name: 'relationship', rid: r.id }}>
                {r.name}
                <NewBadge rid={r.id} />
              </Link>
            </li>
          ))}
        </ul>
      )}
      <JoinRequests key={requestsKey} />
      {data && data.length > 0 && <AppreciationCards relationships={data} />}
      <p class="small">
        <Link to={{ name: 'reminders' }}>Gentle reminders</Link>
        <span class="muted"> — off unless you choose them.</span>
      </p>
      <StartRelationshipForm />
      <JoinWithCodeForm
        onJoined={() => {
          void reload();
          setRequestsKey((k) => k + 1);
        }}
      />
      <SharedDevicePin />
    </section>
  );
}

function StartRelationshipForm() {
  const [name, setName] = useState('');
  const { status, busy, run } = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    await run(async () => {
      const { id } = await createRelationship(name.trim());
      navigate({ name: 'relationship', rid: id });
    });
  };
  return (
    <form class="card stack" onSubmit={submit} aria-labelledby="start-heading">
      <h2 id="start-heading">Start a shared space</h2>
      <TextField
        label="A name only members will see"
        name="relationship_name"
        required
        maxLength={80}
        value={name}
        onValue={setName}
      />
      <button type="submit" class="primary" disabled={busy}>
        Start
      </button>
      <Status status={status} />
    </form>
  );
}

function JoinWithCodeForm({ onJoined }: { onJoined: () => void }) {
  const [code, setCode] = useState('');
  const { status, busy, run, say } = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    await run(async () => {
      const r = await acceptInvite(code.trim());
      setCode('');
      if (r.status === 'active') {
        navigate({ name: 'relationship', rid: r.relationship_id });
      } else {
        say(
          "Thank you. You'll join as soon as every current member has said yes. Until then, you won't see anything inside.",
        );
        onJoined();
      }
    });
  };
  return (
    <form class="card stack" onSubmit={submit} aria-labelledby="join-heading">
      <h2 id="join-heading">Join with a code</h2>
      <TextField
        label="Invitation code"
        name="invite_code"
        autoComplete="off"
        autoCapitalize="off"
        spellcheck={false}
        required
        value={code}
        onValue={setCode}
      />
      <button type="submit" disabled={busy}>
        Join
      </button>
      <Status status={status} />
    </form>
  );
}

/** My requests to join, after any reload: that each still waits, since when, and a way out. */
function JoinRequests() {
  const requests = useLoad(listJoinRequests, []);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const runner = useAction();
  if (!requests.data?.length) return null;
  return (
    <section class="card stack" aria-labelledby="requests-heading" data-testid="join-requests">
      <h2 id="requests-heading">Waiting to join</h2>
      <ul class="plain-list stack">
        {requests.data.map((r) => (
          <li key={r.id} class="stack">
            <p>
              You asked to join a shared space on {new Date(r.asked_at).toLocaleDateString()}. It
              opens for you once every member has said yes; until then you see nothing inside.
            </p>
            {withdrawing === r.id ? (
              <ConfirmPanel
                label="Confirm withdrawing your request"
                confirmLabel="Yes, withdraw it"
                cancelLabel="Keep waiting"
                runner={runner}
                action={async () => {
                  await leaveRelationship(r.id);
                  setWithdrawing(null);
                  await requests.reload();
                }}
                done="Your request is withdrawn."
                onCancel={() => setWithdrawing(null)}
              >
                Withdraw your request? No reason needed.
              </ConfirmPanel>
            ) : (
              <button type="button" class="quiet" onClick={() => setWithdrawing(r.id)}>
                Withdraw my request
              </button>
            )}
          </li>
        ))}
      </ul>
      <Status status={runner.status} />
    </section>
  );
}
