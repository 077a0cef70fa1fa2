import { useState } from 'preact/hooks';
import {
  answerPlan,
  calendarUrl,
  listPlans,
  proposePlan,
  withdrawPlan,
  type Plan,
  type PlanKind,
} from '../api';
import { ActionButton } from '../components/ActionButton';
import { RelationshipFrame } from '../components/RelationshipFrame';
import { SelectField } from '../components/SelectField';
import { Status } from '../components/Status';
import { TextField } from '../components/TextField';
import { useAction, useLoad } from '../hooks';
import { localToRfc3339 } from '../planTime';

const kindLabels: Record<PlanKind, string> = {
  recreation: 'Something fun',
  rest: 'Rest',
  stress_relief: 'Unwinding',
  practice: 'A practice',
};

/** Time together, proposed by one partner; everyone joins only if they want to. */
export function PlansScreen({ rid }: { rid: string }) {
  const plans = useLoad(() => listPlans(rid), [rid]);
  return (
    <RelationshipFrame rid={rid} title="Plans together">
      <p class="muted">
        Suggest time for fun, rest or unwinding, or a practice. Each of you can join or not, and
        nobody is asked why.
      </p>
      {plans.error && <p role="alert">{plans.error}</p>}
      <PlanForm rid={rid} onProposed={plans.reload} />
      {plans.data && plans.data.length === 0 && (
        <p class="empty card">No plans yet. A plan is a gentle way to make room for each other.</p>
      )}
      {plans.data && plans.data.length > 0 && (
        <ul class="plain-list">
          {plans.data.map((p) => (
            <PlanCard key={p.id} plan={p} onChange={plans.reload} />
          ))}
        </ul>
      )}
      <p>
        <a href={calendarUrl(rid)} download="attune.ics" class="calendar-link">
          Download calendar
        </a>
        <span class="muted small">
          {' '}
          The plans you are joining, each called only “attune”, so nothing private shows on a lock
          screen.
        </span>
      </p>
    </RelationshipFrame>
  );
}

function PlanForm({ rid, onProposed }: { rid: string; onProposed: () => void }) {
  const [kind, setKind] = useState<PlanKind>('recreation');
  const [title, setTitle] = useState('');
  const [when, setWhen] = useState('');
  const [note, setNote] = useState('');
  const { status, busy, run, say } = useAction();
  return (
    <form
      class="card stack"
      aria-labelledby="plan-heading"
      onSubmit={(e) => {
        e.preventDefault();
        const startsAt = when ? localToRfc3339(when) : null;
        if (when && !startsAt) {
          say('Please pick a date and a time, or leave both empty.', 'error');
          return;
        }
        void run(async () => {
          await proposePlan(rid, {
            kind,
            title: title.trim(),
            ...(startsAt ? { starts_at: startsAt } : {}),
            ...(note.trim() ? { note: note.trim() } : {}),
          });
          setTitle('');
          setWhen('');
          setNote('');
          onProposed();
        }, 'Proposed. Everyone here can see it and choose.');
      }}
    >
      <h2 id="plan-heading">Suggest a plan</h2>
      <SelectField label="What kind of time" value={kind} onChange={(v) => setKind(v as PlanKind)}>
        {(Object.keys(kindLabels) as PlanKind[]).map((k) => (
          <option key={k} value={k}>
            {kindLabels[k]}
          </option>
        ))}
      </SelectField>
      <TextField label="What" name="plan_title" required maxLength={120} value={title} onValue={setTitle} />
      <label class="field">
        <span>When (optional)</span>
        <input
          type="datetime-local"
          name="plan_when"
          value={when}
          onInput={(e) => setWhen(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>A note (optional)</span>
        <textarea
          name="plan_note"
          maxLength={2000}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
      <button type="submit" disabled={busy}>
        Suggest
      </button>
      <Status status={status} />
    </form>
  );
}

function PlanCard({ plan, onChange }: { plan: Plan; onChange: () => void }) {
  const runner = useAction();
  const act = (action: () => Promise<unknown>) => async () => {
    await action();
    onChange();
  };
  return (
    <li class="card stack plan-card">
      <p class="small muted">
        {kindLabels[plan.kind]}
        {plan.starts_at ? ` · ${new Date(plan.starts_at).toLocaleString()}` : ''}
      </p>
      <p class="plan-title">{plan.title}</p>
      {plan.note && <p class="entry-text">{plan.note}</p>}
      <p class="small">
        Joining: {plan.joining.map((p) => p.display_name).join(', ')}
      </p>
      <p class="small muted" data-you={plan.you}>
        {plan.mine
          ? 'You suggested this.'
          : plan.you === 'joining'
            ? 'You are joining.'
            : plan.you === 'not_joining'
              ? 'You are not joining.'
              : `Suggested by ${plan.proposer.display_name}.`}
      </p>
      <div class="row">
        {plan.mine ? (
          <ActionButton runner={runner} action={act(() => withdrawPlan(plan.id))}>
            Withdraw
          </ActionButton>
        ) : (
          <>
            {plan.you !== 'joining' && (
              <ActionButton runner={runner} class="primary" action={act(() => answerPlan(plan.id, true))}>
                Join
              </ActionButton>
            )}
            {plan.you !== 'not_joining' && (
              <ActionButton runner={runner} action={act(() => answerPlan(plan.id, false))}>
                Not this time
              </ActionButton>
            )}
          </>
        )}
      </div>
      <Status status={runner.status} />
    </li>
  );
}
