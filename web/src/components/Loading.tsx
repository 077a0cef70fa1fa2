import type { Loaded } from '../hooks';

/** A calm line while a screen's first data is on its way, so no screen is ever blank. */
export function Loading({ of }: { of: Loaded<unknown>[] }) {
  if (!of.some((l) => l.loading && l.data === undefined && !l.error)) return null;
  return <p role="status">Loading…</p>;
}
