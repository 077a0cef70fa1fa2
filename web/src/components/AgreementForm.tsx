import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  getRoleOrder,
  getSharedView,
  type AgreementBody,
  type Catalogue,
  type Exercise,
  type Person,
} from '../api';
import { useAction, useLoad } from '../hooks';
import { sessionAccountId } from '../session';
import { byStage, stageLabel } from '../stages';
import { Link } from './Link';
import { RoleOrderNote } from './RoleOrderNote';
import { SelectField } from './SelectField';
import { Status } from './Status';
import { TextField } from './TextField';

export const TIME_MIN = 5;
export const TIME_MAX = 180;

const clamp = (n: number) => Math.min(TIME_MAX, Math.max(TIME_MIN, Math.round(n)));

/**
 * Drafting (or editing) an agreement. Only items in the participants' shared view can be
 * chosen, and only exercises whose needed items are all shared are offered, so the form
 * never names an item that someone is not open to.
 */
export function AgreementForm({
  rid,
  partners,
  exercises,
  catalogue,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  rid: string;
  partners: Person[];
  exercises: Exercise[];
  catalogue: Catalogue;
  initial?: AgreementBody;
  submitLabel: string;
  onSubmit: (body: AgreementBody) => Promise<void>;
  onCancel?: () => void;
}) {
  const me = sessionAccountId();
  const [participants, setParticipants] = useState<string[]>(
    initial?.participants ?? partners.map((p) => p.id),
  );
  const [exerciseId, setExerciseId] = useState(initial?.exercise_id ?? '');
  const [items, setItems] = useState<Set<string>>(new Set(initial?.items ?? []));
  const [minutes, setMinutes] = useState(String(initial?.time_limit_minutes ?? 20));
  const [roleOrder, setRoleOrder] = useState<string[]>(initial?.role_order ?? participants);
  const [pauseWord, setPauseWord] = useState(initial?.pause_word ?? '');
  const [aftercare, setAftercare] = useState(initial?.aftercare ?? '');
  const { status, busy, run, say, clear } = useAction();

  const everyone = participants.length === partners.length;
  const shared = useLoad(
    () => getSharedView(rid, everyone ? undefined : participants),
    [rid, everyone ? '' : participants.join(',')],
  );
  const sharedIds = useMemo(() => new Set(shared.data?.map((s) => s.item_id) ?? []), [shared.data]);
  const available = exercises.filter((e) => e.requires.every((id) => sharedIds.has(id)));
  const exercise = exercises.find((e) => e.id === exerciseId);

  // An error about what was sent no longer applies once anything in the form changes.
  useEffect(() => {
    if (status?.tone === 'error') clear();
  }, [participants.join(','), exerciseId, [...items].join(','), minutes, roleOrder.join(','), pauseWord, aftercare]);

  // Keep role order in step with who takes part.
  useEffect(() => {
    setRoleOrder((order) => [
      ...order.filter((id) => participants.includes(id)),
      ...participants.filter((id) => !order.includes(id)),
    ]);
  }, [participants.join(',')]);

  // A new draft proposes the other order from last time for these people; anyone may change it.
  const proposal = useLoad(
    () => (initial ? Promise.resolve(undefined) : getRoleOrder(rid, participants)),
    [rid, participants.join(',')],
  );
  useEffect(() => {
    if (proposal.data) setRoleOrder(proposal.data.role_order);
  }, [proposal.data]);

  // Drop chosen items that are no longer shared by this group.
  useEffect(() => {
    if (!shared.data) return;
    setItems((chosen) => new Set([...chosen].filter((id) => sharedIds.has(id))));
  }, [sharedIds]);

  const chooseExercise = (id: string) => {
    setExerciseId(id);
    const ex = exercises.find((e) => e.id === id);
    if (!ex) return;
    setItems((chosen) => new Set([...chosen, ...ex.requires.filter((r) => sharedIds.has(r))]));
    if (!initial) setMinutes(String(clamp(ex.minutes)));
  };

  const nameOf = (id: string) => partners.find((p) => p.id === id)?.display_name ?? 'Someone';
  const labelOf = (id: string) => catalogue.items.find((i) => i.id === id)?.label ?? 'An item';

  const move = (index: number, delta: number) => {
    const next = [...roleOrder];
    const [x] = next.splice(index, 1);
    next.splice(index + delta, 0, x);
    setRoleOrder(next);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const m = Number(minutes);
    if (!exerciseId) return say('Please choose an exercise.', 'error');
    if (participants.length < 2) return say('An agreement needs at least two people.', 'error');
    if (!Number.isFinite(m) || m < TIME_MIN || m > TIME_MAX) {
      return say(`Please choose a time limit from ${TIME_MIN} to ${TIME_MAX} minutes.`, 'error');
    }
    if (!pauseWord.trim()) return say('Please choose a pause word.', 'error');
    await run(() =>
      onSubmit({
        exercise_id: exerciseId,
        participants,
        items: [...items],
        time_limit_minutes: Math.round(m),
        role_order: roleOrder,
        pause_word: pauseWord.trim(),
        aftercare: aftercare.trim(),
      }),
    );
  };

  return (
    <form class="card stack agreement-form" onSubmit={submit} aria-label="Agreement">
      {partners.length > 2 && (
        <fieldset>
          <legend>Who takes part</legend>
          {partners.map((p) => (
            <label key={p.id} class="check">
              <input
                type="checkbox"
                checked={participants.includes(p.id)}
                disabled={p.id === me}
                onChange={(e) =>
                  setParticipants(
                    e.currentTarget.checked
                      ? partners.map((x) => x.id).filter((id) => id === p.id || participants.includes(id))
                      : participants.filter((id) => id !== p.id),
                  )
                }
              />
              <span>{p.id === me ? `${p.display_name} (you)` : p.display_name}</span>
            </label>
          ))}
        </fieldset>
      )}

      <SelectField
        label="Exercise"
        value={exerciseId}
        onChange={chooseExercise}
        hint="Only exercises that fit what you all share are listed."
      >
        <option value="">Choose an exercise</option>
        {byStage(available).map(([stage, list]) => (
          <optgroup key={stage} label={stageLabel(stage)}>
            {list.map((ex) => (
              <option key={ex.id} value={ex.id}>
                {ex.title} ({ex.minutes} min)
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      {shared.data && available.length < exercises.length && (
        <details class="not-yet">
          <summary>Why can't some exercises be chosen?</summary>
          <p class="muted">They need items that everyone here is not open to yet:</p>
          <ul>
            {exercises
              .filter((e) => !available.includes(e))
              .map((e) => (
                <li key={e.id}>
                  <Link to={{ name: 'exercise', rid, id: e.id }}>{e.title}</Link>: still needs{' '}
                  {e.requires.filter((id) => !sharedIds.has(id)).map(labelOf).join(', ')}
                </li>
              ))}
          </ul>
        </details>
      )}
      {exercise?.summary && (
        <p class="muted exercise-summary" aria-live="polite">
          {exercise.summary} Choosing it commits nobody to anything: anyone can still decline.
        </p>
      )}

      <fieldset>
        <legend>In scope</legend>
        {shared.error && <p role="alert">{shared.error}</p>}
        {shared.data && shared.data.length === 0 && (
          <p class="muted">Nothing is shared by everyone here yet.</p>
        )}
        {shared.data?.map((s) => (
          <label key={s.item_id} class="check">
            <input
              type="checkbox"
              name="items"
              value={s.item_id}
              checked={items.has(s.item_id)}
              disabled={exercise?.requires.includes(s.item_id)}
              onChange={(e) => {
                const next = new Set(items);
                if (e.currentTarget.checked) next.add(s.item_id);
                else next.delete(s.item_id);
                setItems(next);
              }}
            />
            <span>
              {labelOf(s.item_id)}
              {s.level === 'ask-first' && <span class="muted"> · ask first</span>}
              {exercise?.requires.includes(s.item_id) && <span class="muted"> · part of this exercise</span>}
            </span>
          </label>
        ))}
      </fieldset>

      <label class="field">
        <span>Time limit in minutes</span>
        <input
          type="number"
          name="time_limit_minutes"
          min={TIME_MIN}
          max={TIME_MAX}
          inputMode="numeric"
          value={minutes}
          aria-describedby="time-hint"
          onInput={(e) => setMinutes(e.currentTarget.value)}
        />
        <small id="time-hint">
          From {TIME_MIN} to {TIME_MAX}. The practice ends at the limit, even mid-step. Paused time
          doesn't count.
        </small>
      </label>

      <fieldset>
        <legend>Who gives first</legend>
        {proposal.data && <RoleOrderNote proposal={proposal.data} me={me} nameOf={nameOf} />}
        <ol class="role-order">
          {roleOrder.map((id, i) => (
            <li key={id} class="row">
              <span class="grow">{nameOf(id)}</span>
              <button type="button" class="quiet" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${nameOf(id)} earlier`}>
                ↑
              </button>
              <button
                type="button"
                class="quiet"
                disabled={i === roleOrder.length - 1}
                onClick={() => move(i, 1)}
                aria-label={`Move ${nameOf(id)} later`}
              >
                ↓
              </button>
            </li>
          ))}
        </ol>
      </fieldset>

      <TextField
        label="Pause word"
        name="pause_word"
        maxLength={40}
        autoComplete="off"
        hint="Saying it, or pressing pause, stops everything at once — no questions asked."
        value={pauseWord}
        onValue={setPauseWord}
      />

      <label class="field">
        <span>Aftercare and debrief plan</span>
        <textarea name="aftercare" maxLength={2000} value={aftercare} onInput={(e) => setAftercare(e.currentTarget.value)} />
      </label>

      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <Status status={status} />
    </form>
  );
}
