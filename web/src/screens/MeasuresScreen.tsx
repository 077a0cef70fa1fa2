import {
  listMeasureSchedules,
  listMeasures,
  setMeasureSchedule,
  type Measure,
  type MeasureSchedule,
} from '../api';
import { Link } from '../components/Link';
import { RelationshipFrame } from '../components/RelationshipFrame';
import { SelectField } from '../components/SelectField';
import { Status } from '../components/Status';
import { useAction, useLoad } from '../hooks';

const rhythms = [
  { days: 0, label: 'No rhythm' },
  { days: 7, label: 'Every week' },
  { days: 14, label: 'Every two weeks' },
  { days: 28, label: 'Every four weeks' },
];

/** The questionnaires, what is due by my own rhythm, and where my results are. */
export function MeasuresScreen({ rid }: { rid: string }) {
  const measures = useLoad(listMeasures, []);
  const schedules = useLoad(() => listMeasureSchedules(rid), [rid]);
  return (
    <RelationshipFrame rid={rid} title="Questionnaires">
      <p class="muted">
        Short questionnaires to notice how things are over time. Your answers are private unless you
        choose to share a result. There is no right score, and you can skip any of them.
      </p>
      <p>
        <Link to={{ name: 'results', rid }}>Your results</Link> ·{' '}
        <Link to={{ name: 'progress', rid }}>Your progress</Link>
      </p>
      {(measures.error || schedules.error) && <p role="alert">{measures.error ?? schedules.error}</p>}
      <ul class="plain-list stack">
        {measures.data?.map((m) => (
          <MeasureCard
            key={m.id}
            rid={rid}
            measure={m}
            schedule={schedules.data?.find((s) => s.measure_id === m.id)}
            onChange={schedules.reload}
          />
        ))}
      </ul>
    </RelationshipFrame>
  );
}

function MeasureCard({
  rid,
  measure,
  schedule,
  onChange,
}: {
  rid: string;
  measure: Measure;
  schedule: MeasureSchedule | undefined;
  onChange: () => void;
}) {
  const { status, busy, run } = useAction();
  const every = schedule?.every_days ?? 0;
  return (
    <li class="card stack measure-card">
      <h2>
        {measure.name}
        {schedule?.due && <span class="badge"> Due</span>}
      </h2>
      <p class="muted small">
        {measure.validated ? measure.scoring_note : 'Our own few questions, not a validated questionnaire.'}
      </p>
      {measure.validated && !measure.texts_installed && (
        <p class="muted small">The question wording is not installed on this server; neutral placeholders are shown.</p>
      )}
      <Link class="button" to={{ name: 'measure', rid, id: measure.id }}>
        Answer {measure.short_name}
      </Link>
      <SelectField
        label="Your rhythm"
        value={String(rhythms.some((r) => r.days === every) ? every : 0)}
        disabled={busy}
        onChange={(v) =>
          run(async () => {
            await setMeasureSchedule(rid, measure.id, Number(v));
            onChange();
          }, 'Rhythm saved.')
        }
      >
        {rhythms.map((r) => (
          <option key={r.days} value={String(r.days)}>
            {r.label}
          </option>
        ))}
      </SelectField>
      <Status status={status} />
    </li>
  );
}
