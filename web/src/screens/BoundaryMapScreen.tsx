import { useMemo, useState } from 'preact/hooks';
import {
  createCustomItem,
  getCatalogue,
  getMyAnswers,
  getMyHistory,
  type Catalogue,
  type CatalogueItem,
  type HistoryEntry,
  type MyAnswer,
} from '../api';
import { answerLabels, ItemAnswer } from '../components/boundaries/ItemAnswer';
import { OneAtATime } from '../components/boundaries/OneAtATime';
import { RelationshipFrame } from '../components/RelationshipFrame';
import { SelectField } from '../components/SelectField';
import { Status } from '../components/Status';
import { TextField } from '../components/TextField';
import { useAction, useLoad } from '../hooks';

/** Answered means yes, maybe or no; "not answered" is no answer at all. */
export function isAnswered(answer?: MyAnswer): boolean {
  return !!answer && answer.answer !== 'unset';
}

export function BoundaryMapScreen({ rid }: { rid: string }) {
  const catalogue = useLoad(() => getCatalogue(rid), [rid]);
  const answers = useLoad(() => getMyAnswers(rid), [rid]);
  const [chosenCategory, setCategory] = useState<string | null>(null);
  // One category at a time keeps the page short; "All categories" is one choice away.
  const category = chosenCategory ?? catalogue.data?.categories[0]?.id ?? '';
  const [search, setSearch] = useState('');
  const [historyKey, setHistoryKey] = useState(0);
  const [quick, setQuick] = useState(false);

  const byItem = useMemo(() => {
    const m = new Map<string, MyAnswer>();
    answers.data?.forEach((a) => m.set(a.item_id, a));
    return m;
  }, [answers.data]);

  const visible = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (catalogue.data?.items ?? []).filter(
      (i) =>
        (!category || i.category === category) &&
        (!q || i.label.toLowerCase().includes(q) || i.description?.toLowerCase().includes(q)),
    );
  }, [catalogue.data, category, search]);

  const changed = () => {
    void answers.reload();
    setHistoryKey((k) => k + 1);
  };

  const items = catalogue.data?.items ?? [];
  const answeredCount = items.filter((i) => isAnswered(byItem.get(i.id))).length;
  const loading = (catalogue.loading && !catalogue.data) || (answers.loading && !answers.data);

  return (
    <RelationshipFrame rid={rid} title="Boundary map">
      <p class="muted">
        Your answers are yours alone. Others only ever see an item in “What we share” when
        everyone there is open to it — never who said no, and never who hasn't answered. You can
        change your mind at any time.
      </p>
      <p class="muted small" data-testid="reveal-limit">
        One honest limit: what you all share can hint at the rest — someone who says yes to
        everything sees which items you left open, and an item missing from a view means someone
        there is not open to it, though never who.
      </p>
      {loading && <p role="status">Loading your map…</p>}
      {(catalogue.error || answers.error) && <p role="alert">{catalogue.error ?? answers.error}</p>}
      {catalogue.data && answers.data && (
        <>
          <div class="progress-line" data-testid="answered-progress">
            <p aria-live="polite">
              {answeredCount} of {items.length} answered
            </p>
            <progress max={items.length} value={answeredCount} aria-label="Answered so far">
              {answeredCount} of {items.length}
            </progress>
          </div>
          {quick ? (
            <OneAtATime
              rid={rid}
              items={orderedItems(catalogue.data)}
              byItem={byItem}
              onChange={changed}
              onProposed={catalogue.reload}
              onDone={() => setQuick(false)}
            />
          ) : (
            <>
              <button type="button" onClick={() => setQuick(true)}>
                Answer one at a time
              </button>
              <div class="card stack filters" role="search" aria-label="Filter the boundary map">
                <SelectField label="Category" value={category} onChange={setCategory}>
                  <option value="">All categories</option>
                  {catalogue.data.categories.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.label}
                    </option>
                  ))}
                </SelectField>
                <TextField label="Find an item" value={search} onValue={setSearch} />
                <p class="muted" aria-live="polite">
                  Showing {visible.length} of {items.length} items.
                </p>
              </div>
              <CategoryGroups
                catalogue={catalogue.data}
                items={visible}
                byItem={byItem}
                rid={rid}
                onChange={changed}
                onProposed={catalogue.reload}
              />
              {category && !search && (
                <CategoryPager catalogue={catalogue.data} category={category} onChoose={setCategory} />
              )}
              <CustomItemForm rid={rid} catalogue={catalogue.data} onAdded={catalogue.reload} />
              <MyHistory rid={rid} catalogue={catalogue.data} key={historyKey} />
            </>
          )}
        </>
      )}
    </RelationshipFrame>
  );
}

/** Every item, category by category in the catalogue's order. */
function orderedItems(catalogue: Catalogue): CatalogueItem[] {
  return catalogue.categories.flatMap((c) => catalogue.items.filter((i) => i.category === c.id));
}

/** Moves to the previous or next category, saying where you are. */
function CategoryPager({
  catalogue,
  category,
  onChoose,
}: {
  catalogue: Catalogue;
  category: string;
  onChoose: (id: string) => void;
}) {
  const index = catalogue.categories.findIndex((c) => c.id === category);
  if (index < 0) return null;
  const previous = catalogue.categories[index - 1];
  const next = catalogue.categories[index + 1];
  const go = (id: string) => {
    onChoose(id);
    document.getElementById('main')?.scrollIntoView();
  };
  return (
    <nav class="row pager" aria-label="Categories">
      {previous && (
        <button type="button" onClick={() => go(previous.id)}>
          ← {previous.label}
        </button>
      )}
      <span class="muted grow">
        Category {index + 1} of {catalogue.categories.length}
      </span>
      {next && (
        <button type="button" class="primary" onClick={() => go(next.id)}>
          Next: {next.label} →
        </button>
      )}
    </nav>
  );
}

function CategoryGroups({
  catalogue,
  items,
  byItem,
  rid,
  onChange,
  onProposed,
}: {
  catalogue: Catalogue;
  items: CatalogueItem[];
  byItem: Map<string, MyAnswer>;
  rid: string;
  onChange: () => void;
  onProposed: () => void;
}) {
  return (
    <>
      {catalogue.categories.map((c) => {
        const inCategory = items.filter((i) => i.category === c.id);
        if (!inCategory.length) return null;
        const answered = inCategory.filter((i) => isAnswered(byItem.get(i.id))).length;
        return (
          <section key={c.id} class="stack" aria-labelledby={`cat-${c.id}`}>
            <h2 id={`cat-${c.id}`}>{c.label}</h2>
            <p class="muted small">
              {answered} of {inCategory.length} answered here
            </p>
            {inCategory.map((item) => (
              <ItemAnswer
                key={item.id}
                rid={rid}
                item={item}
                current={byItem.get(item.id)}
                onChange={onChange}
                onProposed={onProposed}
              />
            ))}
          </section>
        );
      })}
    </>
  );
}

function CustomItemForm({
  rid,
  catalogue,
  onAdded,
}: {
  rid: string;
  catalogue: Catalogue;
  onAdded: () => void;
}) {
  const [label, setLabel] = useState('');
  const [category, setCategory] = useState(catalogue.categories[0]?.id ?? '');
  const { status, busy, run } = useAction();
  return (
    <form
      class="card stack"
      aria-labelledby="custom-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          await createCustomItem(rid, category, label.trim());
          setLabel('');
          onAdded();
        }, 'Added. Only you can see it until you propose it.');
      }}
    >
      <h2 id="custom-heading">Add your own item</h2>
      <p class="muted">It stays private to you until you choose to propose it.</p>
      <SelectField label="Category of your item" value={category} onChange={setCategory}>
        {catalogue.categories.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </SelectField>
      <TextField label="Item" required maxLength={80} value={label} onValue={setLabel} />
      <button type="submit" disabled={busy}>
        Add item
      </button>
      <Status status={status} />
    </form>
  );
}

function MyHistory({ rid, catalogue }: { rid: string; catalogue: Catalogue }) {
  const [open, setOpen] = useState(false);
  const history = useLoad<HistoryEntry[]>(() => (open ? getMyHistory(rid) : Promise.resolve([])), [rid, open]);
  const label = (id: string) => catalogue.items.find((i) => i.id === id)?.label ?? 'An item';
  return (
    <details class="card" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>My history</summary>
      <p class="muted">Every change you made, newest first. Only you can see this.</p>
      {history.error && <p role="alert">{history.error}</p>}
      {open && history.data && history.data.length === 0 && <p>No changes yet.</p>}
      <ol class="plain-list history">
        {history.data?.map((h, i) => (
          <li key={i}>
            <strong>{label(h.item_id)}</strong>: {answerLabels[h.answer] ?? h.answer}
            {formatWhen(h.at)}
          </li>
        ))}
      </ol>
    </details>
  );
}

function formatWhen(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? '' : ` · ${d.toLocaleString()}`;
}
