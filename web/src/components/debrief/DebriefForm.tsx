import { useState } from 'preact/hooks';
import { ApiError, giveDebrief, type DebriefBody } from '../../api';
import { CoachSuggestion } from '../CoachSuggestion';
import { Status } from '../Status';
import { useAction } from '../../hooks';
import { usePracticeExercise } from '../../practiceExercise';

/** The three prompts; an exercise's own debrief prompts take their place once it has them. */
export const debriefPrompts: { field: 'nourishing' | 'discomfort' | 'adjust'; label: string; hint: string }[] = [
  {
    field: 'nourishing',
    label: 'What felt nourishing?',
    hint: 'A moment, a touch, a feeling — anything that was good for you.',
  },
  {
    field: 'discomfort',
    label: 'What sparked discomfort, if anything?',
    hint: 'Try speaking from your own side: "I noticed…", "I felt…".',
  },
  {
    field: 'adjust',
    label: 'What would you like to adjust next time?',
    hint: 'A small wish is plenty.',
  },
];

const kMaxChars = 2000;

/**
 * My private answers to one practice's debrief, or a skip. Nothing written here is shown to
 * anyone until everyone taking part has answered or skipped.
 */
export function DebriefForm({ pid, onGiven }: { pid: string; onGiven: () => void }) {
  const [texts, setTexts] = useState({ nourishing: '', discomfort: '', adjust: '' });
  // The exercise's own debrief prompts, in the fields' order, stand in for the generic hints.
  const exercisePrompts = usePracticeExercise(pid)?.debrief_prompts;
  const { status, busy, run, say } = useAction();
  const blank = Object.values(texts).every((t) => !t.trim());

  const send = (body: DebriefBody) =>
    run(async () => {
      try {
        await giveDebrief(pid, body);
      } catch (err) {
        // Given before (on another device, or before a reload): it is in already.
        if (err instanceof ApiError && err.code === 'debrief_already_given') {
          onGiven();
          return;
        }
        throw err;
      }
      onGiven();
    });

  return (
    <form
      class="card stack debrief-form"
      aria-label="Your reflections"
      onSubmit={(e) => {
        e.preventDefault();
        if (blank) {
          say('Write a few words in any one of these, or skip — either is fine.', 'error');
          return;
        }
        void send(texts);
      }}
    >
      <p class="muted">
        Only you see this until everyone has answered or skipped. Every question is optional, and
        so is the whole debrief.
      </p>
      {debriefPrompts.map((prompt, index) => (
        <div key={prompt.field} class="stack">
          <label class="field">
            <span>{prompt.label}</span>
            <textarea
              name={prompt.field}
              maxLength={kMaxChars}
              value={texts[prompt.field]}
              onInput={(e) => setTexts({ ...texts, [prompt.field]: e.currentTarget.value })}
            />
            <small>{exercisePrompts?.[index] ?? prompt.hint}</small>
          </label>
          {/* A gentle rewording offer as the person writes: never blocks sharing. */}
          <CoachSuggestion text={texts[prompt.field]} />
        </div>
      ))}
      <div class="row">
        <button type="submit" disabled={busy}>
          Share when everyone is ready
        </button>
        <button type="button" class="quiet" disabled={busy} onClick={() => void send({ skip: true })}>
          Skip this time
        </button>
      </div>
      <Status status={status} />
    </form>
  );
}
