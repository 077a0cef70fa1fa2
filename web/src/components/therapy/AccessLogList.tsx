import type { AccessLogEntry } from '../../api';

const actionWords: Record<AccessLogEntry['action'], string> = {
  shared: 'read what you shared with them',
  caseload: 'saw your name in their caseload',
  messages: 'read your messages to them',
  safety_check: 'read your latest safety check',
  report: 'downloaded the progress report of what you shared',
};

/** Every time a therapist looked at my data here, newest first. */
export function AccessLogList({ entries }: { entries: AccessLogEntry[] }) {
  if (entries.length === 0) return <p class="muted">No one has looked at your data here.</p>;
  return (
    <ul class="plain-list access-log">
      {entries.map((e, i) => (
        <li key={i} class="access-entry">
          <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>: {e.actor}{' '}
          {actionWords[e.action]}
        </li>
      ))}
    </ul>
  );
}
