import { useState } from 'preact/hooks';
import {
  addIntake,
  deleteIntake,
  listIntake,
  updateIntake,
  type IntakeEntry,
  type IntakeKind,
  type Visibility,
} from '../api';
import { RelationshipFrame } from '../components/RelationshipFrame';
import { Status } from '../components/Status';
import { VisibilityPicker, sharingChanged, visibilityLabels } from '../components/VisibilityPicker';
import { useAction, useLoad } from '../hooks';
import { EntryEditControls } from '../components/EntryEditControls';
import { Loading } from '../components/Loading';

const kinds: { kind: IntakeKind; title: string; prompt: string }[] = [
  {
    kind: 'hurt',
    title: 'Hurts',
    prompt: 'Something that has hurt, in your own words. Write as much or as little as you like.',
  },
  {
    kind: 'safe',
    title: 'What feels safe',
    prompt: 'What helps you feel safe, calm or cared for.',
  },
  {
    kind: 'desire',
    title: 'Wishes and desires',
    prompt: 'Something you would like, now or one day. There is no wrong answer.',
  },
];

export function IntakeScreen({ rid }: { rid: string }) {
  const entries = useLoad(() => listIntake(rid), [rid]);
  return (
    <RelationshipFrame rid={rid} title="Hurts, safety and wishes">
      <p class="muted">
        Everything you write here is private until you choose to share it, and you can un-share at
        any time. Every prompt is optional.
      </p>
      <Loading of={[entries]} />
      {entries.error && <p role="alert">{entries.error}</p>}
      {kinds.map((k) => (
        <section key={k.kind} class="stack" aria-labelledby={`kind-${k.kind}`}>
          <h2 id={`kind-${k.kind}`}>{k.title}</h2>
          <NewEntryForm rid={rid} kind={k.kind} prompt={k.prompt} onAdded={entries.reload} />
          <ul class="plain-list">
            {entries.data
              ?.filter((e) => e.kind === k.kind)
              .map((e) =>
                e.mine ? (
                  <MyEntry key={e.id} entry={e} onChange={entries.reload} />
                ) : (
                  <SharedEntry key={e.id} entry={e} />
                ),
              )}
          </ul>
        </section>
      ))}
    </RelationshipFrame>
  );
}

function NewEntryForm({
  rid,
  kind,
  prompt,
  onAdded,
}: {
  rid: string;
  kind: IntakeKind;
  prompt: string;
  onAdded: () => void;
}) {
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('private');
  const { status, busy, run } = useAction();
  return (
    <form
      class="card stack"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          await addIntake(rid, kind, text.trim(), visibility);
          setText('');
          setVisibility('private');
          onAdded();
        }, visibility === 'private' ? 'Saved, just for you.' : `Saved and shared with: ${visibilityLabels[visibility].toLowerCase()}.`);
      }}
    >
      <label class="field">
        <span>{prompt}</span>
        <textarea name={`new-${kind}`} required maxLength={4000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <VisibilityPicker value={visibility} onChange={setVisibility} />
      <button type="submit" disabled={busy}>
        Save
      </button>
      <Status status={status} />
    </form>
  );
}

function MyEntry({ entry, onChange }: { entry: IntakeEntry; onChange: () => void }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(entry.text);
  const { status, busy, run } = useAction();
  return (
    <li class="card stack intake-entry">
      {editing ? (
        <label class="field">
          <span>Your words</span>
          <textarea value={text} maxLength={4000} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
      ) : (
        <p class="entry-text">{entry.text}</p>
      )}
      <VisibilityPicker
        value={entry.visibility}
        disabled={busy}
        label="Shared with"
        onChange={(v) =>
          run(async () => {
            await updateIntake(entry.id, { visibility: v });
            onChange();
          }, sharingChanged(v))
        }
      />
      <EntryEditControls
        runner={{ busy, run }}
        editing={editing}
        onEdit={() => setEditing(true)}
        save={async () => {
          await updateIntake(entry.id, { text: text.trim() });
          setEditing(false);
          onChange();
        }}
        saved="Saved."
        remove={async () => {
          await deleteIntake(entry.id);
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

function SharedEntry({ entry }: { entry: IntakeEntry }) {
  return (
    <li class="card stack intake-entry shared">
      <p class="entry-text">{entry.text}</p>
      <p class="muted small">Shared by {entry.author_name}</p>
    </li>
  );
}
