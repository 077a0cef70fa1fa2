import { useState } from 'preact/hooks';
import { changePassword } from '../../api';
import { useAction } from '../../hooks';
import { MIN_PASSWORD } from '../CredentialsForm';
import { Status } from '../Status';
import { TextField } from '../TextField';

/** Changing the password; every other device is logged out, this one stays. */
export function PasswordForm({ onChanged }: { onChanged: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const runner = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (next.length < MIN_PASSWORD) {
      runner.say(`Please choose a password with at least ${MIN_PASSWORD} characters.`, 'error');
      return;
    }
    const done = await runner.run(
      () => changePassword(current, next),
      'Your password is changed. Every other device has been logged out.',
    );
    if (done) {
      setCurrent('');
      setNext('');
      onChanged();
    }
  };
  return (
    <form onSubmit={submit} class="stack">
      <h2 id="password-heading">Password</h2>
      <TextField label="Current password" type="password" name="current_password" autoComplete="current-password" required value={current} onValue={setCurrent} />
      <TextField
        label="New password"
        type="password"
        name="new_password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD}
        hint={`At least ${MIN_PASSWORD} characters. Other devices will be logged out.`}
        value={next}
        onValue={setNext}
      />
      <button type="submit" disabled={runner.busy}>
        Change the password
      </button>
      <Status status={runner.status} />
    </form>
  );
}
