// Past practices of a relationship, newest first, each with its debrief: open to answer,
// waiting for everyone, shown, or closed.
import {
  getAgreement,
  getDebriefs,
  listExercises,
  listPractices,
  type Debriefs,
  type PracticeSummary,
} from '../api';
import { Link } from '../components/Link';
import { RelationshipFrame } from '../components/RelationshipFrame';
import { useLoad } from '../hooks';
import { Loading } from '../components/Loading';

interface PastPractice {
  practice: PracticeSummary;
  title: string;
  debriefs: Debriefs | null;
}

async function loadHistory(rid: string): Promise<PastPractice[]> {
  const [practices, exercises] = await Promise.all([listPractices(rid), listExercises().catch(() => [])]);
  const ended = practices.filter((p) => p.status === 'ended');
  return Promise.all(
    ended.map(async (practice) => {
      const agreement = await getAgreement(practice.agreement_id).catch(() => null);
      const exercise = exercises.find((e) => e.id === agreement?.exercise_id);
      const debriefs = await getDebriefs(practice.id).catch(() => null);
      return { practice, title: exercise?.title ?? 'A practice', debriefs };
    }),
  );
}

function debriefLabel(debriefs: Debriefs | null): string {
  if (!debriefs) return '';
  if (debriefs.status === 'revealed') return 'Reflections shared';
  if (debriefs.closes_at && Date.parse(debriefs.closes_at) <= Date.now()) return 'Debrief closed';
  return 'Debrief open until everyone has answered or skipped';
}

export function PracticeHistoryScreen({ rid }: { rid: string }) {
  const history = useLoad(() => loadHistory(rid), [rid]);
  return (
    <RelationshipFrame rid={rid} title="Past practices">
      <Loading of={[history]} />
      {history.error && <p role="alert">{history.error}</p>}
      {history.data && history.data.length === 0 && (
        <p class="muted">Practices you finish together will appear here, with your reflections.</p>
      )}
      <ul class="plain-list" aria-label="Past practices">
        {history.data?.map(({ practice, title, debriefs }) => (
          <li key={practice.id}>
            <Link class="card card-link" to={{ name: 'debrief', rid, pid: practice.id }}>
              {title}
              <span class="card-sub">{debriefLabel(debriefs)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </RelationshipFrame>
  );
}
