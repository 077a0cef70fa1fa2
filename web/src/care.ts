// The words and small rules of the care plan that more than one screen uses.
import type { CarePlanEntry, CarePlanKind, CareNote } from './api';

export const careKinds: { kind: CarePlanKind; title: string; prompt: string }[] = [
  {
    kind: 'trigger',
    title: 'What can set me off',
    prompt: 'A situation, word or touch that can unsettle you. Only as much as you want to say.',
  },
  {
    kind: 'helps',
    title: 'What helps me when it happens',
    prompt: 'What others can do, or leave undone, when you feel unsettled.',
  },
  {
    kind: 'reassurance',
    title: 'Words that reassure me',
    prompt: 'Something you would like to hear when things feel hard.',
  },
];

/** One sentence for when nothing is shared: what a care plan is for. */
export const carePlanPurpose =
  'A care plan is where each of you can note what can set you off, what helps and which words reassure you, so a pause can be met with care.';

export function careKindTitle(kind: CarePlanKind): string {
  return careKinds.find((k) => k.kind === kind)?.title ?? '';
}

/** Who wrote a shared entry, only when its author chose to show their name. */
export function careByline(note: Pick<CareNote, 'author_name'>): string {
  return note.author_name ? `From ${note.author_name}` : 'Shared with you';
}

/**
 * The entries the people in a drafted agreement can see together: those shared with me and my
 * own shared ones, never my private ones.
 */
export function sharedCareEntries(entries: CarePlanEntry[]): CarePlanEntry[] {
  return entries.filter(
    (e) => !e.mine || e.visibility === 'partners' || e.visibility === 'partners_and_therapist',
  );
}
