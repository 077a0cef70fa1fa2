// One gentle suggestion on the home screen: a debrief waiting for my words, a check-in, or
// an exercise not yet tried. Never a count; nothing at all when there is nothing to offer.
// Dismissing it hides it for the rest of this signed-in session in this tab.
import { useState } from 'preact/hooks';
import { getExercise, getNextStep, type NextStep } from '../api';
import { useLoad } from '../hooks';
import type { Route } from '../router';
import { sessionAccountId } from '../session';
import { Link } from './Link';

const HIDDEN_KEY = 'attune.nextStepHidden';

function hiddenForThisSession(): boolean {
  try {
    return sessionStorage.getItem(HIDDEN_KEY) === (sessionAccountId() ?? '');
  } catch {
    return false;
  }
}

function hideForThisSession(): void {
  try {
    sessionStorage.setItem(HIDDEN_KEY, sessionAccountId() ?? '');
  } catch {
    /* storage may be unavailable; the card still goes away for now */
  }
}

interface Suggestion {
  text: string;
  action: string;
  to: Route;
}

async function suggestionFor(step: NextStep): Promise<Suggestion> {
  const rid = step.relationship_id;
  if (step.kind === 'debrief' && step.practice_id) {
    return {
      text: 'Would you like to share a few words about your last practice together?',
      action: 'Open the debrief',
      to: { name: 'debrief', rid, pid: step.practice_id },
    };
  }
  if (step.kind === 'exercise' && step.exercise_id) {
    const exercise = await getExercise(step.exercise_id);
    return {
      text: `When you both feel like it: ${exercise.title}`,
      action: 'Read about it',
      to: { name: 'exercise', rid, id: step.exercise_id },
    };
  }
  return {
    text: 'A moment to check in with yourself?',
    action: 'Check in',
    to: { name: 'checkins', rid },
  };
}

async function loadSuggestion(): Promise<Suggestion | null> {
  if (hiddenForThisSession()) return null;
  const step = await getNextStep();
  return step ? suggestionFor(step) : null;
}

export function NextStepCard() {
  const { data } = useLoad(loadSuggestion, []);
  const [hidden, setHidden] = useState(false);
  if (!data || hidden) return null;
  return (
    <aside class="card stack next-step" aria-label="A gentle next step">
      <p>{data.text}</p>
      <p class="muted">Only if it feels right today.</p>
      <div class="row">
        <Link to={data.to}>
          {data.action}
        </Link>
        <button
          type="button"
          onClick={() => {
            hideForThisSession();
            setHidden(true);
          }}
        >
          Not now
        </button>
      </div>
    </aside>
  );
}
