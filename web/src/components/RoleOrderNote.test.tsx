import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { RoleOrderNote } from './RoleOrderNote';

const names: Record<string, string> = { a: 'Ana', b: 'Ben' };
const nameOf = (id: string) => names[id] ?? 'Someone';

function text(proposal: { role_order: string[]; last_role_order?: string[] }, me: string) {
  const root = document.createElement('div');
  render(<RoleOrderNote proposal={proposal} me={me} nameOf={nameOf} />, root);
  return root.textContent ?? '';
}

describe('RoleOrderNote', () => {
  it('names who started last time and who is proposed now', () => {
    expect(text({ role_order: ['b', 'a'], last_role_order: ['a', 'b'] }, 'b')).toBe(
      'Last time Ana started; this time you are proposed to start — you can change it.',
    );
    expect(text({ role_order: ['b', 'a'], last_role_order: ['a', 'b'] }, 'a')).toBe(
      'Last time you started; this time Ben is proposed to start — you can change it.',
    );
  });

  it('says nothing without an earlier agreement for these people', () => {
    expect(text({ role_order: ['a', 'b'] }, 'a')).toBe('');
  });
});
