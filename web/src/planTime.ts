// A plan's start as the person picked it (a datetime-local value, in this device's time
// zone) turned into RFC 3339 with this device's offset, which is what the server reads.

function two(n: number): string {
  return String(Math.floor(Math.abs(n))).padStart(2, '0');
}

/** "2026-12-05T19:30" → "2026-12-05T19:30:00+01:00" (the offset of that moment here). */
export function localToRfc3339(local: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?$/.exec(local);
  if (!match) return null;
  const at = new Date(local);
  if (Number.isNaN(at.getTime())) return null;
  const offset = -at.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  return `${match[1]}${match[2] ?? ':00'}${sign}${two(offset / 60)}:${two(offset % 60)}`;
}
