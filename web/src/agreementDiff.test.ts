import { describe, expect, it } from 'vitest';
import { diffVersions, type Names } from './agreementDiff';

const names: Names = {
  item: (id) => ({ hold: 'Holding hands', hug: 'Hugging', gaze: 'Eye contact' })[id] ?? id,
  person: (id) => ({ a: 'Alex', b: 'Bo', c: 'Cy' })[id] ?? id,
  exercise: (id) => ({ e1: 'Arriving together', e2: 'Soft gaze' })[id] ?? id,
};

const base = {
  exercise_id: 'e1',
  participants: ['a', 'b'],
  items: ['hold', 'hug'],
  time_limit_minutes: 20,
  role_order: ['a', 'b'],
  pause_word: 'amber',
  aftercare: 'Tea and a blanket',
};

describe('diffVersions', () => {
  it('finds nothing between identical versions, whatever the list order', () => {
    expect(diffVersions(base, { ...base, items: ['hug', 'hold'], participants: ['b', 'a'] }, names)).toEqual([]);
  });

  it('reports added and removed items by label', () => {
    const d = diffVersions(base, { ...base, items: ['hug', 'gaze'] }, names);
    expect(d).toEqual([{ kind: 'set', field: 'items', label: 'In scope', added: ['Eye contact'], removed: ['Holding hands'] }]);
  });

  it('reports value changes with names, in form order', () => {
    const d = diffVersions(
      base,
      { ...base, exercise_id: 'e2', time_limit_minutes: 30, pause_word: 'red', role_order: ['b', 'a'] },
      names,
    );
    expect(d.map((c) => c.field)).toEqual(['exercise_id', 'time_limit_minutes', 'role_order', 'pause_word']);
    expect(d[0]).toMatchObject({ before: 'Arriving together', after: 'Soft gaze' });
    expect(d[1]).toMatchObject({ before: '20 minutes', after: '30 minutes' });
    expect(d[2]).toMatchObject({ before: 'Alex, then Bo', after: 'Bo, then Alex' });
    expect(d[3]).toMatchObject({ before: 'amber', after: 'red' });
  });

  it('reports a participant joining', () => {
    const d = diffVersions(base, { ...base, participants: ['a', 'b', 'c'] }, names);
    expect(d).toEqual([{ kind: 'set', field: 'participants', label: 'Taking part', added: ['Cy'], removed: [] }]);
  });

  it('treats a changed aftercare plan as a change', () => {
    const d = diffVersions(base, { ...base, aftercare: 'A walk' }, names);
    expect(d).toEqual([
      { kind: 'value', field: 'aftercare', label: 'Aftercare and debrief', before: 'Tea and a blanket', after: 'A walk' },
    ]);
  });
});
