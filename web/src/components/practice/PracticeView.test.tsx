import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PracticeState } from '../../api';
import { PracticeView, type PracticeActions } from './PracticeView';

const participants = [
  { id: 'a', display_name: 'Alex' },
  { id: 'b', display_name: 'Bo' },
];

function state(over: Partial<PracticeState>): PracticeState {
  return {
    id: 'p1',
    agreement_id: 'a1',
    status: 'waiting',
    void: false,
    device: 'own',
    phase: null,
    participant_count: 2,
    ready_count: 0,
    you_ready: false,
    paused_by_count: 0,
    resume_consent_count: 0,
    you_consented: false,
    pause_word: 'amber',
    time_left_seconds: 900,
    seq: 1,
    care: [],
    ...over,
  };
}

function actions(): PracticeActions {
  return { ready: vi.fn(), pause: vi.fn(), resume: vi.fn(), end: vi.fn(), leave: vi.fn() };
}

function show(s: PracticeState, a = actions(), now = Date.parse('2030-01-01T10:00:00Z')) {
  const root = document.createElement('div');
  document.body.appendChild(root);
  render(
    <PracticeView
      state={s}
      receivedAt={now}
      now={now}
      participants={participants}
      meId="a"
      pauseWord="amber"
      aftercare="Tea"
      busy={false}
      actions={a}
    />,
    root,
  );
  return { root, a, text: () => root.textContent ?? '' };
}

/** Types into the field whose label starts with `label`, and lets the view update. */
async function type(root: Element, label: string, value: string) {
  const field = [...root.querySelectorAll('label')]
    .find((l) => (l.textContent ?? '').startsWith(label))
    ?.querySelector('input') as HTMLInputElement;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 20));
}

const button = (root: Element, name: RegExp) =>
  [...root.querySelectorAll('button')].find((b) => name.test(b.textContent ?? '')) as HTMLButtonElement;

describe('PracticeView', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('paused: shows the pause word and "N of M ready to continue", never names', () => {
    const { root, text } = show(state({ status: 'paused', paused_by_count: 1, resume_consent_count: 1, phase: { index: 2, name: 'Lead the breath', instruction: 'x', giver: 'a', receiver: 'b', ends_at: null } }));
    expect(text()).toContain('Paused');
    expect(text()).toContain('1 of 2 ready to continue');
    expect(text()).toContain('amber');
    expect(text()).not.toMatch(/Alex|Bo\b/);
    expect(root.querySelector('.care-plan')).not.toBeNull();
    const pause = root.querySelector('.pause-button')!;
    expect(pause.getAttribute('aria-pressed')).toBe('true');
  });

  it('paused: resume records my consent; once given it says so', () => {
    const a = actions();
    const { root } = show(state({ status: 'paused' }), a);
    button(root, /continue/).click();
    expect(a.resume).toHaveBeenCalledWith();
    document.body.innerHTML = '';
    const again = show(state({ status: 'paused', you_consented: true, resume_consent_count: 1 }));
    expect(again.text()).toContain("You're ready to continue");
    expect(button(again.root, /I'd like to continue/)).toBeUndefined();
  });

  it('paused on a void agreement: no resume, only end', () => {
    const { root, text } = show(state({ status: 'paused', void: true }));
    expect(text()).toContain('no longer in force');
    expect(button(root, /continue/)).toBeUndefined();
    expect(button(root, /End the practice/)).toBeDefined();
  });

  it('waiting: counts who is ready, never who is not', () => {
    const { text } = show(state({ status: 'waiting', ready_count: 1 }));
    expect(text()).toContain('Ready?');
    expect(text()).toContain('1 of 2 ready');
    expect(text()).not.toMatch(/Alex|Bo\b/);
  });

  it('running: step, roles from my side ("You give", the other by name) and time left from ends_at', () => {
    const now = Date.parse('2030-01-01T10:00:00Z');
    const { text } = show(
      state({
        status: 'running',
        time_left_seconds: 600,
        phase: { index: 2, name: 'Lead the breath', instruction: 'Breathe slowly.', giver: 'a', receiver: 'b', ends_at: '2030-01-01T10:01:30Z' },
      }),
      actions(),
      now,
    );
    expect(text()).toContain('Lead the breath');
    expect(text()).toContain('Breathe slowly.');
    expect(text()).toContain('You give');
    expect(text()).not.toContain('Alex');
    expect(text()).toContain('Bo receives');
    expect(text()).toContain('1:30');
    expect(text()).toContain('10:00');
  });

  it('the one pause button is there in every live state and pauses', () => {
    for (const status of ['waiting', 'running', 'paused'] as const) {
      const a = actions();
      const { root } = show(state({ status }), a);
      const buttons = root.querySelectorAll('.pause-button');
      expect(buttons).toHaveLength(1);
      (buttons[0] as HTMLButtonElement).click();
      expect(a.pause).toHaveBeenCalledTimes(1);
      document.body.innerHTML = '';
    }
  });

  it('ended: no pause, shows the aftercare plan', () => {
    const { root, text } = show(state({ status: 'ended' }));
    expect(root.querySelector('.pause-button')).toBeNull();
    expect(text()).toContain('Tea');
  });

  it('shared device: ready is sent only after each person confirmed in person, with their PIN', async () => {
    const a = actions();
    const { root } = show(state({ status: 'waiting', device: 'shared' }), a);
    button(root, /Alex: I'm ready/).click();
    expect(a.ready).not.toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 20));
    expect(root.textContent).toContain('Alex: confirmed');
    // Bo is not the one logged in here: Bo's button needs Bo's own PIN first.
    expect(button(root, /Bo: I'm ready/).disabled).toBe(true);
    await type(root, 'Bo, your PIN', '482916');
    button(root, /Bo: I'm ready/).click();
    expect(a.ready).toHaveBeenCalledWith([{ account_id: 'b', pin: '482916' }]);
  });

  it('shared device: resume with the password instead of the PIN', async () => {
    const a = actions();
    const { root } = show(state({ status: 'paused', device: 'shared' }), a);
    button(root, /Use the password instead/).click();
    await new Promise((r) => setTimeout(r, 20));
    await type(root, 'Bo, your password', 'a long enough password');
    button(root, /Bo: I'd like to continue/).click();
    expect(a.resume).not.toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 20));
    button(root, /Alex: I'd like to continue/).click();
    expect(a.resume).toHaveBeenCalledWith([{ account_id: 'b', password: 'a long enough password' }]);
  });
  it('paused: shows the shared care plan, naming an author only where they chose to', () => {
    const care = [
      { kind: 'helps' as const, text: 'A hand on my back' },
      { kind: 'reassurance' as const, text: 'You are safe', author_name: 'Bo' },
    ];
    const { root, text } = show(state({ status: 'paused', care }));
    const items = [...root.querySelectorAll('.care-note')].map((li) => li.textContent ?? '');
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('A hand on my back');
    expect(items[0]).toContain('Shared with you');
    expect(items[0]).not.toContain('Alex');
    expect(items[0]).not.toContain('Bo');
    expect(items[1]).toContain('From Bo');
    expect(text()).not.toContain('will show here');
  });

  it('paused with nothing shared: one sentence says what a care plan is for', () => {
    const { root, text } = show(state({ status: 'paused', care: [] }));
    expect(root.querySelectorAll('.care-note')).toHaveLength(0);
    expect(text()).toContain('A care plan is where each of you can note');
  });

  it('running: no care plan on screen', () => {
    const { root } = show(state({ status: 'running', care: [{ kind: 'helps', text: 'hidden' }] }));
    expect(root.querySelector('.care-plan')).toBeNull();
  });
});
