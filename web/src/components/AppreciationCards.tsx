import { listAppreciations, type ReceivedAppreciation, type RelationshipSummary } from '../api';
import { useLoad } from '../hooks';
import { Link } from './Link';

// Only the most recent few, so the home screen stays calm; the rest are on each
// relationship's appreciation screen.
const kShown = 3;

/** Notes of appreciation that reached me, newest first, each a quiet card. Nothing if none. */
export function AppreciationCards({ relationships }: { relationships: RelationshipSummary[] }) {
  const ids = relationships.map((r) => r.id);
  const notes = useLoad(async () => {
    const lists = await Promise.all(
      ids.map(async (rid) => (await listAppreciations(rid)).received.map((n) => ({ rid, n }))),
    );
    return lists
      .flat()
      .sort((a, b) => b.n.created_at.localeCompare(a.n.created_at))
      .slice(0, kShown);
  }, [ids.join(',')]);
  if (!notes.data || notes.data.length === 0) return null;
  return (
    <section class="stack" aria-labelledby="appreciation-heading">
      <h2 id="appreciation-heading">Kind words for you</h2>
      <ul class="plain-list">
        {notes.data.map(({ rid, n }) => (
          <AppreciationCard key={n.id} rid={rid} note={n} />
        ))}
      </ul>
    </section>
  );
}

function AppreciationCard({ rid, note }: { rid: string; note: ReceivedAppreciation }) {
  return (
    <li class="card stack appreciation-card">
      <p class="entry-text">{note.text}</p>
      <p class="muted small">
        From {note.from.display_name} ·{' '}
        <Link to={{ name: 'appreciation', rid }}>write one back, if you like</Link>
      </p>
    </li>
  );
}
