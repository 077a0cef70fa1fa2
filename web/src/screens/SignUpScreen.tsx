import { useState } from 'preact/hooks';
import { signUp } from '../api';
import { CredentialsForm, MIN_PASSWORD } from '../components/CredentialsForm';
import { Heading } from '../components/Heading';
import { Link } from '../components/Link';
import { RecoveryCodePanel } from '../components/RecoveryCodePanel';
import { TextField } from '../components/TextField';

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
  const [name, setName] = useState('');
  const [adult, setAdult] = useState(false);
  const [timeZone, setTimeZone] = useState(defaultTimeZone);
  // The recovery code, shown once the account exists and the person is logged in.
  const [code, setCode] = useState('');
  const [loggedIn, setLoggedIn] = useState(false);
  // Where the server sends e-mail, the account starts with the link it mailed.
  const [mailed, setMailed] = useState(false);

  const check = (password: string) => {
    if (password.length < MIN_PASSWORD) {
      return `Please choose a password with at least ${MIN_PASSWORD} characters.`;
    }
    if (!adult) return 'attune is for adults. Please confirm that you are 18 or older to continue.';
    return null;
  };
  const createAccount = async (email: string, password: string) => {
    const created = await signUp({
      email,
      password,
      display_name: name.trim(),
      confirm_adult: true,
      time_zone: timeZone.trim() || undefined,
    });
    if (!created?.recovery_code) {
      setMailed(true);
      return false;
    }
    setCode(created.recovery_code);
    return true;
  };

  if (mailed) {
    return (
      <section class="screen narrow">
        <Heading>Check your e-mail</Heading>
        <p role="status">
          We sent a message to the address you gave. Open the link in it within 24 hours to
          finish creating your account, then log in. If nothing arrives, check the spam folder, or
          sign up again once the link has expired.
        </p>
        <Link to={{ name: 'login' }}>Back to log in</Link>
      </section>
    );
  }
  if (loggedIn && code) {
    return (
      <section class="screen narrow">
        <Heading>Your account is ready</Heading>
        <RecoveryCodePanel code={code} onKept={onSignedIn} />
      </section>
    );
  }

  return (
    <section class="screen narrow">
      <Heading>Create your account</Heading>
      <p class="muted">Only you decide what you share, and with whom.</p>
      <CredentialsForm
        submitLabel="Create account"
        newPassword
        check={check}
        before={createAccount}
        onSignedIn={() => setLoggedIn(true)}
      >
        <TextField
          label="The name others will see"
          name="display_name"
          autoComplete="nickname"
          required
          maxLength={80}
          value={name}
          onValue={setName}
        />
        <TextField
          label="Time zone"
          name="time_zone"
          list="time-zones"
          autoComplete="off"
          hint={`Used for "today" and "this week". We filled in your device's setting.`}
          value={timeZone}
          onValue={setTimeZone}
        >
          <datalist id="time-zones">
            {knownTimeZones().map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </TextField>
        <label class="check">
          <input
            type="checkbox"
            name="confirm_adult"
            checked={adult}
            onChange={(e) => setAdult(e.currentTarget.checked)}
          />
          <span>I confirm that I am 18 or older.</span>
        </label>
      </CredentialsForm>
      <p>
        Already have an account? <Link to={{ name: 'login' }}>Log in</Link>
      </p>
    </section>
  );
}
