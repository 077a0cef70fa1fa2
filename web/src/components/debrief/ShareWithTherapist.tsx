// A participant's own choice to let the relationship's therapist read their debrief answer.
// Shown only while a therapist is linked, and only after the limits of confidentiality have
// been read and understood; off until the person turns it on, and nobody else is told.
import { useState } from 'preact/hooks';
import { getDebriefShare, getTherapistLink, setDebriefShare } from '../../api';
import { useAction, useLoad } from '../../hooks';
import { Status } from '../Status';
import { ConfidentialityNotice } from '../therapy/ConfidentialityNotice';

export function ShareWithTherapist({ rid, pid }: { rid: string; pid: string }) {
  const link = useLoad(() => getTherapistLink(rid), [rid]);
  const share = useLoad(() => getDebriefShare(pid), [pid]);
  const [understood, setUnderstood] = useState(false);
  // What the person just chose, shown at once while the server confirms it.
  const [choosing, setChoosing] = useState<boolean | null>(null);
  const { status, busy, run } = useAction();
  if (link.data?.status !== 'active' || share.data === undefined || !link.data.therapist) return null;
  const acknowledged = link.data.you_acknowledged || understood;
  const name = link.data.therapist.display_name;
  return (
    <section class="card stack" aria-label="Share with our therapist" data-testid="debrief-share">
      {!link.data.you_acknowledged && (
        <ConfidentialityNotice text={link.data.confidentiality} understood={understood} onUnderstood={setUnderstood} />
      )}
      {acknowledged && (
        <label class="check">
          <input
            type="checkbox"
            name="share-with-therapist"
            checked={choosing ?? share.data}
            disabled={busy}
            onChange={(e) => {
              const shared = e.currentTarget.checked;
              setChoosing(shared);
              void run(async () => {
                await setDebriefShare(pid, shared, understood);
                await share.reload();
              }, shared ? `${name} can read your reflections on this practice.` : 'No longer shared.').then(() =>
                setChoosing(null),
              );
            }}
          />
          Share my reflections on this practice with {name}
        </label>
      )}
      <p class="muted small">
        Only your own words, only if you choose. Your partners are not told, and you can stop
        sharing at any time.
      </p>
      <Status status={status} />
    </section>
  );
}
