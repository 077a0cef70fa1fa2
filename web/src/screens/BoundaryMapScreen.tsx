import { useMemo, useState } from 'preact/hooks';
import {
  createCustomItem,
  getCatalogue,
  getMyAnswers,
  getMyHistory,
  proposeCustomItem,
  setMyAnswer,
  type Answer,
  type Catalogue,
  type CatalogueItem,
  type HistoryEntry,
  type MyAnswer,
} from '../api';
import { RelationshipFrame } from '../components/RelationshipFrame';
import { SelectField } from '../components/SelectField';
import { Status } from '../components/Status';
import { TextField } from '../components/TextField';
import { useAction, useLoad } from '../hooks';

export const answerLabels: Record<Answer, string> = {
  yes: 'Yes',
  maybe: 'Maybe (ask first)',
  no: 'No',
  unset: 'Not answered',
};
const answerOrder: Answer[] = ['yes', 'maybe', 'no', 'unset'];

export function BoundaryMapScreen({ rid }: { rid: string }) {
  const catalogue = useLoad(() => getCatalogue(rid), [rid]);
  const answers = useLoad(() => getMyAnswers(rid), [rid]);
  const [chosenCategory, setCategory] = useState<string | null>(null);
  // One category at a time keeps the page short; "All categories" is one choice away.
  const category = chosenCategory ?? catalogue.data?.categories[0]?.id ?? '';
  const [search, setSearch] = useState('');
  const [historyKey, setHistoryKey] = useState(0);

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
      {(catalogue.error || answers.error) && <p role="alert">{catalogue.error ?? answers.error}</p>}
      {catalogue.data && (
        <>
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
              Showing {visible.length} of {catalogue.data.items.length} items.
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
          <CustomItemForm rid={rid} catalogue={catalogue.data} onAdded={catalogue.reload} />
          <MyHistory rid={rid} catalogue={catalogue.data} key={historyKey} />
        </>
      )}
    </RelationshipFrame>
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
        return (
          <section key={c.id} class="stack" aria-labelledby={`cat-${c.id}`}>
            <h2 id={`cat-${c.id}`}>{c.label}</h2>
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

function ItemAnswer({
  rid,
  item,
  current,
  onChange,
  onProposed,
}: {
  rid: string;
  item: CatalogueItem;
  current?: MyAnswer;
  onChange: () => void;
  onProposed: () => void;
}) {
  const [optimistic, setOptimistic] = useState<Answer | null>(null);
  const answer = optimistic ?? current?.answer ?? 'unset';
  const [note, setNote] = useState(current?.note ?? '');
  const { status, busy, run } = useAction();
  const name = `answer-${item.id}`;

  const save = async (next: Answer) => {
    setOptimistic(next);
    const ok = await run(async () => {
      await setMyAnswer(rid, item.id, next, note || undefined);
      onChange();
    }, `Saved: ${answerLabels[next]}.`);
    if (!ok) setOptimistic(null);
  };

  return (
    <fieldset class="card item-answer">
      <legend>{item.label}</legend>
      {item.description && <p class="muted item-description">{item.description}</p>}
      {item.custom && item.mine && !item.proposed && (
        <ProposeCustom
          busy={busy}
          onPropose={() =>
            run(async () => {
              await proposeCustomItem(item.id);
              onProposed();
            }, 'Proposed. Everyone here can now answer it privately.')
          }
        />
      )}
      <div class="choices">
        {answerOrder.map((a) => (
          <label key={a} class={`choice choice-${a}`}>
            <input
              type="radio"
              name={name}
              value={a}
              checked={answer === a}
              disabled={busy}
              onChange={() => save(a)}
            />
            <span>{answerLabels[a]}</span>
          </label>
        ))}
      </div>
      <details class="note">
        <summary>Private note{current?.note ? ' (1)' : ''}</summary>
        <label class="field">
          <span>Only you can see this note</span>
          <textarea value={note} maxLength={2000} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <button type="button" disabled={busy} onClick={() => save(answer)}>
          Save note
        </button>
      </details>
      <Status status={status} />
    </fieldset>
  );
}

function ProposeCustom({ busy, onPropose }: { busy: boolean; onPropose: () => void }) {
  return (
    <div class="stack">
      <p class="muted">Only you can see this item until you propose it.</p>
      <button type="button" disabled={busy} onClick={onPropose}>
        Propose to the relationship
      </button>
    </div>
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
