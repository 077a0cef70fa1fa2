import { useState } from 'preact/hooks';
import { getAuthOptions, recoverWithCode, requestPasswordReset } from '../api';
import { MIN_PASSWORD } from '../components/CredentialsForm';
import { Heading } from '../components/Heading';
import { Link } from '../components/Link';
import { Status } from '../components/Status';
import { TextField } from '../components/TextField';
import { useAction, useLoad } from '../hooks';

/** "Forgot password": the recovery code form, and a link by e-mail where the server sends e-mail. */
export function ForgotPasswordScreen() {
  const options = useLoad(getAuthOptions, []);
  return (
    <section class="screen narrow">
      <Heading>Choose a new password</Heading>
      <RecoveryCodeForm />
      {options.data?.email && <EmailLinkForm />}
      <p>
        <Link to={{ name: 'login' }}>Back to log in</Link>
      </p>
    </section>
  );
}

function RecoveryCodeForm() {
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const { status, busy, run, say } = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (password.length < MIN_PASSWORD) {
      say(`Please choose a password with at least ${MIN_PASSWORD} characters.`, 'error');
      return;
    }
    if (await run(() => recoverWithCode(email.trim(), code, password))) setDone(true);
  };
  if (done) {
    return (
      <div class="card stack">
        <p role="status">
          Your password is changed, and every device that was logged in has been logged out. Your
          recovery code is used up: once you are in, make a new one on your account page.
        </p>
        <Link to={{ name: 'login' }}>Log in with the new password</Link>
      </div>
    );
  }
  return (
    <form onSubmit={submit} class="stack">
      <h2 id="with-code">With your recovery code</h2>
      <TextField label="Email" type="email" name="email" autoComplete="username" required value={email} onValue={setEmail} />
      <TextField
        label="Recovery code"
        name="recovery_code"
        autoComplete="off"
        autoCapitalize="none"
        spellcheck={false}
        required
        hint="The code you were shown when you signed up, e.g. 7KQ2-M9XD-4H1C-Z8RB-QW3T."
        value={code}
        onValue={setCode}
      />
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
    </form>
  );
}

function EmailLinkForm() {
  const [email, setEmail] = useState('');
  const { status, busy, run } = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    await run(
      () => requestPasswordReset(email.trim()),
      'If this address has an account, a link is on its way. It works once, within 30 minutes.',
    );
  };
  return (
    <form onSubmit={submit} class="stack">
      <h2 id="by-email">Or with a link by e-mail</h2>
      <TextField label="Email for the link" type="email" name="reset_email" autoComplete="username" required value={email} onValue={setEmail} />
      <button type="submit" disabled={busy}>
        Send me a link
      </button>
      <Status status={status} />
    </form>
  );
}
