import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoachReview } from '../api';
import { CoachSuggestion, flaggedPart } from './CoachSuggestion';

const flagged: CoachReview = {
  flags: [{ kind: 'generalisation', start: 2, end: 11, message: 'One moment is easier to hear.' }],
  suggestion: 'I feel hurt when you do not listen to me.',
};
const harm: CoachReview = {
  flags: [],
  suggestion: null,
  resources: {
    title: 'Support and safety',
    body: 'You deserve support.',
    entries: [{ name: 'Emergency services', contact: '112', note: '' }],
  },
};

let root: HTMLDivElement;

function show(text: string, review: (text: string) => Promise<CoachReview>) {
  act(() => render(<CoachSuggestion text={text} review={review} />, root));
}

async function settle(ms: number) {
  await act(async () => {
    vi.advanceTimersByTime(ms);
    await Promise.resolve();
  });
}

describe('CoachSuggestion', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    root = document.createElement('div');
    document.body.appendChild(root);
  });
  afterEach(() => {
    act(() => render(null, root));
    document.body.innerHTML = '';
    vi.useRealTimers();
  });

  it('asks once typing has rested for 600 ms, not on every keystroke', async () => {
    const review = vi.fn(async () => flagged);
    show('🙂 you', review);
    await settle(300);
    show('🙂 you never', review);
    await settle(599);
    expect(review).not.toHaveBeenCalled();
    await settle(1);
    expect(review).toHaveBeenCalledTimes(1);
    expect(review).toHaveBeenCalledWith('🙂 you never');
  });

  it('shows the flagged words and the suggestion gently, and can be hidden', async () => {
    show('🙂 you never listen', vi.fn(async () => flagged));
    await settle(600);
    expect(root.querySelector('mark')?.textContent).toBe('you never');
    expect(root.textContent).toContain('A gentler way to say this might be…');
    expect(root.querySelector('blockquote')?.textContent).toBe(flagged.suggestion);
    expect(root.querySelector('form, [type="submit"]')).toBeNull();
    const hide = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Hide this');
    act(() => hide!.click());
    expect(root.textContent).toBe('');
  });

  it('shows the resources and no rewording when the text describes harm', async () => {
    show('I was scared to stop', vi.fn(async () => harm));
    await settle(600);
    expect(root.textContent).toContain('Emergency services');
    expect(root.textContent).not.toContain('gentler');
    expect(root.querySelector('blockquote')).toBeNull();
  });

  it('says nothing when nothing was found, the text is blank or the call fails', async () => {
    show('You always make me laugh', vi.fn(async () => ({ flags: [], suggestion: null })));
    await settle(600);
    expect(root.textContent).toBe('');
    const review = vi.fn(async () => flagged);
    show('   ', review);
    await settle(600);
    expect(review).not.toHaveBeenCalled();
    show('you never', vi.fn(async () => Promise.reject(new Error('offline'))));
    await settle(600);
    expect(root.textContent).toBe('');
  });

  it('ignores an answer that arrives after the text has changed again', async () => {
    let answerFirst: (r: CoachReview) => void = () => {};
    const review = vi
      .fn<(text: string) => Promise<CoachReview>>()
      .mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)))
      .mockImplementationOnce(async () => ({ flags: [], suggestion: null }));
    show('🙂 you never', review);
    await settle(600);
    show('🙂 you listened', review);
    await settle(600);
    await act(async () => answerFirst(flagged));
    expect(root.querySelector('mark')).toBeNull();
  });
});

describe('flaggedPart', () => {
  it('counts code points, so emoji and accents do not shift the span', () => {
    expect(flaggedPart('🙂 café, you never', 8, 17)).toBe('you never');
    expect(flaggedPart('é🙄', 1, 2)).toBe('🙄');
  });
});
