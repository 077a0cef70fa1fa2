import { useState } from 'preact/hooks';
import {
  consentToTherapistLink,
  getAccessLog,
  getMyTherapistMessages,
  getTherapistLink,
  requestTherapistLink,
  revokeTherapistLink,
  sendTherapistMessage,
  type TherapistLink,
} from '../api';
import { RelationshipFrame } from '../components/RelationshipFrame';
import { Status } from '../components/Status';
import { TextField } from '../components/TextField';
import { AccessLogList } from '../components/therapy/AccessLogList';
import { ConfidentialityNotice } from '../components/therapy/ConfidentialityNotice';
import { MessageThread } from '../components/therapy/MessageThread';
import { useAction, useLoad } from '../hooks';

/**
 * A partner's side of the therapist: link with the therapist's code or consent to a link
 * (after the limits of confidentiality), end it at any time, see every time they looked,
 * and one's own private channel to them.
 */
export function TherapistLinkScreen({ rid }: { rid: string }) {
  const link = useLoad(() => getTherapistLink(rid), [rid]);
  const log = useLoad(() => getAccessLog(rid), [rid]);
  const reload = async () => {
    await link.reload();
    await log.reload();
  };
  return (
    <RelationshipFrame rid={rid} title="Our therapist">
      <p class="muted">
        A therapist sees only what you choose to share with them, only while every one of you
        agrees. Any of you can end the link at any time, without a reason.
      </p>
      {link.error && <p role="alert">{link.error}</p>}
      {link.data && <LinkPanel rid={rid} link={link.data} onChange={reload} />}
      {link.data?.channel_open && <MyChannel rid={rid} />}
      <section class="card stack" aria-labelledby="log-heading">
        <h2 id="log-heading">Who looked at my data</h2>
        {log.data && <AccessLogList entries={log.data} />}
      </section>
    </RelationshipFrame>
  );
}

function LinkPanel({ rid, link, onChange }: { rid: string; link: TherapistLink; onChange: () => Promise<void> }) {
  const [understood, setUnderstood] = useState(link.you_acknowledged);
  const [code, setCode] = useState('');
  const { status, busy, run } = useAction();
  const needsConsent = link.status !== 'none' && !link.you_consented;
  return (
    <section class="card stack" aria-labelledby="link-heading">
      <h2 id="link-heading">
        {link.status === 'none'
          ? 'No therapist is linked'
          : link.status === 'active'
            ? `Linked with ${link.therapist?.display_name}`
            : `Waiting to link with ${link.therapist?.display_name}`}
      </h2>
      {link.status === 'pending' && (
        <p class="consent-count">
          {link.consent_count} of {link.partner_count} agreed
        </p>
      )}
      {(link.status === 'none' || needsConsent) && (
        <ConfidentialityNotice text={link.confidentiality} understood={understood} onUnderstood={setUnderstood} />
      )}
      {link.status === 'none' && (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await requestTherapistLink(rid, code.trim());
              setCode('');
              await onChange();
            }, 'Asked. The link starts once everyone agrees.');
          }}
        >
          <TextField label="The code your therapist gave you" value={code} onValue={setCode} required autoComplete="off" />
          <button type="submit" disabled={busy || !understood}>
            Link our therapist
          </button>
        </form>
      )}
      {needsConsent && (
        <button
          type="button"
          disabled={busy || !understood}
          onClick={() =>
            run(async () => {
              await consentToTherapistLink(rid);
              await onChange();
            }, 'Thank you. Your yes is noted.')
          }
        >
          I agree to this link
        </button>
      )}
      {(link.status !== 'none' || link.channel_open) && (
        <button
          type="button"
          class="quiet"
          disabled={busy}
          onClick={() =>
            run(async () => {
              await revokeTherapistLink(rid);
              await onChange();
            }, 'The link has ended.')
          }
        >
          End the link now
        </button>
      )}
      <Status status={status} />
    </section>
  );
}

function MyChannel({ rid }: { rid: string }) {
  const messages = useLoad(() => getMyTherapistMessages(rid), [rid]);
  return (
    <section class="card stack" aria-labelledby="channel-heading">
      <h2 id="channel-heading">Just between you and the therapist</h2>
      <p class="muted small">Your partners never see these messages.</p>
      {messages.data && (
        <MessageThread
          messages={messages.data}
          ownSide="me"
          label="A message to your therapist"
          onSend={async (text) => {
            await sendTherapistMessage(rid, text);
            await messages.reload();
          }}
        />
      )}
    </section>
  );
}
