import { useWaiting, type NudgeTopic } from '../nudges';

/** A calm mark where something changed since the person last looked; never a count. */
export function NewBadge({ rid, topic }: { rid: string; topic?: NudgeTopic }) {
  if (!useWaiting(rid, topic)) return null;
  return (
    <span class="badge-new">
      New<span class="visually-hidden">: something here changed since you last looked</span>
    </span>
  );
}
