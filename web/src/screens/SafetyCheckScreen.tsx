import { useState } from 'preact/hooks';
import {
  getMySafetyChecks,
  getSafetyCheckForm,
  submitSafetyCheck,
  type Resources,
  type SafetyCheckForm,
} from '../api';
import { RelationshipFrame } from '../components/RelationshipFrame';
import { ResourceList } from '../components/ResourceList';
import { Status } from '../components/Status';
import { useAction, useLoad } from '../hooks';

/**
 * The private safety check: a gentle intro (private, what happens with answers), the
 * questions, and, after answers that suggest someone may not be safe, support shown to this
 * person alone.
 */
export function SafetyCheckScreen({ rid }: { rid: string }) {
  const { data: form, error } = useLoad(getSafetyCheckForm, []);
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [saved, setSaved] = useState<{ resources?: Resources } | null>(null);
  const runner = useAction();

  const save = async () => {
    await submitSafetyCheck(rid, answers);
    const mine = await getMySafetyChecks(rid);
    setSaved({ resources: mine.resources });
    setAnswers({});
  };

  return (
    <RelationshipFrame rid={rid} title="A private safety check">
      {error && <p role="alert">{error}</p>}
      {form && <Intro form={form} />}
      {saved ? (
        <AfterSaving resources={saved.resources} onAgain={() => setSaved(null)} />
      ) : (
        form && (
          <form
            class="stack"
            onSubmit={(e) => {
              e.preventDefault();
              void runner.run(save);
            }}
          >
            {form.questions.map((q) => (
              <fieldset key={q.id} class="card stack">
                <legend>{q.text}</legend>
                <div class="choices">
                  {form.scale.map((step) => (
                    <label key={step.value} class="choice">
                      <input
                        type="radio"
                        name={q.id}
                        checked={answers[q.id] === step.value}
                        onChange={() => setAnswers({ ...answers, [q.id]: step.value })}
                      />
                      {step.label}
                    </label>
                  ))}
                </div>
              </fieldset>
            ))}
            <button type="submit" disabled={runner.busy}>
              Save privately
            </button>
          </form>
        )
      )}
      <Status status={runner.status} />
    </RelationshipFrame>
  );
}

function Intro({ form }: { form: SafetyCheckForm }) {
  return (
    <div class="stack">
      {form.intro.split(/\n\s*\n/).map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <p class="muted small">{form.source}</p>
    </div>
  );
}

function AfterSaving({ resources, onAgain }: { resources?: Resources; onAgain: () => void }) {
  return (
    <div class="card stack" role="region" aria-live="polite" aria-label="Just for you">
      <h2>Saved, just for you</h2>
      {resources ? (
        <>
          <p>
            Thank you for answering. What you said suggests you may not feel safe, and that
            matters. Practice is now paused for everyone here, in the same way as any other
            pause: nobody is told that you took this check or what you said.
          </p>
          <p>You deserve support. These are places to start, whenever you are ready.</p>
          <ResourceList resources={resources} headingLevel={3} />
        </>
      ) : (
        <p>Thank you. Your answers are saved, and only you can see them.</p>
      )}
      <button type="button" class="quiet" onClick={onAgain}>
        Take the check again
      </button>
    </div>
  );
}
