import { useState } from 'preact/hooks';
import { resetPassword } from '../api';
import { MIN_PASSWORD } from '../components/CredentialsForm';
import { Heading } from '../components/Heading';
import { Link } from '../components/Link';
import { Status } from '../components/Status';
import { TextField } from '../components/TextField';
import { useAction } from '../hooks';

/** Where the e-mailed reset link lands: the token is in the URL fragment, never sent in a URL. */
export function ResetPasswordScreen({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const { status, busy, run, say } = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (password.length < MIN_PASSWORD) {
      say(`Please choose a password with at least ${MIN_PASSWORD} characters.`, 'error');
      return;
    }
    if (await run(() => resetPassword(token, password))) setDone(true);
  };
  return (
    <section class="screen narrow">
      <Heading>Choose a new password</Heading>
      {done ? (
        <div class="card stack">
          <p role="status">
            Your password is changed, and every device that was logged in has been logged out.
          </p>
          <Link to={{ name: 'login' }}>Log in with the new password</Link>
        </div>
      ) : (
        <form onSubmit={submit} class="stack">
          <TextField
            label="New password"
            type="password"
            name="new_password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD}
            hint={`At least ${MIN_PASSWORD} characters.`}
            value={password}
            onValue={setPassword}
          />
          <button type="submit" class="primary" disabled={busy}>
            Set the new password
          </button>
          <Status status={status} />
          <p>
            Link not working? <Link to={{ name: 'forgot' }}>Ask for a new one</Link>
          </p>
        </form>
      )}
    </section>
  );
}
