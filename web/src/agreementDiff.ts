// What changed between two versions of an agreement, in words a person can read.
import type { AgreementVersion } from './api';

export interface Names {
  item: (id: string) => string;
  person: (id: string) => string;
  exercise: (id: string) => string;
}

export type Change =
  | { kind: 'value'; field: string; label: string; before: string; after: string }
  | { kind: 'set'; field: string; label: string; added: string[]; removed: string[] };

type Comparable = Pick<
  AgreementVersion,
  'exercise_id' | 'participants' | 'items' | 'time_limit_minutes' | 'role_order' | 'pause_word' | 'aftercare'
>;

function setChange(
  field: string,
  label: string,
  before: string[] = [],
  after: string[] = [],
  name: (id: string) => string,
): Change | null {
  const b = new Set(before);
  const a = new Set(after);
  const added = [...a].filter((x) => !b.has(x)).map(name);
  const removed = [...b].filter((x) => !a.has(x)).map(name);
  return added.length || removed.length ? { kind: 'set', field, label, added, removed } : null;
}

function valueChange(field: string, label: string, before: string, after: string): Change | null {
  return before === after ? null : { kind: 'value', field, label, before, after };
}

/** Changes from `before` to `after`, in the order the agreement form shows them. */
export function diffVersions(before: Comparable, after: Comparable, names: Names): Change[] {
  const minutes = (m: number) => `${m} minutes`;
  const order = (ids: string[] = []) => ids.map(names.person).join(', then ');
  const changes = [
    valueChange('exercise_id', 'Exercise', names.exercise(before.exercise_id), names.exercise(after.exercise_id)),
    setChange('participants', 'Taking part', before.participants, after.participants, names.person),
    setChange('items', 'In scope', before.items, after.items, names.item),
    valueChange('time_limit_minutes', 'Time limit', minutes(before.time_limit_minutes), minutes(after.time_limit_minutes)),
    valueChange('role_order', 'Who starts giving', order(before.role_order), order(after.role_order)),
    valueChange('pause_word', 'Pause word', before.pause_word, after.pause_word),
    valueChange('aftercare', 'Aftercare and debrief', before.aftercare, after.aftercare),
  ];
  return changes.filter((c): c is Change => c !== null);
}
