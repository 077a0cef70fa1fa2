import { useState } from 'preact/hooks';
import { getRecoveryCodeStatus, makeRecoveryCode } from '../../api';
import { useAction, useLoad } from '../../hooks';
import { RecoveryCodePanel } from '../RecoveryCodePanel';
import { Status } from '../Status';
import { TextField } from '../TextField';

/** Whether a recovery code exists (never the code), and making a new one with the password. */
export function RecoveryCodeSection() {
  const state = useLoad(getRecoveryCodeStatus, []);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const runner = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    await runner.run(async () => {
      setCode(await makeRecoveryCode(password));
      setPassword('');
    });
  };
  if (code) {
    return (
      <RecoveryCodePanel
        code={code}
        onKept={() => {
          setCode('');
          void state.reload();
        }}
      />
    );
  }
  return (
    <form onSubmit={submit} class="stack">
      <h2 id="recovery-heading">Recovery code</h2>
      <p>
        {state.data?.exists
          ? 'You have a recovery code. Making a new one stops the old one from working.'
          : 'You have no recovery code right now. Make one, so a forgotten password is not the end of your account.'}
      </p>
      <TextField label="Your password, to make a new code" type="password" name="recovery_password" autoComplete="current-password" required value={password} onValue={setPassword} />
      <button type="submit" disabled={runner.busy}>
        Make a new recovery code
      </button>
      <Status status={runner.status} />
    </form>
  );
}
