import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { logIn } from '../api';
import { useAction } from '../hooks';
import { setSession } from '../session';
import { Status } from './Status';
import { TextField } from './TextField';

export const MIN_PASSWORD = 10;

/**
 * The e-mail and password form that logging in and signing up share: it checks what the
 * screen asks, runs the screen's first step (creating the account), logs in, keeps the
 * session and says calmly what went wrong.
 */
export function CredentialsForm({
  submitLabel,
  newPassword = false,
  check,
  before,
  onSignedIn,
  children,
}: {
  submitLabel: string;
  /** Choosing a password rather than giving one: the browser may suggest one. */
  newPassword?: boolean;
  /** A sentence saying why the form cannot be sent yet, or null. */
  check?: (password: string) => string | null;
  /** The screen's first step; resolving to false stops there (nothing to log in to yet). */
  before?: (email: string, password: string) => Promise<unknown>;
  onSignedIn: () => void;
  /** More fields, after the password. */
  children?: ComponentChildren;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { status, busy, run, say } = useAction();

  const submit = async (e: Event) => {
    e.preventDefault();
    const problem = check?.(password);
    if (problem) {
      say(problem, 'error');
      return;
    }
    await run(async () => {
      if ((await before?.(email.trim(), password)) === false) return;
      const result = await logIn(email.trim(), password);
      setSession(result.csrf_token, result.account.display_name, result.account.id);
      onSignedIn();
    });
  };

  return (
    <form onSubmit={submit} class="stack">
      <TextField
        label="Email"
        type="email"
        name="email"
        autoComplete="username"
        required
        value={email}
        onValue={setEmail}
      />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete={newPassword ? 'new-password' : 'current-password'}
        required
        minLength={newPassword ? MIN_PASSWORD : undefined}
        hint={newPassword ? `At least ${MIN_PASSWORD} characters.` : undefined}
        value={password}
        onValue={setPassword}
      />
      {children}
      <button type="submit" class="primary" disabled={busy}>
        {submitLabel}
      </button>
      <Status status={status} />
    </form>
  );
}
