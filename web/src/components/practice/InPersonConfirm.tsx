import { useState } from 'preact/hooks';
import type { Person } from '../../api';

/**
 * On a shared device, each participant confirms for themselves, in person. Only when
 * everyone has done so does the host's device send the answer on their behalf.
 */
export function InPersonConfirm({
  participants,
  meId,
  question,
  confirmLabel,
  busy,
  onAllConfirmed,
}: {
  participants: Person[];
  meId: string | null;
  question: string;
  confirmLabel: (name: string) => string;
  busy: boolean;
  onAllConfirmed: (onBehalfOf: string[]) => void;
}) {
  const [confirmed, setConfirmed] = useState<Set<string>>(new Set());
  const confirm = (id: string) => {
    const next = new Set(confirmed);
    next.add(id);
    setConfirmed(next);
    if (participants.every((p) => next.has(p.id))) {
      onAllConfirmed(participants.map((p) => p.id).filter((pid) => pid !== meId));
    }
  };
  return (
    <fieldset class="card stack in-person">
      <legend>{question}</legend>
      <p class="muted">Please each answer for yourself. Anyone can decline by simply not pressing.</p>
      <ul class="plain-list">
        {participants.map((p) => (
          <li key={p.id}>
            {confirmed.has(p.id) ? (
              <p class="confirmed" aria-live="polite">
                {p.display_name}: confirmed
              </p>
            ) : (
              <button type="button" class="primary wide" disabled={busy} onClick={() => confirm(p.id)}>
                {confirmLabel(p.display_name)}
              </button>
            )}
          </li>
        ))}
      </ul>
      {confirmed.size > 0 && (
        <button type="button" class="quiet" onClick={() => setConfirmed(new Set())}>
          Clear and start again
        </button>
      )}
    </fieldset>
  );
}
