// Which of an exercise's items are not yet shared by everyone. Every such item is listed the
// same way, whatever the reason; only the ones *you* have not answered open for an answer
// here, so nothing hints at whose answer is missing or what it was.
import { getMyAnswers, getSharedView, type Catalogue, type MyAnswer } from '../../api';
import { useLoad } from '../../hooks';
import { ItemAnswer } from './ItemAnswer';

export function MutualNeeds({
  rid,
  requires,
  catalogue,
}: {
  rid: string;
  requires: string[];
  catalogue: Catalogue;
}) {
  const shared = useLoad(() => getSharedView(rid), [rid]);
  const mine = useLoad(() => getMyAnswers(rid), [rid]);
  if (!shared.data || !mine.data) return null;
  const sharedIds = new Set(shared.data.map((s) => s.item_id));
  const missing = requires.filter((id) => !sharedIds.has(id));
  if (!missing.length) {
    return (
      <p class="muted" data-testid="mutual-needs">
        Everyone here is open to each of these, so it can be chosen.
      </p>
    );
  }
  const answerOf = (id: string): MyAnswer | undefined => mine.data?.find((a) => a.item_id === id);
  const unanswered = (id: string) => (answerOf(id)?.answer ?? 'unset') === 'unset';
  const refresh = () => {
    void shared.reload();
    void mine.reload();
  };
  return (
    <div class="stack mutual-needs" data-testid="mutual-needs">
      <p>It can't be chosen yet. These still need to be shared by everyone:</p>
      <ul>
        {missing.map((id) => (
          <li key={id}>{catalogue.items.find((i) => i.id === id)?.label ?? 'An item'}</li>
        ))}
      </ul>
      {missing.filter(unanswered).map((id) => {
        const item = catalogue.items.find((i) => i.id === id);
        return item ? (
          <ItemAnswer key={id} rid={rid} item={item} current={answerOf(id)} onChange={refresh} onProposed={refresh} />
        ) : null;
      })}
      <p class="muted small">
        Others answer privately, in their own time. Nobody is told who has or hasn't.
      </p>
    </div>
  );
}
