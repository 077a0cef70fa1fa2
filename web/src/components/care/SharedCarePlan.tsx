import { listCarePlan } from '../../api';
import { sharedCareEntries } from '../../care';
import { useLoad } from '../../hooks';
import { Link } from '../Link';
import { CareNotes } from './CareNotes';

/** While an agreement is drafted: the care-plan entries shared between you, to plan around. */
export function SharedCarePlan({ rid }: { rid: string }) {
  const entries = useLoad(() => listCarePlan(rid), [rid]);
  const notes = sharedCareEntries(entries.data ?? []).map((e) => ({
    kind: e.kind,
    text: e.text,
    author_name: e.mine ? 'you' : e.author_name,
  }));
  return (
    <section class="card stack care-plan" aria-labelledby="draft-care-heading">
      <h2 id="draft-care-heading">Care plan</h2>
      {entries.error && <p role="alert">{entries.error}</p>}
      {entries.data && <CareNotes notes={notes} />}
      <Link to={{ name: 'care', rid }} class="small">
        Open your care plan
      </Link>
    </section>
  );
}
