import { useEffect, useState } from 'preact/hooks';
import {
  dismissReminder,
  getReminderSettings,
  listReminders,
  setReminderSettings,
  type ReminderKind,
} from '../api';
import { ActionButton } from '../components/ActionButton';
import { Heading } from '../components/Heading';
import { Link } from '../components/Link';
import { Status } from '../components/Status';
import { useAction, useLoad } from '../hooks';

const kindLabels: Record<ReminderKind, string> = {
  checkin: 'A moment to check in with yourself (in the afternoon, if you have not yet)',
  practice: 'A practice you planned and are joining, the day before or the day of',
  plan: 'Another plan you are joining, the day before or the day of',
};

/** Gentle reminders: off until chosen, at most one a day, never in quiet hours. */
export function RemindersScreen() {
  const due = useLoad(listReminders, []);
  return (
    <section class="screen">
      <nav aria-label="Back">
        <Link to={{ name: 'home' }}>← Your relationships</Link>
      </nav>
      <Heading>Gentle reminders</Heading>
      <p class="muted">
        If you like, attune can give you a quiet nudge, at most once a day and never in your quiet
        hours. Nothing is on until you choose it.
      </p>
      {due.error && <p role="alert">{due.error}</p>}
      {due.data && due.data.length > 0 && (
        <ul class="plain-list">
          {due.data.map((r) => (
            <DueReminder key={r.id} id={r.id} text={r.text} onDone={due.reload} />
          ))}
        </ul>
      )}
      <SettingsForm />
    </section>
  );
}

function DueReminder({ id, text, onDone }: { id: string; text: string; onDone: () => void }) {
  const runner = useAction();
  return (
    <li class="card stack reminder-card">
      <p>{text}</p>
      <ActionButton
        runner={runner}
        action={async () => {
          await dismissReminder(id);
          onDone();
        }}
      >
        Dismiss
      </ActionButton>
    </li>
  );
}

function SettingsForm() {
  const settings = useLoad(getReminderSettings, []);
  const [kinds, setKinds] = useState<ReminderKind[]>([]);
  const [email, setEmail] = useState(false);
  const [quietFrom, setQuietFrom] = useState('');
  const [quietTo, setQuietTo] = useState('');
  const { status, busy, run } = useAction();
  useEffect(() => {
    if (!settings.data) return;
    setKinds(settings.data.kinds);
    setEmail(settings.data.email ?? false);
    setQuietFrom(settings.data.quiet_hours?.start ?? '');
    setQuietTo(settings.data.quiet_hours?.end ?? '');
  }, [settings.data]);
  const toggle = (kind: ReminderKind, on: boolean) =>
    setKinds((now) => (on ? [...now.filter((k) => k !== kind), kind] : now.filter((k) => k !== kind)));
  return (
    <form
      class="card stack"
      aria-labelledby="reminder-settings-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          await setReminderSettings({
            kinds,
            email,
            quiet_hours: quietFrom && quietTo ? { start: quietFrom, end: quietTo } : null,
          });
          await settings.reload();
        }, kinds.length ? 'Saved.' : 'Saved. No reminders will come.');
      }}
    >
      <h2 id="reminder-settings-heading">What you would like</h2>
      {settings.error && <p role="alert">{settings.error}</p>}
      <fieldset class="stack">
        <legend>Remind me of</legend>
        {(Object.keys(kindLabels) as ReminderKind[]).map((kind) => (
          <label key={kind} class="check">
            <input
              type="checkbox"
              name={`reminder-${kind}`}
              checked={kinds.includes(kind)}
              onChange={(e) => toggle(kind, e.currentTarget.checked)}
            />{' '}
            {kindLabels[kind]}
          </label>
        ))}
      </fieldset>
      <label class="check">
        <input type="checkbox" name="reminder-email" checked={email} onChange={(e) => setEmail(e.currentTarget.checked)} />{' '}
        Also by e-mail (it only ever says “attune” and has a link, nothing else)
      </label>
      <fieldset class="stack">
        <legend>Quiet hours (optional)</legend>
        <label class="field">
          <span>From</span>
          <input type="time" name="quiet-from" value={quietFrom} onInput={(e) => setQuietFrom(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>Until</span>
          <input type="time" name="quiet-to" value={quietTo} onInput={(e) => setQuietTo(e.currentTarget.value)} />
        </label>
      </fieldset>
      <button type="submit" class="primary" disabled={busy}>
        Save
      </button>
      <Status status={status} />
    </form>
  );
}
