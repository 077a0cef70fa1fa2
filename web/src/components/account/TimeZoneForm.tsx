import { useState } from 'preact/hooks';
import { setTimeZone } from '../../api';
import { useAction } from '../../hooks';
import { Status } from '../Status';
import { TextField } from '../TextField';

/** The account's IANA time zone, used for "today" and "this week". */
export function TimeZoneForm({ current }: { current: string }) {
  const [zone, setZone] = useState(current);
  const runner = useAction();
  const submit = (e: Event) => {
    e.preventDefault();
    void runner.run(() => setTimeZone(zone.trim()), 'Your time zone is saved.');
  };
  return (
    <form onSubmit={submit} class="stack">
      <h2 id="tz-heading">Time zone</h2>
      <TextField
        label="Time zone"
        name="time_zone"
        autoComplete="off"
        hint='An IANA name such as "Europe/Berlin" or "America/Toronto".'
        required
        value={zone}
        onValue={setZone}
      />
      <button type="submit" disabled={runner.busy}>
        Save the time zone
      </button>
      <Status status={runner.status} />
    </form>
  );
}
