// The steps of a reframing worksheet and the small rules its screen uses.
import type { WorksheetPrompt, WorksheetText } from './api';

export type WorksheetStep = keyof WorksheetText;

export const worksheetSteps: { step: WorksheetStep; label: string }[] = [
  { step: 'old_script', label: 'The old script' },
  { step: 'notice_now', label: 'What I notice now' },
  { step: 'new_narrative', label: 'A new narrative' },
];

/** One sentence for the empty screen: what a reframing worksheet is for. */
export const worksheetPurpose =
  'A reframing worksheet helps you notice an old story about yourself or closeness, look at what is true now, and write a kinder one.';

export function promptsFor(step: WorksheetStep, prompts: WorksheetPrompt[]): WorksheetPrompt[] {
  return prompts.filter((p) => p.step === step);
}

/** Only the steps that changed, trimmed: an edit sends nothing else. */
export function changedSteps(before: WorksheetText, after: WorksheetText): Partial<WorksheetText> {
  const change: Partial<WorksheetText> = {};
  for (const { step } of worksheetSteps) {
    const next = after[step].trim();
    if (next !== before[step]) change[step] = next;
  }
  return change;
}

/** At least one step has words in it (the server refuses three blank steps too). */
export function hasWords(text: WorksheetText): boolean {
  return worksheetSteps.some(({ step }) => text[step].trim() !== '');
}
