import { useState } from 'preact/hooks';
import {
  getRelationship,
  listAppreciations,
  sendAppreciation,
  withdrawAppreciation,
  type SentAppreciation,
} from '../api';
import { ActionButton } from '../components/ActionButton';
import { RelationshipFrame } from '../components/RelationshipFrame';
import { SelectField } from '../components/SelectField';
import { Status } from '../components/Status';
import { useAction, useLoad } from '../hooks';
import { sessionAccountId } from '../session';

/** Short notes of appreciation: written when someone feels like it, never counted. */
export function AppreciationScreen({ rid }: { rid: string }) {
  const notes = useLoad(() => listAppreciations(rid), [rid]);
  return (
    <RelationshipFrame rid={rid} title="Appreciation">
      <p class="muted">
        A few words to say you noticed something kind, for one partner or for everyone. They show
        up on the home screen, and you can take a note back at any time.
      </p>
      {notes.error && <p role="alert">{notes.error}</p>}
      <NoteForm rid={rid} onSent={notes.reload} />
      {notes.data && notes.data.received.length === 0 && notes.data.sent.length === 0 && (
        <p class="empty card">
          No notes here yet. A note is a small way to say you noticed something good.
        </p>
      )}
      {notes.data && notes.data.received.length > 0 && (
        <section class="stack" aria-labelledby="received-heading">
          <h2 id="received-heading">For you</h2>
          <ul class="plain-list">
            {notes.data.received.map((n) => (
              <li key={n.id} class="card stack appreciation-card">
                <p class="entry-text">{n.text}</p>
                <p class="muted small">From {n.from.display_name}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {notes.data && notes.data.sent.length > 0 && (
        <section class="stack" aria-labelledby="sent-heading">
          <h2 id="sent-heading">Notes you wrote</h2>
          <ul class="plain-list">
            {notes.data.sent.map((n) => (
              <SentNote key={n.id} note={n} onChange={notes.reload} />
            ))}
          </ul>
        </section>
      )}
    </RelationshipFrame>
  );
}

function NoteForm({ rid, onSent }: { rid: string; onSent: () => void }) {
  const detail = useLoad(() => getRelationship(rid), [rid]);
  const me = sessionAccountId();
  const partners = detail.data?.partners.filter((p) => p.id !== me) ?? [];
  const [to, setTo] = useState('');
  const [text, setText] = useState('');
  const { status, busy, run } = useAction();
  return (
    <form
      class="card stack"
      aria-labelledby="note-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          await sendAppreciation(rid, text.trim(), to || undefined);
          setText('');
          onSent();
        }, 'Sent. You can take it back below if you change your mind.');
      }}
    >
      <h2 id="note-heading">Write a note</h2>
      <SelectField label="For" value={to} onChange={setTo}>
        <option value="">Everyone here</option>
        {partners.map((p) => (
          <option key={p.id} value={p.id}>
            {p.display_name}
          </option>
        ))}
      </SelectField>
      <label class="field">
        <span>Your words</span>
        <textarea
          name="appreciation"
          required
          maxLength={500}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <button type="submit" disabled={busy}>
        Send
      </button>
      <Status status={status} />
    </form>
  );
}

function SentNote({ note, onChange }: { note: SentAppreciation; onChange: () => void }) {
  const runner = useAction();
  return (
    <li class="card stack">
      <p class="entry-text">{note.text}</p>
      <p class="muted small">For {note.to ? note.to.display_name : 'everyone'}</p>
      <ActionButton
        runner={runner}
        action={async () => {
          await withdrawAppreciation(note.id);
          onChange();
        }}
      >
        Take back
      </ActionButton>
      <Status status={runner.status} />
    </li>
  );
}
