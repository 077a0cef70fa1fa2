import { Link } from '../Link';

/** Shown when a practice has ended: a gentle way into its debrief, never a demand. */
export function DebriefOffer({ rid, pid }: { rid: string; pid: string }) {
  return (
    <section class="card stack" aria-labelledby="debrief-offer-heading">
      <h2 id="debrief-offer-heading">When you're ready</h2>
      <p class="muted">
        You can each note what felt nourishing, what was uncomfortable and what to adjust. Nothing
        is shown until everyone has answered or skipped.
      </p>
      <Link class="card card-link" to={{ name: 'debrief', rid, pid }}>
        Reflect on this practice
        <span class="card-sub">Open for seven days. Skipping is fine too.</span>
      </Link>
    </section>
  );
}
