import { useState } from 'preact/hooks';
import {
  getIntention,
  getReading,
  getRelationship,
  listConversationCards,
  listReadings,
  setIntention,
  type ReadingSummary,
} from '../api';
import { RelationshipFrame } from '../components/RelationshipFrame';
import { Status } from '../components/Status';
import { useAction, useLoad } from '../hooks';
import { themeLabels, turnOf } from '../learning';
import { sessionAccountId } from '../session';

/** Learning together: a shared intention, short readings and conversation cards. */
export function LearningScreen({ rid }: { rid: string }) {
  return (
    <RelationshipFrame rid={rid} title="Learning together">
      <SharedIntention rid={rid} />
      <Readings />
      <ConversationCards rid={rid} />
    </RelationshipFrame>
  );
}

function SharedIntention({ rid }: { rid: string }) {
  const intention = useLoad(() => getIntention(rid), [rid]);
  const [text, setText] = useState('');
  const { status, busy, run } = useAction();
  const current = intention.data?.current;
  const earlier = intention.data?.history.slice(1) ?? [];
  return (
    <section class="card stack" aria-labelledby="intention-heading">
      <h2 id="intention-heading">Our intention for the coming weeks</h2>
      {intention.error && <p role="alert">{intention.error}</p>}
      {current ? (
        <p class="entry-text" data-testid="current-intention">
          {current.text}
        </p>
      ) : (
        <p class="muted">
          A shared intention is something you choose together to keep in mind for the next few
          weeks; it is never scored or counted.
        </p>
      )}
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await setIntention(rid, text.trim());
            setText('');
            await intention.reload();
          }, 'Saved. Change it whenever you like.');
        }}
      >
        <label class="field">
          <span>{current ? 'Change it together' : 'Set one together'}</span>
          <textarea required maxLength={500} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={busy}>
          Save intention
        </button>
      </form>
      {earlier.length > 0 && (
        <details>
          <summary>Earlier intentions</summary>
          <ul class="plain-list muted">
            {earlier.map((v) => (
              <li key={v.set_at}>{v.text}</li>
            ))}
          </ul>
        </details>
      )}
      <Status status={status} />
    </section>
  );
}

function Readings() {
  const readings = useLoad(listReadings, []);
  return (
    <section class="stack" aria-labelledby="readings-heading">
      <h2 id="readings-heading">Short readings</h2>
      <p class="muted">A few minutes each, to read alone or together, with where the ideas come from.</p>
      {readings.error && <p role="alert">{readings.error}</p>}
      <ul class="plain-list">
        {readings.data?.map((r) => (
          <ReadingCard key={r.id} reading={r} />
        ))}
      </ul>
    </section>
  );
}

function ReadingCard({ reading }: { reading: ReadingSummary }) {
  const [open, setOpen] = useState(false);
  const full = useLoad(() => (open ? getReading(reading.id) : Promise.resolve(null)), [reading.id, open]);
  return (
    <li class="card stack">
      <h3>{reading.title}</h3>
      <p class="muted small">
        About {reading.minutes} minutes · {reading.summary}
      </p>
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>Read</summary>
        {full.data && <p class="entry-text">{full.data.body}</p>}
        <p class="small">Where these ideas come from:</p>
        <ul class="small muted">
          {reading.sources.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </details>
    </li>
  );
}

function ConversationCards({ rid }: { rid: string }) {
  const cards = useLoad(listConversationCards, []);
  const relationship = useLoad(() => getRelationship(rid), [rid]);
  const [index, setIndex] = useState(0);
  const list = cards.data ?? [];
  const card = list.length ? list[index % list.length] : undefined;
  const turn = turnOf(index, relationship.data?.partners ?? [], sessionAccountId());
  return (
    <section class="card stack" aria-labelledby="cards-heading">
      <h2 id="cards-heading">Conversation cards</h2>
      <p class="muted">
        Take turns with a card about desires, wishes, boundaries or consent rituals. Any card can be
        skipped, no reason needed, and nothing is kept about it.
      </p>
      {cards.error && <p role="alert">{cards.error}</p>}
      {card && (
        <div class="stack" aria-live="polite">
          {turn && <p class="small">Your turn to answer: {turn.display_name}</p>}
          <p class="small muted">{themeLabels[card.theme] ?? card.theme}</p>
          <p class="entry-text" data-testid="conversation-card">
            {card.text}
          </p>
          <div class="row">
            <button type="button" onClick={() => setIndex(index + 1)}>
              Next card
            </button>
            <button type="button" class="quiet" onClick={() => setIndex(index + 1)}>
              Skip this one
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
