import { useState } from 'preact/hooks';
import { addCheckin, type CheckinKind, type Visibility } from '../api';
import { useAction } from '../hooks';
import { Status } from './Status';
import { usePracticeExercise } from '../practiceExercise';
import { VisibilityPicker, visibilityLabels } from './VisibilityPicker';

export const scoreLabels = {
  mood: 'Mood',
  energy: 'Energy',
  interest: 'Interest',
  safety: 'Feeling safe',
  stress: 'Stress',
} as const;
export type ScoreName = keyof typeof scoreLabels;
export const scoreNames = Object.keys(scoreLabels) as ScoreName[];

const hints: Record<ScoreName, string> = {
  mood: '0 very low, 10 very good',
  energy: '0 drained, 10 full of energy',
  interest: '0 none at all, 10 very keen',
  safety: '0 not safe at all, 10 completely safe',
  stress: '0 calm, 10 very stressed',
};

const headings: Record<CheckinKind, string> = {
  daily: 'How are you today?',
  pre: 'Before you begin: how are you right now?',
  post: 'Now that it has ended: how are you?',
};

/**
 * A check-in: five scores from 0 to 10 and an optional note, private unless the person
 * chooses otherwise. Skipping is always possible where a practice offers it.
 */
export function CheckinForm({
  rid,
  kind,
  practiceId,
  onDone,
  onSkip,
}: {
  rid: string;
  kind: CheckinKind;
  practiceId?: string;
  onDone?: () => void;
  onSkip?: () => void;
}) {
  // Around a practice, the exercise's own question for this moment.
  const exercise = usePracticeExercise(kind === 'daily' ? undefined : practiceId);
  const prompt = kind === 'pre' ? exercise?.pre_checkin_prompt : exercise?.post_checkin_prompt;
  const [scores, setScores] = useState<Record<ScoreName, number>>({
    mood: 5,
    energy: 5,
    interest: 5,
    safety: 5,
    stress: 5,
  });
  const [note, setNote] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('private');
  const { status, busy, run } = useAction();
  return (
    <form
      class="card stack checkin-form"
      aria-label={headings[kind]}
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          async () => {
            await addCheckin({
              relationship_id: rid,
              kind,
              ...(practiceId ? { practice_id: practiceId } : {}),
              ...scores,
              note: note.trim(),
              visibility,
            });
            setNote('');
            onDone?.();
          },
          visibility === 'private'
            ? 'Thank you. Saved, just for you.'
            : `Thank you. Saved and shared with: ${visibilityLabels[visibility].toLowerCase()}.`,
        );
      }}
    >
      <h2>{headings[kind]}</h2>
      {prompt && <p class="muted exercise-prompt">{prompt}</p>}
      {scoreNames.map((name) => (
        <label class="field" key={name}>
          <span>
            {scoreLabels[name]} <span class="muted small">({hints[name]})</span>
          </span>
          <input
            type="number"
            name={name}
            min={0}
            max={10}
            step={1}
            required
            value={scores[name]}
            onInput={(e) => setScores({ ...scores, [name]: Number(e.currentTarget.value) })}
          />
        </label>
      ))}
      <label class="field">
        <span>A note, if you like</span>
        <textarea name="note" maxLength={4000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <VisibilityPicker value={visibility} onChange={setVisibility} />
      <div class="row">
        <button type="submit" disabled={busy}>
          Save check-in
        </button>
        {onSkip && (
          <button type="button" class="quiet" onClick={onSkip}>
            Skip
          </button>
        )}
      </div>
      <Status status={status} />
    </form>
  );
}
