import { getCatalogue, getExercise, type Catalogue, type ExerciseDetail } from '../api';
import { MutualNeeds } from '../components/boundaries/MutualNeeds';
import { Link } from '../components/Link';
import { RelationshipFrame } from '../components/RelationshipFrame';
import { useLoad } from '../hooks';
import { stageLabel } from '../stages';

const minutesOf = (seconds: number) => {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (!m) return `${s} seconds`;
  return s ? `${m} min ${s} s` : `${m} min`;
};

const roleWords = {
  together: 'Together',
  giver_receiver: 'In turns: one gives, one receives',
} as const;

/** One exercise in full: purpose, stage, what it needs, its timed steps and roles. */
export function ExerciseScreen({ rid, id }: { rid: string; id: string }) {
  const exercise = useLoad(() => getExercise(id), [id]);
  const catalogue = useLoad(() => getCatalogue(rid), [rid]);
  const title = exercise.data?.title ?? 'Exercise';
  return (
    <RelationshipFrame rid={rid} title={title} back="agreements">
      <p>
        <Link to={{ name: 'exercises', rid }}>← All exercises</Link>
      </p>
      {exercise.loading && !exercise.data && <p role="status">Loading…</p>}
      {exercise.error && <p role="alert">{exercise.error}</p>}
      {exercise.data && (
        <ExerciseDetails
          rid={rid}
          exercise={exercise.data}
          catalogue={catalogue.data}
          labelOf={(item) => catalogue.data?.items.find((i) => i.id === item)?.label ?? item}
        />
      )}
    </RelationshipFrame>
  );
}

function ExerciseDetails({
  rid,
  exercise,
  catalogue,
  labelOf,
}: {
  rid: string;
  exercise: ExerciseDetail;
  catalogue?: Catalogue;
  labelOf: (item: string) => string;
}) {
  return (
    <div class="stack exercise-detail">
      <p class="muted">
        {stageLabel(exercise.stage)} · about {exercise.minutes} minutes
      </p>
      <p>{exercise.purpose}</p>

      <section class="stack" aria-labelledby="requires-heading">
        <h2 id="requires-heading">What it needs in scope</h2>
        <ul>
          {exercise.requires.map((item) => (
            <li key={item}>{labelOf(item)}</li>
          ))}
        </ul>
        <p class="muted">
          It can only be chosen when everyone taking part is open to each of these.
        </p>
        {catalogue && <MutualNeeds rid={rid} requires={exercise.requires} catalogue={catalogue} />}
      </section>

      <section class="stack" aria-labelledby="steps-heading">
        <h2 id="steps-heading">Steps</h2>
        <ol class="exercise-steps">
          {exercise.steps.map((step, i) => (
            <li key={i} class="card">
              <strong>{step.name}</strong>
              <span class="card-sub">
                {minutesOf(step.seconds)} · {roleWords[step.roles]}
              </span>
              <p>{step.instruction}</p>
            </li>
          ))}
        </ol>
        <p class="muted">Anyone can pause at any moment, for any reason.</p>
      </section>

      <section class="stack" aria-labelledby="reflect-heading">
        <h2 id="reflect-heading">Before and after</h2>
        <p>
          <strong>Before:</strong> {exercise.pre_checkin_prompt}
        </p>
        <p>
          <strong>After:</strong> {exercise.post_checkin_prompt}
        </p>
        <ul>
          {exercise.debrief_prompts.map((prompt) => (
            <li key={prompt}>{prompt}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
