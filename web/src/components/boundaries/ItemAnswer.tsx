// One boundary item answered privately: yes, maybe (ask first), no or not answered, with a
// private note. "Not answered" looks different from every answer, in words and in outline.
import { useState } from 'preact/hooks';
import { proposeCustomItem, setMyAnswer, type Answer, type CatalogueItem, type MyAnswer } from '../../api';
import { useAction } from '../../hooks';
import { Status } from '../Status';

export const answerLabels: Record<Answer, string> = {
  yes: 'Yes',
  maybe: 'Maybe (ask first)',
  no: 'No',
  unset: 'Not answered',
};
const answerOrder: Answer[] = ['yes', 'maybe', 'no', 'unset'];

export function ItemAnswer({
  rid,
  item,
  current,
  onChange,
  onProposed,
}: {
  rid: string;
  item: CatalogueItem;
  current?: MyAnswer;
  onChange: (answer: Answer) => void;
  onProposed: () => void;
}) {
  const [optimistic, setOptimistic] = useState<Answer | null>(null);
  const answer = optimistic ?? current?.answer ?? 'unset';
  const [note, setNote] = useState(current?.note ?? '');
  const { status, busy, run } = useAction();
  const name = `answer-${item.id}`;

  const save = async (next: Answer) => {
    setOptimistic(next);
    const ok = await run(async () => {
      await setMyAnswer(rid, item.id, next, note || undefined);
      onChange(next);
    }, `Saved: ${answerLabels[next]}.`);
    if (!ok) setOptimistic(null);
  };

  return (
    <fieldset class={`card item-answer${answer === 'unset' ? ' unanswered' : ''}`}>
      <legend>{item.label}</legend>
      {answer === 'unset' && <p class="unanswered-mark">Not answered yet</p>}
      {item.description && <p class="muted item-description">{item.description}</p>}
      {item.custom && item.mine && !item.proposed && (
        <ProposeCustom
          busy={busy}
          onPropose={() =>
            run(async () => {
              await proposeCustomItem(item.id);
              onProposed();
            }, 'Proposed. Everyone here can now answer it privately.')
          }
        />
      )}
      <div class="choices">
        {answerOrder.map((a) => (
          <label key={a} class={`choice choice-${a}`}>
            <input
              type="radio"
              name={name}
              value={a}
              checked={answer === a}
              disabled={busy}
              onChange={() => save(a)}
            />
            <span>{answerLabels[a]}</span>
          </label>
        ))}
      </div>
      <details class="note">
        <summary>Private note{current?.note ? ' (1)' : ''}</summary>
        <label class="field">
          <span>Only you can see this note</span>
          <textarea value={note} maxLength={2000} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <button type="button" disabled={busy} onClick={() => save(answer)}>
          Save note
        </button>
      </details>
      <Status status={status} />
    </fieldset>
  );
}

function ProposeCustom({ busy, onPropose }: { busy: boolean; onPropose: () => void }) {
  return (
    <div class="stack">
      <p class="muted">Only you can see this item until you propose it.</p>
      <button type="button" disabled={busy} onClick={onPropose}>
        Propose to the relationship
      </button>
    </div>
  );
}

