import { useState } from 'preact/hooks';
import { answerMeasure, getMeasure, shareMeasureResult, type Visibility } from '../api';
import { Link } from '../components/Link';
import { MeasureItemField } from '../components/MeasureItemField';
import { RelationshipFrame } from '../components/RelationshipFrame';
import { Status } from '../components/Status';
import { VisibilityPicker, visibilityLabels } from '../components/VisibilityPicker';
import { useAction, useLoad } from '../hooks';

interface Answered {
  id: string;
  score: number;
  band: string | null;
  visibility: Visibility;
}

/** Answer one questionnaire privately, then see the score and choose whether to share it. */
export function MeasureScreen({ rid, id }: { rid: string; id: string }) {
  const measure = useLoad(() => getMeasure(id), [id]);
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [answered, setAnswered] = useState<Answered | null>(null);
  const send = useAction();
  const share = useAction();
  const m = measure.data;
  const complete = m !== undefined && m.items.every((item) => answers[item.id] !== undefined);
  return (
    <RelationshipFrame rid={rid} title={m ? m.name : 'Questionnaire'}>
      {measure.error && <p role="alert">{measure.error}</p>}
      {m && !m.validated && <p class="muted">Our own few questions: a way to notice your week, not a validated measure.</p>}
      {m && m.validated && !m.texts_installed && (
        <p class="card muted" role="note">
          The wording of this questionnaire is not installed by your operator, so each question shows a
          neutral placeholder. Your answers are scored the same way.
        </p>
      )}
      {m && !answered && (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void send.run(async () => {
              const done = await answerMeasure(rid, id, answers);
              setAnswered({ id: done.id, score: done.score, band: done.band ?? null, visibility: 'private' });
            });
          }}
        >
          {m.items.map((item) => (
            <MeasureItemField
              key={item.id}
              item={item}
              value={answers[item.id]}
              disabled={send.busy}
              onChange={(v) => setAnswers({ ...answers, [item.id]: v })}
            />
          ))}
          <button type="submit" disabled={!complete || send.busy}>
            Save my answers
          </button>
          <Status status={send.status} />
        </form>
      )}
      {m && answered && (
        <section class="card stack" aria-labelledby="score-heading">
          <h2 id="score-heading">Your score</h2>
          <p class="measure-score">
            {m.short_name}: {answered.score} (from {m.min_total} to {m.max_total})
          </p>
          {answered.band && <p class="muted">{answered.band}</p>}
          <p class="muted small">A number to notice change over time, not a verdict.</p>
          <VisibilityPicker
            value={answered.visibility}
            disabled={share.busy}
            label="Shared with"
            onChange={(v) =>
              share.run(async () => {
                await shareMeasureResult(answered.id, v);
                setAnswered({ ...answered, visibility: v });
              }, v === 'private' ? 'Private.' : `Now shared with: ${visibilityLabels[v].toLowerCase()}.`)
            }
          />
          <Status status={share.status} />
          <Link to={{ name: 'progress', rid }}>See your progress</Link>
        </section>
      )}
    </RelationshipFrame>
  );
}
