import { useState } from 'preact/hooks';
import {
  approveMember,
  getRelationship,
  leaveRelationship,
  listPractices,
  type PendingPerson,
} from '../api';
import { ActionButton } from '../components/ActionButton';
import { ConfirmPanel } from '../components/ConfirmPanel';
import { InvitePanel } from '../components/invite/InvitePanel';
import { Link } from '../components/Link';
import { NewBadge } from '../components/NewBadge';
import { PauseProgrammeControl } from '../components/PauseProgrammeControl';
import { PracticeHoldBanner } from '../components/PracticeHoldBanner';
import { RelationshipFrame } from '../components/RelationshipFrame';
import { Status } from '../components/Status';
import { useAction, useLoad, type ActionRunner } from '../hooks';
import { navigate } from '../router';
import { Loading } from '../components/Loading';

export function RelationshipScreen({ rid }: { rid: string }) {
  const detail = useLoad(() => getRelationship(rid), [rid]);
  const { data, error, reload } = detail;
  // Lives here, not in the pending list, so "You said yes" stays after the list empties.
  const approval = useAction();
  const [holdChanges, setHoldChanges] = useState(0);
  return (
    <RelationshipFrame rid={rid} title={data?.name ?? 'Your relationship'} back="home">
      <Loading of={[detail]} />
      {error && <p role="alert">{error}</p>}
      <PracticeHoldBanner rid={rid} refresh={holdChanges} />
      <OpenPractices rid={rid} />
      <nav aria-label="In this relationship">
        <ul class="plain-list">
          <li>
            <Link class="card card-link" to={{ name: 'boundaries', rid }}>
              Boundary map
              <span class="card-sub">Your own yes, maybe and no, kept private.</span>
            </Link>
          </li>
          <li>
            <Link class="card card-link" to={{ name: 'shared', rid }}>
              What we share
              <span class="card-sub">Only what everyone is open to.</span>
            </Link>
          </li>
          <li>
            <Link class="card card-link" to={{ name: 'intake', rid }}>
              Hurts, safety and wishes
              <NewBadge rid={rid} topic="intake" />
              <span class="card-sub">Private until you choose to share.</span>
            </Link>
          </li>
          <li>
            <Link class="card card-link" to={{ name: 'agreements', rid }}>
              Agreements and practice
              <NewBadge rid={rid} topic="agreements" />
              <span class="card-sub">Agree together before any practice.</span>
            </Link>
          </li>
          <li>
            <Link class="card card-link" to={{ name: 'history', rid }}>
              Past practices
              <span class="card-sub">Finished practices and your reflections on them.</span>
            </Link>
          </li>
          <li>
            <Link class="card card-link" to={{ name: 'checkins', rid }}>
              Check-ins
              <NewBadge rid={rid} topic="checkins" />
              <span class="card-sub">How you are, in a few numbers. Private unless you share.</span>
            </Link>
          </li>
          <li>
            <Link class="card card-link" to={{ name: 'programme', rid }}>
              Your programme
              <span class="card-sub">Gentle stages, opened only when you all say yes.</span>
            </Link>
          </li>
          <li>
            <Link class="card card-link" to={{ name: 'safety-check', rid }}>
              A private safety check
              <span class="card-sub">A few questions only you will see.</span>
            </Link>
          </li>
          <li>
            <Link class="card card-link" to={{ name: 'care', rid }}>
              Care plan
              <NewBadge rid={rid} topic="care_plan" />
              <span class="card-sub">What can set you off, what helps, words that reassure.</span>
            </Link>
          </li>
          <li>
            <Link class="card card-link" to={{ name: 'worksheets', rid }}>
              Reframing
              <NewBadge rid={rid} topic="worksheets" />
              <span class="card-sub">From an old story to a kinder one. Private unless you share.</span>
            </Link>
          </li>
          <li>
            <Link class="card card-link" to={{ name: 'learning', rid }}>
              Learning together
              <span class="card-sub">Short readings, conversation cards and a shared intention.</span>
            </Link>
          </li>
          <li>
            <Link class="card card-link" to={{ name: 'therapist', rid }}>
              Our therapist
              <span class="card-sub">Linked only if you all agree; see every time they look.</span>
            </Link>
          </li>
          <li>
            <Link class="card card-link" to={{ name: 'measures', rid }}>
              Questionnaires and progress
              <span class="card-sub">Notice how things change over time. Private unless you share.</span>
            </Link>
          </li>
          <li>
            <Link class="card card-link" to={{ name: 'appreciation', rid }}>
              Appreciation
              <NewBadge rid={rid} topic="appreciation" />
              <span class="card-sub">A few kind words for a partner, whenever you feel like it.</span>
            </Link>
          </li>
          <li>
            <Link class="card card-link" to={{ name: 'plans', rid }}>
              Plans together
              <NewBadge rid={rid} topic="plans" />
              <span class="card-sub">Time for fun, rest or unwinding; join only if you want to.</span>
            </Link>
          </li>
        </ul>
      </nav>
      {data && (
        <section class="card stack" aria-labelledby="members-heading">
          <h2 id="members-heading">Members</h2>
          <ul class="plain-list members">
            {data.partners.map((p) => (
              <li key={p.id}>{p.display_name}</li>
            ))}
          </ul>
          {data.pending && data.pending.length > 0 && (
            <PendingList rid={rid} pending={data.pending} onChange={reload} action={approval} />
          )}
          <Status status={approval.status} />
        </section>
      )}
      <PauseProgrammeControl rid={rid} onChange={() => setHoldChanges((n) => n + 1)} />
      <InvitePanel rid={rid} />
      <LeaveRelationship rid={rid} />
    </RelationshipFrame>
  );
}

/** A practice that is waiting or under way is one tap away; joining it commits to nothing. */
function OpenPractices({ rid }: { rid: string }) {
  const { data } = useLoad(() => listPractices(rid), [rid]);
  const open = data?.filter((p) => p.status !== 'ended') ?? [];
  if (!open.length) return null;
  return (
    <ul class="plain-list" aria-label="Open practices">
      {open.map((p) => (
        <li key={p.id}>
          <Link class="card card-link highlight" to={{ name: 'practice', rid, pid: p.id }}>
            {p.status === 'waiting' ? 'A practice is waiting to start' : 'A practice is open'}
            <span class="card-sub">Open it to see where things are. Nothing starts until everyone is ready.</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function PendingList({
  rid,
  pending,
  onChange,
  action,
}: {
  rid: string;
  pending: PendingPerson[];
  onChange: () => void;
  action: ActionRunner;
}) {
  return (
    <div class="stack">
      <h3>Waiting to join</h3>
      <p class="muted">
        Someone joins only when every current member says yes. You can take your time.
      </p>
      <ul class="plain-list">
        {pending.map((p) => (
          <li key={p.id} class="row">
            <span>{p.display_name}</span>
            {p.you_approved ? (
              <span class="muted">You said yes</span>
            ) : (
              <ActionButton
                runner={action}
                action={async () => {
                  await approveMember(rid, p.id);
                  onChange();
                }}
                done={`You said yes to ${p.display_name}.`}
              >
                Say yes to {p.display_name}
              </ActionButton>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function LeaveRelationship({ rid }: { rid: string }) {
  const [confirming, setConfirming] = useState(false);
  const runner = useAction();
  return (
    <section class="stack" aria-labelledby="leave-heading">
      <h2 id="leave-heading" class="visually-hidden">
        Leave
      </h2>
      {!confirming ? (
        <button type="button" class="quiet" onClick={() => setConfirming(true)}>
          Leave this relationship
        </button>
      ) : (
        <ConfirmPanel
          label="Confirm leaving"
          confirmLabel="Yes, leave"
          cancelLabel="Stay"
          safe="cancel"
          runner={runner}
          action={async () => {
            await leaveRelationship(rid);
            navigate({ name: 'home' });
          }}
          onCancel={() => setConfirming(false)}
        >
          If you leave, your answers here are deleted, what you shared here is withdrawn, and any
          agreement or practice that includes you ends. You don't need to give a reason.
        </ConfirmPanel>
      )}
      <Status status={runner.status} />
    </section>
  );
}
