import { useState } from 'preact/hooks';
import { logIn } from '../api';
import { Heading } from '../components/Heading';
import { Link } from '../components/Link';
import { Status } from '../components/Status';
import { useAction } from '../hooks';
import { setSession } from '../session';

export function LogInScreen({ onSignedIn }: { onSignedIn: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { status, busy, run } = useAction();

  const submit = async (e: Event) => {
    e.preventDefault();
    await run(async () => {
      const result = await logIn(email.trim(), password);
      setSession(result.csrf_token, result.account.display_name, result.account.id);
      onSignedIn();
    });
  };

  return (
    <section class="screen narrow">
      <Heading>Welcome back</Heading>
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
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="primary" disabled={busy}>
          Log in
        </button>
        <Status status={status} />
      </form>
      <p>
        New here? <Link to={{ name: 'signup' }}>Create an account</Link>
      </p>
    </section>
  );
}
