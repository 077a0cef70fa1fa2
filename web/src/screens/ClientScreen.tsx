import { useState } from 'preact/hooks';
import {
  addTherapistNote,
  getPartnersSafetyChecks,
  getSharedWithTherapist,
  getTherapistReportPdf,
  getTherapistHold,
  getTherapistInbox,
  getTherapistNotes,
  offerNextStage,
  replyOnChannel,
  setTherapistHold,
  therapistReportPdfUrl,
  therapistReportUrl,
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
  debrief: 'Reflections after a practice',
};

const debriefWords: [string, string][] = [
  ['nourishing', 'Felt nourishing'],
  ['discomfort', 'Sparked discomfort'],
  ['adjust', 'Would adjust'],
];

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
      {shared.data && <PracticeHold rid={rid} />}
      {shared.data && <SafetyChecks rid={rid} />}
      {shared.data && <Report rid={rid} />}
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
      {entry.feature === 'debrief' &&
        debriefWords
          .filter(([k]) => typeof body[k] === 'string' && body[k] !== '')
          .map(([k, label]) => (
            <p key={k} class="entry-text">
              <span class="muted small">{label}: </span>
              {String(body[k])}
            </p>
          ))}
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

/** The therapist's own hold: the partners see only that practice is paused for now. */
function PracticeHold({ rid }: { rid: string }) {
  const hold = useLoad(() => getTherapistHold(rid), [rid]);
  const { status, busy, run } = useAction();
  const held = hold.data?.you_held ?? false;
  return (
    <section class="card stack" aria-labelledby="hold-heading">
      <h2 id="hold-heading">Pause their practice</h2>
      <p class="muted small">
        While your hold is in place no practice starts or resumes here. The partners see only that
        practice is paused for now, the same as any other pause; nothing says it was you.
      </p>
      {hold.data && (
        <p data-testid="hold-state">
          {hold.data.practice_hold ? 'Practice is paused for now.' : 'Practice is open.'}{' '}
          {held ? 'Your hold is in place.' : ''}
        </p>
      )}
      <button
        type="button"
        disabled={busy || !hold.data}
        onClick={() =>
          run(async () => {
            await setTherapistHold(rid, !held);
            await hold.reload();
          }, held ? 'Your hold is lifted.' : 'Practice is paused for now.')
        }
      >
        {held ? 'Lift my hold' : 'Pause practice for now'}
      </button>
      <Status status={status} />
    </section>
  );
}

/** Each partner's latest private safety check, read only here; each read shows in their log. */
function SafetyChecks({ rid }: { rid: string }) {
  const [open, setOpen] = useState(false);
  return (
    <section class="card stack" aria-labelledby="safety-heading">
      <h2 id="safety-heading">Private safety checks</h2>
      <p class="muted small">
        Each partner answers alone, and only you see their answers. Opening them shows in that
        partner's own access log.
      </p>
      {open ? (
        <SafetyCheckAnswers rid={rid} />
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          Read their latest answers
        </button>
      )}
    </section>
  );
}

function SafetyCheckAnswers({ rid }: { rid: string }) {
  const checks = useLoad(() => getPartnersSafetyChecks(rid), [rid]);
  if (checks.error) return <p role="alert">{checks.error}</p>;
  if (!checks.data) return null;
  const { form } = checks.data;
  const label = (value: number) => form.scale.find((s) => s.value === value)?.label ?? String(value);
  if (checks.data.checks.length === 0) return <p>No one has answered the safety check here yet.</p>;
  return (
    <ul class="plain-list" data-testid="safety-checks">
      {checks.data.checks.map((c) => (
        <li key={c.id} class="stack safety-check-answers">
          <h3>{c.partner.display_name}</h3>
          <p class="muted small">
            Answered {new Date(c.answered_at).toLocaleDateString()}
            {c.signals_danger ? ' · an answer signals danger: practice is paused for now' : ''}
          </p>
          <dl>
            {form.questions
              .filter((q) => c.answers[q.id] !== undefined)
              .map((q) => (
                <div key={q.id}>
                  <dt>{q.text}</dt>
                  <dd>{label(c.answers[q.id] ?? 0)}</dd>
                </div>
              ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}

/** Hands the browser a file to save, as a link with `download` would. */
function saveFile(file: Blob, name: string) {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function Report({ rid }: { rid: string }) {
  const { status, busy, run } = useAction();
  const downloadPdf = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    void run(async () => saveFile(await getTherapistReportPdf(rid), 'attune-report.pdf'));
  };
  return (
    <section class="card stack" aria-labelledby="report-heading">
      <h2 id="report-heading">Progress report</h2>
      <p class="muted small">
        The scores the partners shared with you, to print or file. Downloading it shows in each
        partner's access log.
      </p>
      <div class="row">
        <a class="button" href={therapistReportUrl(rid)} download="attune-report.html">
          Download the report
        </a>
        <a class="button" href={therapistReportPdfUrl(rid)} aria-disabled={busy} onClick={downloadPdf}>
          {busy ? 'Preparing the PDF…' : 'Download report (PDF)'}
        </a>
      </div>
      <Status status={status} />
    </section>
  );
}
