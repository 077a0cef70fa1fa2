// What each stage of the practice programme means, in the words the screens use, and the
// exercises grouped by stage (gentlest first).
import type { Exercise } from './api';

export const stageLabels: Record<number, string> = {
  1: 'Presence: no touch, or hands only',
  2: 'Non-sexual touch, clothed',
  3: 'Whole-body touch, leaving out chest and genitals',
  4: 'Whole-body touch with no goal',
  5: 'Slow erotic touch',
};

export function stageLabel(stage: number): string {
  return `Stage ${stage} · ${stageLabels[stage] ?? 'Practice'}`;
}

/** Exercises grouped by stage, stages ascending, each group in the order given. */
export function byStage<T extends Pick<Exercise, 'stage'>>(exercises: T[]): [number, T[]][] {
  const groups = new Map<number, T[]>();
  for (const e of exercises) groups.set(e.stage, [...(groups.get(e.stage) ?? []), e]);
  return [...groups.entries()].sort(([a], [b]) => a - b);
}
