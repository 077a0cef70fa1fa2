import { useState } from 'preact/hooks';
import type { InPersonProof, Person } from '../../api';

type Secret = { kind: 'pin' | 'password'; value: string };

/**
 * On a shared device, each participant confirms for themselves, in person: everyone but the
 * person logged in here types their own PIN (or password), which the server checks. Only
 * when everyone has confirmed is the answer sent, with each person's proof; the typed
 * secrets are forgotten as soon as it is sent.
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
  onAllConfirmed: (proofs: InPersonProof[]) => void;
}) {
  const [confirmed, setConfirmed] = useState<Map<string, Secret | null>>(new Map());
  const confirm = (id: string, secret: Secret | null) => {
    const next = new Map(confirmed);
    next.set(id, secret);
    if (participants.every((p) => next.has(p.id))) {
      setConfirmed(new Map());
      onAllConfirmed(proofsOf(next, meId));
    } else {
      setConfirmed(next);
    }
  };
  return (
    <fieldset class="card stack in-person">
      <legend>{question}</legend>
      <p class="muted">
        Please each answer for yourself. Anyone can decline by simply not pressing. Everyone but the
        person logged in here confirms with their own PIN or password.
      </p>
      <ul class="plain-list">
        {participants.map((p) => (
          <li key={p.id}>
            {confirmed.has(p.id) ? (
              <p class="confirmed" aria-live="polite">
                {p.display_name}: confirmed
              </p>
            ) : p.id === meId ? (
              <button type="button" class="primary wide" disabled={busy} onClick={() => confirm(p.id, null)}>
                {confirmLabel(p.display_name)}
              </button>
            ) : (
              <SecretConfirm
                name={p.display_name}
                label={confirmLabel(p.display_name)}
                busy={busy}
                onConfirm={(secret) => confirm(p.id, secret)}
              />
            )}
          </li>
        ))}
      </ul>
      {confirmed.size > 0 && (
        <button type="button" class="quiet" onClick={() => setConfirmed(new Map())}>
          Clear and start again
        </button>
      )}
    </fieldset>
  );
}

function proofsOf(confirmed: Map<string, Secret | null>, meId: string | null): InPersonProof[] {
  const proofs: InPersonProof[] = [];
  for (const [id, secret] of confirmed) {
    if (id === meId || !secret) continue;
    proofs.push(
      secret.kind === 'pin' ? { account_id: id, pin: secret.value } : { account_id: id, password: secret.value },
    );
  }
  return proofs;
}

/** One person's own confirmation: their PIN, or their password instead. */
function SecretConfirm({
  name,
  label,
  busy,
  onConfirm,
}: {
  name: string;
  label: string;
  busy: boolean;
  onConfirm: (secret: Secret) => void;
}) {
  const [kind, setKind] = useState<'pin' | 'password'>('pin');
  const [value, setValue] = useState('');
  const fieldLabel = kind === 'pin' ? `${name}, your PIN` : `${name}, your password`;
  return (
    <form
      class="stack secret-confirm"
      onSubmit={(e) => {
        e.preventDefault();
        if (value) onConfirm({ kind, value });
      }}
    >
      <label>
        {fieldLabel}
        <input
          type="password"
          autocomplete="off"
          inputMode={kind === 'pin' ? 'numeric' : undefined}
          value={value}
          onInput={(e) => setValue((e.target as HTMLInputElement).value)}
        />
      </label>
      <button type="submit" class="primary wide" disabled={busy || !value}>
        {label}
      </button>
      <button
        type="button"
        class="quiet"
        onClick={() => {
          setKind(kind === 'pin' ? 'password' : 'pin');
          setValue('');
        }}
      >
        {kind === 'pin' ? 'Use the password instead' : 'Use the PIN instead'}
      </button>
    </form>
  );
}
