// The quick way through the boundary map: the items not answered yet, one at a time. An
// answer moves on by itself; "Skip for now" leaves an item as it is.
import { useState } from 'preact/hooks';
import type { CatalogueItem, MyAnswer } from '../../api';
import { ItemAnswer } from './ItemAnswer';

export function OneAtATime({
  rid,
  items,
  byItem,
  onChange,
  onProposed,
  onDone,
}: {
  rid: string;
  items: CatalogueItem[];
  byItem: Map<string, MyAnswer>;
  onChange: () => void;
  onProposed: () => void;
  onDone: () => void;
}) {
  // The round is fixed when it starts, so answering an item does not reshuffle the rest.
  const [round] = useState(() =>
    items.filter((i) => (byItem.get(i.id)?.answer ?? 'unset') === 'unset'),
  );
  const [position, setPosition] = useState(0);
  const item = round[position];
  const next = () => setPosition((p) => p + 1);

  return (
    <section class="stack one-at-a-time" aria-labelledby="quick-heading">
      <h2 id="quick-heading">One at a time</h2>
      {item ? (
        <>
          <p class="muted" aria-live="polite">
            Item {position + 1} of {round.length} not answered yet
          </p>
          <ItemAnswer
            key={item.id}
            rid={rid}
            item={item}
            current={byItem.get(item.id)}
            onChange={(answer) => {
              onChange();
              if (answer !== 'unset') next();
            }}
            onProposed={onProposed}
          />
          <div class="row">
            <button type="button" onClick={next}>
              Skip for now
            </button>
            <button type="button" class="quiet" onClick={onDone}>
              Back to the whole map
            </button>
          </div>
        </>
      ) : (
        <>
          <p role="status">
            {round.length
              ? "That's every item you hadn't answered. You can change any answer on the map."
              : 'You have answered every item. You can change any answer on the map.'}
          </p>
          <button type="button" class="primary" onClick={onDone}>
            Back to the whole map
          </button>
        </>
      )}
    </section>
  );
}
