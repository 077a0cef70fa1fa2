import { useState } from 'preact/hooks';
import {
  addTherapistNote,
  getSharedWithTherapist,
  getTherapistInbox,
  getTherapistNotes,
  offerNextStage,
  replyOnChannel,
  type SharedWithTherapistEntry,
} from '../api';
import { Heading } from '../components/Heading';
import { Link } from '../components/Link';
import { Status } from '../components/Status';
import { MessageThread } from '../components/therapy/MessageThread';
import { useAction, useLoad } from '../hooks';

const featureWords: Record<string, string> = {
  intake: 'Hurts, safety and wishes',
  checkin: 'Check-in',
};

/** One linked relationship as its therapist sees it: what was shared, notes, messages. */
export function ClientScreen({ rid }: { rid: string }) {
  const shared = useLoad(() => getSharedWithTherapist(rid), [rid]);
  return (
    <section class="screen">
      <nav aria-label="Back">
        <Link to={{ name: 'home' }}>← Your caseload</Link>
      </nav>
      <Heading>Shared with you</Heading>
      {shared.error && <p role="alert">{shared.error}</p>}
      {shared.data?.length === 0 && <p>Nothing has been shared with you here yet.</p>}
      <ul class="plain-list shared-entries">
        {shared.data?.map((e) => <SharedEntry key={e.id} entry={e} />)}
      </ul>
      {shared.data && <Notes rid={rid} />}
      {shared.data && <Channels rid={rid} />}
      {shared.data && <OfferStage rid={rid} />}
    </section>
  );
}

function SharedEntry({ entry }: { entry: SharedWithTherapistEntry }) {
  const body = entry.body as Record<string, unknown>;
  const text = typeof body.text === 'string' ? body.text : typeof body.note === 'string' ? body.note : '';
  const scores = ['mood', 'energy', 'interest', 'safety', 'stress'].filter((k) => typeof body[k] === 'number');
  return (
    <li class="card stack shared-entry">
      <p class="muted small">
        {featureWords[entry.feature] ?? entry.feature} · {entry.author.display_name} ·{' '}
        {new Date(entry.created_at).toLocaleDateString()}
      </p>
      {text && <p class="entry-text">{text}</p>}
      {scores.length > 0 && <p class="small">{scores.map((k) => `${k} ${String(body[k])}`).join(', ')}</p>}
    </li>
  );
}

function Notes({ rid }: { rid: string }) {
  const notes = useLoad(() => getTherapistNotes(rid), [rid]);
  const [text, setText] = useState('');
  const { status, busy, run } = useAction();
  return (
    <section class="card stack" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Your private notes</h2>
      <p class="muted small">Only you can read these. They go with your account.</p>
      <ul class="plain-list">
        {notes.data?.map((n) => (
          <li key={n.id} class="note">
            <p class="entry-text">{n.text}</p>
          </li>
        ))}
      </ul>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await addTherapistNote(rid, text.trim());
            setText('');
            await notes.reload();
          }, 'Saved.');
        }}
      >
        <label class="field">
          <span>A new note</span>
          <textarea name="note" required maxLength={8000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={busy}>
          Save note
        </button>
        <Status status={status} />
      </form>
    </section>
  );
}

function Channels({ rid }: { rid: string }) {
  const inbox = useLoad(() => getTherapistInbox(), []);
  const here = inbox.data?.filter((c) => c.relationship_id === rid) ?? [];
  return (
    <section class="card stack" aria-labelledby="messages-heading">
      <h2 id="messages-heading">Private messages</h2>
      <p class="muted small">Each partner's messages are theirs alone; the others never see them.</p>
      {here.map((channel) => (
        <section key={channel.partner.id} class="stack" aria-label={`Messages with ${channel.partner.display_name}`}>
          <h3>{channel.partner.display_name}</h3>
          <MessageThread
            messages={channel.messages}
            ownSide="therapist"
            label={`A reply to ${channel.partner.display_name}`}
            onSend={async (text) => {
              await replyOnChannel(rid, channel.partner.id, text);
              await inbox.reload();
            }}
          />
        </section>
      ))}
    </section>
  );
}

function OfferStage({ rid }: { rid: string }) {
  const { status, busy, run } = useAction();
  return (
    <section class="card stack" aria-labelledby="offer-heading">
      <h2 id="offer-heading">Their programme</h2>
      <p class="muted small">
        You can offer the next stage. It opens only if every partner says yes, with no pressure
        either way.
      </p>
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          run(() => offerNextStage(rid), 'The next stage is offered. The partners choose.')
        }
      >
        Offer the next stage
      </button>
      <Status status={status} />
    </section>
  );
}
