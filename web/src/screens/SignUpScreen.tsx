import { useState } from 'preact/hooks';
import { logIn, signUp } from '../api';
import { Heading } from '../components/Heading';
import { Link } from '../components/Link';
import { Status } from '../components/Status';
import { useAction } from '../hooks';
import { setSession } from '../session';

export const MIN_PASSWORD = 10;

function knownTimeZones(): string[] {
  try {
    return (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

function defaultTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function SignUpScreen({ onSignedIn }: { onSignedIn: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [adult, setAdult] = useState(false);
  const [timeZone, setTimeZone] = useState(defaultTimeZone);
  const { status, busy, run, say } = useAction();

  const submit = async (e: Event) => {
    e.preventDefault();
    if (password.length < MIN_PASSWORD) {
      say(`Please choose a password with at least ${MIN_PASSWORD} characters.`, 'error');
      return;
    }
    if (!adult) {
      say('attune is for adults. Please confirm that you are 18 or older to continue.', 'error');
      return;
    }
    await run(async () => {
      await signUp({
        email: email.trim(),
        password,
        display_name: name.trim(),
        confirm_adult: true,
        time_zone: timeZone.trim() || undefined,
      });
      const result = await logIn(email.trim(), password);
      setSession(result.csrf_token, result.account.display_name, result.account.id);
      onSignedIn();
    });
  };

  return (
    <section class="screen narrow">
      <Heading>Create your account</Heading>
      <p class="muted">Only you decide what you share, and with whom.</p>
      <form onSubmit={submit} class="stack">
        <label class="field">
          <span>Email</span>
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>Password</span>
          <input
            type="password"
            name="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD}
            aria-describedby="password-hint"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          <small id="password-hint">At least {MIN_PASSWORD} characters.</small>
        </label>
        <label class="field">
          <span>The name others will see</span>
          <input
            type="text"
            name="display_name"
            autoComplete="nickname"
            required
            maxLength={80}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>Time zone</span>
          <input
            type="text"
            name="time_zone"
            list="time-zones"
            autoComplete="off"
            aria-describedby="tz-hint"
            value={timeZone}
            onInput={(e) => setTimeZone(e.currentTarget.value)}
          />
          <datalist id="time-zones">
            {knownTimeZones().map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <small id="tz-hint">Used for "today" and "this week". We filled in your device's setting.</small>
        </label>
        <label class="check">
          <input
            type="checkbox"
            name="confirm_adult"
            checked={adult}
            onChange={(e) => setAdult(e.currentTarget.checked)}
          />
          <span>I confirm that I am 18 or older.</span>
        </label>
        <button type="submit" class="primary" disabled={busy}>
          Create account
        </button>
        <Status status={status} />
      </form>
      <p>
        Already have an account? <Link to={{ name: 'login' }}>Log in</Link>
      </p>
    </section>
  );
}
