import { endOtherSessions, listSessions } from '../../api';
import { useAction, useLoad } from '../../hooks';
import { ActionButton } from '../ActionButton';
import { Status } from '../Status';

function when(iso: string): string {
  return new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

/** Where this account is logged in, and a way to log out everywhere else. */
export function SessionList({ version }: { version: number }) {
  const sessions = useLoad(listSessions, [version]);
  const runner = useAction();
  const others = (sessions.data ?? []).filter((s) => !s.current).length;
  return (
    <section class="stack">
      <h2 id="sessions-heading">Where you are logged in</h2>
      {sessions.loading && !sessions.data && <p class="muted">Loading…</p>}
      <ul class="plain-list" data-testid="session-list">
        {(sessions.data ?? []).map((s) => (
          <li key={s.id}>
            {s.current ? 'This device' : 'Another device'}: logged in {when(s.created_at)}, last
            active {when(s.last_seen_at)}
          </li>
        ))}
      </ul>
      {others > 0 && (
        <ActionButton
          runner={{
            busy: runner.busy,
            run: async (action, done) => {
              const ok = await runner.run(action, done);
              await sessions.reload();
              return ok;
            },
          }}
          action={endOtherSessions}
          done="Every other device is logged out."
        >
          Log out every other device
        </ActionButton>
      )}
      <Status status={runner.status} />
    </section>
  );
}
