import { Link } from '../components/Link';
import { RelationshipFrame } from '../components/RelationshipFrame';
import { exercisesOnce } from '../content';
import { useLoad } from '../hooks';
import { byStage, stageLabel } from '../stages';

/** The exercise library, grouped by stage from the gentlest; each opens its details. */
export function ExercisesScreen({ rid }: { rid: string }) {
  const exercises = useLoad(exercisesOnce, []);
  return (
    <RelationshipFrame rid={rid} title="Exercise library" back="agreements">
      <p class="muted">
        The stages go from simply being together to slow erotic touch. Reading about an exercise
        commits nobody to anything, and any exercise can be declined without a reason.
      </p>
      {exercises.loading && !exercises.data && <p role="status">Loading…</p>}
      {exercises.error && <p role="alert">{exercises.error}</p>}
      {exercises.data &&
        byStage(exercises.data).map(([stage, list]) => (
          <section key={stage} class="stack" aria-labelledby={`stage-${stage}`}>
            <h2 id={`stage-${stage}`}>{stageLabel(stage)}</h2>
            <ul class="plain-list exercise-list">
              {list.map((e) => (
                <li key={e.id}>
                  <Link class="card card-link" to={{ name: 'exercise', rid, id: e.id }}>
                    {e.title}
                    <span class="card-sub">
                      {e.minutes} minutes · {e.summary}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
    </RelationshipFrame>
  );
}
