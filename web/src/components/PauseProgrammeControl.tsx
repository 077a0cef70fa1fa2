import { useState } from 'preact/hooks';
import { getPracticeHold, pauseProgramme, resumeProgramme, type PracticeHold } from '../api';
import { useAction, useLoad } from '../hooks';
import { ActionButton } from './ActionButton';
import { Status } from './Status';

/**
 * Anyone's own "pause the programme", no reason asked. It pauses practice for everyone in
 * exactly the way any other pause does; lifting it lifts only this person's own pause.
 */
export function PauseProgrammeControl({ rid, onChange }: { rid: string; onChange?: () => void }) {
  const loaded = useLoad(() => getPracticeHold(rid), [rid]);
  const [hold, setHold] = useState<PracticeHold | null>(null);
  const runner = useAction();
  const current = hold ?? loaded.data;
  const apply = async (next: Promise<PracticeHold>) => {
    setHold(await next);
    onChange?.();
  };
  return (
    <section class="card stack" aria-labelledby="pause-programme-heading">
      <h2 id="pause-programme-heading">Pause the programme</h2>
      <p class="muted">
        You can pause practice for everyone here at any time, without giving a reason. Others
        only see that practice is paused for now — nobody is told who paused it or why.
      </p>
      {current?.you_paused ? (
        <ActionButton
          runner={runner}
          action={() => apply(resumeProgramme(rid))}
          done="Your pause is lifted."
        >
          Lift my pause
        </ActionButton>
      ) : (
        <ActionButton
          runner={runner}
          action={() => apply(pauseProgramme(rid))}
          done="Practice is paused for now."
        >
          Pause the programme
        </ActionButton>
      )}
      <Status status={runner.status} />
    </section>
  );
}
