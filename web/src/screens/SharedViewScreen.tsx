import { useMemo, useState } from 'preact/hooks';
import { getCatalogue, getRelationship, getSharedView, type Person } from '../api';
import { RelationshipFrame } from '../components/RelationshipFrame';
import { useLoad } from '../hooks';
import { sessionAccountId } from '../session';
import { Loading } from '../components/Loading';

export const levelLabels = { yes: 'Yes', 'ask-first': 'Ask first' } as const;

/** Items everyone in the chosen group is open to. Nothing here tells who said what. */
export function SharedViewScreen({ rid }: { rid: string }) {
  const relationship = useLoad(() => getRelationship(rid), [rid]);
  const catalogue = useLoad(() => getCatalogue(rid), [rid]);
  const [group, setGroup] = useState<string[] | null>(null); // null = everyone
  const shared = useLoad(() => getSharedView(rid, group ?? undefined), [rid, group?.join(',')]);

  const labelFor = useMemo(() => {
    const m = new Map(catalogue.data?.items.map((i) => [i.id, i]) ?? []);
    return (id: string) => m.get(id);
  }, [catalogue.data]);

  const partners = relationship.data?.partners ?? [];
  const error = relationship.error ?? catalogue.error ?? shared.error;

  return (
    <RelationshipFrame rid={rid} title="What we share">
      <p class="muted">
        An item appears here only when everyone in the group has said yes or maybe to it. “Ask
        first” means at least one person would like to be asked in the moment. Nothing here shows
        who said what, or who hasn't answered.
      </p>
      {partners.length > 2 && (
        <GroupPicker partners={partners} group={group} onChange={setGroup} />
      )}
      <Loading of={[relationship, shared]} />
      {error && <p role="alert">{error}</p>}
      {shared.data && shared.data.length === 0 && (
        <p class="card">Nothing to show yet. That's fine — there's no hurry.</p>
      )}
      {shared.data && shared.data.length > 0 && (
        <ul class="plain-list shared-list" aria-live="polite">
          {shared.data.map((s) => {
            const item = labelFor(s.item_id);
            return (
              <li key={s.item_id} class="card row shared-item">
                <span class="grow">{item?.label ?? 'An item'}</span>
                <span class={`badge badge-${s.level}`}>{levelLabels[s.level] ?? s.level}</span>
              </li>
            );
          })}
        </ul>
      )}
    </RelationshipFrame>
  );
}

function GroupPicker({
  partners,
  group,
  onChange,
}: {
  partners: Person[];
  group: string[] | null;
  onChange: (g: string[] | null) => void;
}) {
  const me = sessionAccountId();
  const chosen = new Set(group ?? partners.map((p) => p.id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    if (me) next.add(me);
    onChange(next.size === partners.length ? null : [...next]);
  };
  return (
    <fieldset class="card">
      <legend>Show what is shared with</legend>
      {partners.map((p) => (
        <label key={p.id} class="check">
          <input
            type="checkbox"
            checked={chosen.has(p.id)}
            disabled={p.id === me}
            onChange={(e) => toggle(p.id, e.currentTarget.checked)}
          />
          <span>{p.id === me ? `${p.display_name} (you)` : p.display_name}</span>
        </label>
      ))}
    </fieldset>
  );
}
