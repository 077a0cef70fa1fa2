import { describe, expect, it } from 'vitest';
import { byStage, stageLabel } from './stages';

describe('byStage', () => {
  it('groups exercises by stage, gentlest first, keeping their order within a stage', () => {
    const groups = byStage([
      { id: 'c', stage: 3 },
      { id: 'a', stage: 1 },
      { id: 'b', stage: 3 },
    ]);
    expect(groups.map(([stage, list]) => [stage, list.map((e) => e.id)])).toEqual([
      [1, ['a']],
      [3, ['c', 'b']],
    ]);
  });

  it('names a stage by number and meaning', () => {
    expect(stageLabel(2)).toBe('Stage 2 · Non-sexual touch, clothed');
    expect(stageLabel(9)).toBe('Stage 9 · Practice');
  });
});
