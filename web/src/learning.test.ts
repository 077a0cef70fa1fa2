import { describe, expect, it } from 'vitest';
import { turnOf } from './learning';

const people = [
  { id: 'b', display_name: 'Bo' },
  { id: 'a', display_name: 'Alex' },
  { id: 'c', display_name: 'Cam' },
];

describe('conversation card turns', () => {
  it('alternate through every partner, starting with me', () => {
    expect([0, 1, 2, 3].map((i) => turnOf(i, people, 'b')?.display_name)).toEqual(['Bo', 'Cam', 'Alex', 'Bo']);
  });

  it('every device agrees on the order', () => {
    expect(turnOf(1, people, 'a')?.id).toBe('b');
    expect(turnOf(1, [...people].reverse(), 'a')?.id).toBe('b');
  });

  it('no partners, no turn', () => {
    expect(turnOf(0, [], 'a')).toBeNull();
  });
});
