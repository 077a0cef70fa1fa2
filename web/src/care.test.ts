import { describe, expect, it } from 'vitest';
import type { CarePlanEntry } from './api';
import { careByline, careKindTitle, sharedCareEntries } from './care';

const entry = (over: Partial<CarePlanEntry>): CarePlanEntry => ({
  id: 'e',
  kind: 'helps',
  text: 't',
  mine: false,
  created_at: '2030-01-01T00:00:00.000Z',
  updated_at: '2030-01-01T00:00:00.000Z',
  ...over,
});

describe('care plan words', () => {
  it('never says whose an entry is unless its author chose to', () => {
    expect(careByline({})).toBe('Shared with you');
    expect(careByline({ author_name: 'Bo' })).toBe('From Bo');
  });

  it('names each kind', () => {
    expect(careKindTitle('trigger')).toBe('What can set me off');
    expect(careKindTitle('helps')).toBe('What helps me when it happens');
    expect(careKindTitle('reassurance')).toBe('Words that reassure me');
  });

  it('a draft shows what is shared between partners, never my private entries', () => {
    const list = [
      entry({ id: 'theirs' }),
      entry({ id: 'mine-private', mine: true, visibility: 'private' }),
      entry({ id: 'mine-therapist', mine: true, visibility: 'therapist' }),
      entry({ id: 'mine-shared', mine: true, visibility: 'partners' }),
      entry({ id: 'mine-both', mine: true, visibility: 'partners_and_therapist' }),
    ];
    expect(sharedCareEntries(list).map((e) => e.id)).toEqual(['theirs', 'mine-shared', 'mine-both']);
  });
});
