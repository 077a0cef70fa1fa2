import { useState } from 'preact/hooks';
import { deleteAccount } from '../../api';
import { useAction } from '../../hooks';
import { ConfirmPanel } from '../ConfirmPanel';
import { TextField } from '../TextField';

/** Deleting the account, saying plainly what goes and what stays. */
export function DeleteAccountSection({ onDeleted }: { onDeleted: () => void }) {
  const [password, setPassword] = useState('');
  const [asking, setAsking] = useState(false);
  const runner = useAction();
  return (
    <section class="stack">
      <h2 id="delete-heading">Delete my account</h2>
      <p>Deleting your account cannot be undone. It:</p>
      <ul>
        <li>takes you out of every relationship, as leaving does, and voids the agreements you are part of;</li>
        <li>deletes your answers, notes, entries, check-ins, debriefs and custom items;</li>
        <li>deletes your e-mail address, name, password, recovery code and every session.</li>
      </ul>
      <p>
        What your partners wrote themselves stays theirs. If you want a copy of your own data,
        download it first.
      </p>
      <TextField label="Your password, to delete the account" type="password" name="delete_password" autoComplete="current-password" required value={password} onValue={setPassword} />
      {asking ? (
        <ConfirmPanel
          label="Confirm deleting the account"
          confirmLabel="Delete my account"
          cancelLabel="Keep my account"
          runner={{
            busy: runner.busy,
            run: async (action, done) => {
              const ok = await runner.run(action, done);
              if (ok) onDeleted();
              return ok;
            },
          }}
          action={() => deleteAccount(password)}
          onCancel={() => setAsking(false)}
        >
          Delete your account and everything listed above, for good?
        </ConfirmPanel>
      ) : (
        <button type="button" disabled={!password} onClick={() => setAsking(true)}>
          Delete my account…
        </button>
      )}
      <p class="status status-error" role="alert">
        {runner.status?.tone === 'error' ? runner.status.text : ''}
      </p>
    </section>
  );
}
