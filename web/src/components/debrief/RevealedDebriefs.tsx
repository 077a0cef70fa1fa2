import type { RevealedDebrief } from '../../api';
import { debriefPrompts } from './DebriefForm';

/** Everyone's reflections, in the order to take turns: who speaks first changes each time. */
export function RevealedDebriefs({ debriefs }: { debriefs: RevealedDebrief[] }) {
  const mine = debriefs.find((d) => d.mine);
  return (
    <section class="stack" aria-labelledby="revealed-heading">
      <h2 id="revealed-heading">Everyone's reflections</h2>
      <p class="muted">
        Take turns in this order{mine ? `; you are ${ordinal(mine.order)}` : ''}. Listen without
        answering back straight away — there is time.
      </p>
      <ol class="plain-list stack revealed-debriefs">
        {debriefs.map((d) => (
          <li key={d.order} class="card stack" data-order={d.order}>
            <h3>
              {ordinal(d.order)[0].toUpperCase() + ordinal(d.order).slice(1)}
              {d.mine ? ' · you' : ''}
            </h3>
            {d.skipped ? (
              <p class="muted">Chose to skip this time.</p>
            ) : (
              debriefPrompts
                .filter((p) => d[p.field].trim())
                .map((p) => (
                  <p key={p.field}>
                    <strong>{p.label}</strong> <span class="entry-text">{d[p.field]}</span>
                  </p>
                ))
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function ordinal(n: number): string {
  return ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'][n - 1] ?? `number ${n}`;
}
