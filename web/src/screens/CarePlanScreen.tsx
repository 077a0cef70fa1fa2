import { useState } from 'preact/hooks';
import {
  addCarePlanEntry,
  deleteCarePlanEntry,
  listCarePlan,
  updateCarePlanEntry,
  type CarePlanEntry,
  type CarePlanKind,
  type Visibility,
} from '../api';
import { careByline, careKinds, carePlanPurpose } from '../care';
import { RelationshipFrame } from '../components/RelationshipFrame';
import { Status } from '../components/Status';
import { VisibilityPicker, sharingChanged, visibilityLabels } from '../components/VisibilityPicker';
import { useAction, useLoad } from '../hooks';
import { EntryEditControls } from '../components/EntryEditControls';

const maxText = 2000;

/** Triggers, what helps and words that reassure: private until shared, one entry at a time. */
export function CarePlanScreen({ rid }: { rid: string }) {
  const entries = useLoad(() => listCarePlan(rid), [rid]);
  return (
    <RelationshipFrame rid={rid} title="Care plan">
      <p class="muted">{carePlanPurpose}</p>
      <p class="muted small">
        Everything here is private until you share it, and you can un-share at any time. What you
        share shows on the pause screen of a practice, without your name unless you choose to show
        it.
      </p>
      {entries.error && <p role="alert">{entries.error}</p>}
      {careKinds.map((k) => (
        <section key={k.kind} class="stack" aria-labelledby={`care-${k.kind}`}>
          <h2 id={`care-${k.kind}`}>{k.title}</h2>
          <NewCareEntry rid={rid} kind={k.kind} prompt={k.prompt} onAdded={entries.reload} />
          <ul class="plain-list">
            {entries.data
              ?.filter((e) => e.kind === k.kind)
              .map((e) =>
                e.mine ? (
                  <MyCareEntry key={e.id} entry={e} onChange={entries.reload} />
                ) : (
                  <li key={e.id} class="card stack care-entry shared">
                    <p class="entry-text">{e.text}</p>
                    <p class="muted small">{careByline(e)}</p>
                  </li>
                ),
              )}
          </ul>
        </section>
      ))}
    </RelationshipFrame>
  );
}

function ShowNameToggle({
  checked,
  disabled,
  onChange,
}: {
  checked: boolean;
  disabled?: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <label class="check">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <span>Show my name with it when shared</span>
    </label>
  );
}

function NewCareEntry({
  rid,
  kind,
  prompt,
  onAdded,
}: {
  rid: string;
  kind: CarePlanKind;
  prompt: string;
  onAdded: () => void;
}) {
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('private');
  const [showName, setShowName] = useState(false);
  const { status, busy, run } = useAction();
  return (
    <form
      class="card stack"
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          async () => {
            await addCarePlanEntry(rid, { kind, text: text.trim(), visibility, show_name: showName });
            setText('');
            setVisibility('private');
            setShowName(false);
            onAdded();
          },
          visibility === 'private'
            ? 'Saved, just for you.'
            : `Saved and shared with: ${visibilityLabels[visibility].toLowerCase()}.`,
        );
      }}
    >
      <label class="field">
        <span>{prompt}</span>
        <textarea
          name={`new-care-${kind}`}
          required
          maxLength={maxText}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <VisibilityPicker value={visibility} onChange={setVisibility} />
      {visibility !== 'private' && <ShowNameToggle checked={showName} onChange={setShowName} />}
      <button type="submit" disabled={busy}>
        Save
      </button>
      <Status status={status} />
    </form>
  );
}

function MyCareEntry({ entry, onChange }: { entry: CarePlanEntry; onChange: () => void }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(entry.text);
  const { status, busy, run } = useAction();
  const visibility = entry.visibility ?? 'private';
  return (
    <li class="card stack care-entry" data-testid="my-care-entry">
      {editing ? (
        <label class="field">
          <span>Your words</span>
          <textarea value={text} maxLength={maxText} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
      ) : (
        <p class="entry-text">{entry.text}</p>
      )}
      <VisibilityPicker
        value={visibility}
        disabled={busy}
        label="Shared with"
        onChange={(v) =>
          run(
            async () => {
              await updateCarePlanEntry(entry.id, { visibility: v });
              onChange();
            },
            sharingChanged(v),
          )
        }
      />
      {visibility !== 'private' && (
        <ShowNameToggle
          checked={entry.show_name ?? false}
          disabled={busy}
          onChange={(v) =>
            run(async () => {
              await updateCarePlanEntry(entry.id, { show_name: v });
              onChange();
            }, v ? 'Your name now shows with it.' : 'It no longer says it is yours.')
          }
        />
      )}
      <EntryEditControls
        runner={{ busy, run }}
        editing={editing}
        onEdit={() => setEditing(true)}
        save={async () => {
          await updateCarePlanEntry(entry.id, { text: text.trim() });
          setEditing(false);
          onChange();
        }}
        saved="Saved."
        remove={async () => {
          await deleteCarePlanEntry(entry.id);
          onChange();
        }}
        removed="Deleted."
      >
        Delete this entry for good? It can't be brought back, and anyone you shared it with no
        longer sees it.
      </EntryEditControls>
      <Status status={status} />
    </li>
  );
}
