import { useState } from 'preact/hooks';
import { getMyPin, removeMyPin, setMyPin } from '../api';
import { useAction, useLoad } from '../hooks';
import { Status } from './Status';
import { TextField } from './TextField';

/**
 * My PIN for practising together on one shared device: there, each person confirms
 * "ready" and "continue" with their own PIN (or password), so nobody can do it for
 * someone else. Setting or removing it asks for the password.
 */
export function SharedDevicePin() {
  const { data: isSet, reload } = useLoad(getMyPin, []);
  const [pin, setPin] = useState('');
  const [password, setPassword] = useState('');
  const { status, busy, run } = useAction();
  const done = () => {
    setPin('');
    setPassword('');
    reload();
  };
  const save = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      await setMyPin(password, pin);
      done();
    }, 'Your PIN is set.');
  };
  const remove = () =>
    void run(async () => {
      await removeMyPin(password);
      done();
    }, 'Your PIN is removed. Your password still works on a shared device.');
  return (
    <form class="card stack" onSubmit={save} aria-labelledby="pin-heading">
      <h2 id="pin-heading">PIN for a shared device</h2>
      <p class="muted">
        When you practise together on one device, each of you confirms in person. A short PIN
        makes that quicker than typing your password. {isSet ? 'You have a PIN.' : 'You have no PIN yet.'}
      </p>
      <TextField
        label="New PIN (6 to 12 digits)"
        type="password"
        name="pin"
        autoComplete="off"
        value={pin}
        onValue={setPin}
        hint="Not one digit repeated, and not a run like 123456."
      />
      <TextField
        label="Your password"
        type="password"
        name="current_password"
        autoComplete="current-password"
        required
        value={password}
        onValue={setPassword}
      />
      <button type="submit" disabled={busy || !pin}>
        {isSet ? 'Change PIN' : 'Set PIN'}
      </button>
      {isSet && (
        <button type="button" class="quiet" disabled={busy || !password} onClick={remove}>
          Remove my PIN
        </button>
      )}
      <Status status={status} />
    </form>
  );
}
