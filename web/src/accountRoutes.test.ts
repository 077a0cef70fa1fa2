import { describe, expect, it } from 'vitest';
import { parseHash, toHash } from './router';

describe('account routes', () => {
  it('reads the token of a reset or confirmation link from the fragment', () => {
    expect(parseHash('#/reset/abc_DEF-123')).toEqual({ name: 'reset', token: 'abc_DEF-123' });
    expect(parseHash('#/confirm/xyz')).toEqual({ name: 'confirm', token: 'xyz' });
    expect(parseHash('#/reset')).toEqual({ name: 'forgot' });
    expect(parseHash('#/confirm')).toEqual({ name: 'login' });
  });

  it('writes them back', () => {
    expect(toHash({ name: 'account' })).toBe('#/account');
    expect(toHash({ name: 'forgot' })).toBe('#/forgot');
    expect(toHash({ name: 'reset', token: 'a b' })).toBe('#/reset/a%20b');
    expect(parseHash(toHash({ name: 'confirm', token: 'T-1_x' }))).toEqual({ name: 'confirm', token: 'T-1_x' });
  });
});
