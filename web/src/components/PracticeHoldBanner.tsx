import { getPracticeHold } from '../api';
import { useLoad } from '../hooks';

/**
 * "Practice is paused for now": the one neutral line every member sees while anything holds
 * the relationship's practice. It never says who or why, because the server never tells.
 * `refresh` reloads it (the practice screen passes the state's seq).
 */
export function PracticeHoldBanner({ rid, refresh }: { rid: string; refresh?: unknown }) {
  const { data } = useLoad(() => getPracticeHold(rid), [rid, refresh]);
  if (!data?.practice_hold) return null;
  return (
    <p class="card highlight" role="status" data-testid="practice-hold">
      Practice is paused for now. You can still read your agreements, check in and talk things
      through; starting or resuming a practice waits until the pause is lifted.
    </p>
  );
}
