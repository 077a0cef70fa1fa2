import { listCheckins, shareCheckin, type Checkin, type Shift } from '../api';
import { CheckinForm, scoreLabels, scoreNames } from '../components/CheckinForm';
import { Link } from '../components/Link';
import { RelationshipFrame } from '../components/RelationshipFrame';
import { ScoreChart } from '../components/ScoreChart';
import { Status } from '../components/Status';
import { VisibilityPicker, sharingChanged } from '../components/VisibilityPicker';
import { useAction, useLoad } from '../hooks';
import { Loading } from '../components/Loading';

const kindNames = { daily: 'Daily', pre: 'Before a practice', post: 'After a practice' } as const;

export function CheckinScreen({ rid }: { rid: string }) {
  const list = useLoad(() => listCheckins(rid), [rid]);
  const mine = list.data?.checkins.filter((c) => c.mine) ?? [];
  const shared = list.data?.checkins.filter((c) => !c.mine) ?? [];
  return (
    <RelationshipFrame rid={rid} title="Check-ins">
      <p class="muted">
        A few numbers about how you are, whenever you like. They are private unless you choose to
        share them, and you can change that later.
      </p>
      <Loading of={[list]} />
      {list.error && <p role="alert">{list.error}</p>}
      {list.data?.shifts.map((shift) => <ShiftNote key={shift.score} rid={rid} shift={shift} />)}
      <CheckinForm rid={rid} kind="daily" onDone={list.reload} />
      <section class="stack" aria-labelledby="my-series">
        <h2 id="my-series">Your check-ins</h2>
        <ScoreChart checkins={mine} />
        <ul class="plain-list">
          {mine.map((c) => (
            <MyCheckin key={c.id} checkin={c} onChange={list.reload} />
          ))}
        </ul>
      </section>
      {shared.length > 0 && (
        <section class="stack" aria-labelledby="shared-checkins">
          <h2 id="shared-checkins">Shared with you</h2>
          <ul class="plain-list">
            {shared.map((c) => (
              <li key={c.id} class="card stack shared-checkin">
                <Scores checkin={c} />
                <p class="muted small">Shared by {c.author_name}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </RelationshipFrame>
  );
}

/** A change in my own series, told to me alone, with something I might do about it. */
function ShiftNote({ shift }: { rid: string; shift: Shift }) {
  return (
    <aside class="card stack shift-note" aria-label="Something you may want to notice">
      <p>{shift.message}</p>
      <ul class="stack">
        {shift.offers.map((offer) => (
          <li key={offer.kind}>
            {offer.kind === 'resources' ? <Link to={{ name: 'support' }}>{offer.text}</Link> : offer.text}
          </li>
        ))}
      </ul>
    </aside>
  );
}

function Scores({ checkin }: { checkin: Checkin }) {
  return (
    <>
      <p class="small">
        {kindNames[checkin.kind]} · {new Date(checkin.created_at).toLocaleString()}
      </p>
      <p class="checkin-scores">
        {scoreNames.map((name) => `${scoreLabels[name]} ${checkin[name]}`).join(' · ')}
      </p>
      {checkin.note && <p class="entry-text">{checkin.note}</p>}
    </>
  );
}

function MyCheckin({ checkin, onChange }: { checkin: Checkin; onChange: () => void }) {
  const { status, busy, run } = useAction();
  return (
    <li class="card stack my-checkin">
      <Scores checkin={checkin} />
      <VisibilityPicker
        value={checkin.visibility ?? 'private'}
        disabled={busy}
        label="Shared with"
        onChange={(v) =>
          run(async () => {
            await shareCheckin(checkin.id, v);
            onChange();
          }, sharingChanged(v))
        }
      />
      <Status status={status} />
    </li>
  );
}
