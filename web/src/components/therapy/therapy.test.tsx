import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { AccessLogList } from './AccessLogList';
import { ConfidentialityNotice } from './ConfidentialityNotice';

function mount(node: preact.VNode) {
  const root = document.createElement('div');
  render(node, root);
  return root;
}

describe('AccessLogList', () => {
  it('says plainly when nobody looked', () => {
    expect(mount(<AccessLogList entries={[]} />).textContent).toBe('No one has looked at your data here.');
  });
  it('names who looked and at what, in calm words', () => {
    const root = mount(
      <AccessLogList
        entries={[
          { actor: 'Rowan', actor_id: 't1', action: 'shared', at: '2026-01-02T10:00:00.000Z' },
          { actor: 'Rowan', actor_id: 't1', action: 'messages', at: '2026-01-01T10:00:00.000Z' },
        ]}
      />,
    );
    const items = root.querySelectorAll('li');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('Rowan read what you shared with them');
    expect(items[1]!.textContent).toContain('Rowan read your messages to them');
    expect(items[0]!.querySelector('time')!.getAttribute('datetime')).toBe('2026-01-02T10:00:00.000Z');
  });
});

describe('ConfidentialityNotice', () => {
  it('shows every paragraph and an unticked "I understand"', () => {
    const root = mount(
      <ConfidentialityNotice
        text={{ title: 'Limits', body: 'First part.\n\nSecond part.' }}
        understood={false}
        onUnderstood={() => {}}
      />,
    );
    expect(root.querySelector('h2')!.textContent).toBe('Limits');
    expect([...root.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['First part.', 'Second part.']);
    const box = root.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    expect(box.checked).toBe(false);
    expect(box.closest('label')!.textContent).toContain('I understand');
  });
});
