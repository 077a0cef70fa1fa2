// The first time attune opens on a device: a short introduction to the method, which can be
// skipped at any point, then a path of first steps. Neither comes back once dismissed.
import { useState } from 'preact/hooks';
import type { RelationshipSummary } from '../../api';
import { Link } from '../Link';

const KEY = 'attune.intro';
const STEPS_KEY = 'attune.first-steps';

const pages: { title: string; text: string }[] = [
  {
    title: 'What attune is for',
    text: 'A private space for partners to rebuild closeness slowly: naming what hurt, saying what feels safe, agreeing each practice together, and checking in before and after. It supports, and never replaces, professional care.',
  },
  {
    title: 'Anything can be declined',
    text: 'Every question, exercise and invitation can be turned down, without a reason, at any time. Nothing unlocks by itself and nothing counts against you.',
  },
  {
    title: 'The pause',
    text: 'During a practice a large Pause button is always in the same place. Anyone can press it at any moment and everything stops on every screen at once. It continues only when everyone says so again.',
  },
  {
    title: 'How a “no” stays private',
    text: 'Your boundary answers are yours alone. Others see an item only when everyone is open to it, never who said no and never who hasn\u2019t answered yet.',
  },
];

function seen(key: string): boolean {
  try {
    return localStorage.getItem(key) === 'done';
  } catch {
    return false;
  }
}

function remember(key: string): void {
  try {
    localStorage.setItem(key, 'done');
  } catch {
    /* it may show again; no harm */
  }
}

export function FirstUse({ relationships }: { relationships?: RelationshipSummary[] }) {
  const [page, setPage] = useState(() => (seen(KEY) ? -1 : 0));
  const [pathOpen, setPathOpen] = useState(() => !seen(STEPS_KEY));
  if (page >= 0 && page < pages.length) {
    const current = pages[page];
    const finish = () => {
      remember(KEY);
      setPage(-1);
    };
    return (
      <section class="card stack intro" aria-labelledby="intro-heading">
        <p class="muted small">
          Introduction, {page + 1} of {pages.length}
        </p>
        <h2 id="intro-heading">{current.title}</h2>
        <p>{current.text}</p>
        <div class="row">
          {page + 1 < pages.length ? (
            <button type="button" class="primary" onClick={() => setPage(page + 1)}>
              Next
            </button>
          ) : (
            <button type="button" class="primary" onClick={finish}>
              Done
            </button>
          )}
          <button type="button" class="quiet" onClick={finish}>
            Skip the introduction
          </button>
        </div>
      </section>
    );
  }
  if (!pathOpen) return null;
  const rid = relationships?.[0]?.id;
  return (
    <section class="card stack first-steps" aria-labelledby="first-steps-heading">
      <h2 id="first-steps-heading">First steps</h2>
      <ol class="stack">
        <li>{rid ? 'You have a shared space.' : 'Start a shared space below, or join one with a code or link.'}</li>
        <li>{rid ? <Link to={{ name: 'boundaries', rid }}>Answer your boundary map</Link> : 'Answer your boundary map'}, privately, at your own pace.</li>
        <li>{rid ? <Link to={{ name: 'checkins', rid }}>Check in</Link> : 'Check in'} with how you are today.</li>
        <li>{rid ? <Link to={{ name: 'agreements', rid }}>Agree a first practice</Link> : 'Agree a first practice'} together, then practise, pausing whenever you like.</li>
      </ol>
      <button type="button" class="quiet" onClick={() => {
          remember(STEPS_KEY);
          setPathOpen(false);
        }}>
        Hide first steps
      </button>
    </section>
  );
}
