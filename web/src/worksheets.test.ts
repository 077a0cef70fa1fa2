import { describe, expect, it } from 'vitest';
import { changedSteps, hasWords, promptsFor } from './worksheets';

const text = { old_script: 'I am too much', notice_now: '', new_narrative: '' };

describe('reframing worksheets', () => {
  it('an edit sends only the steps that changed, trimmed', () => {
    expect(changedSteps(text, { ...text, new_narrative: '  I am welcome  ' })).toEqual({ new_narrative: 'I am welcome' });
    expect(changedSteps(text, { ...text })).toEqual({});
  });

  it('needs words in at least one step', () => {
    expect(hasWords(text)).toBe(true);
    expect(hasWords({ old_script: ' ', notice_now: '\n', new_narrative: '' })).toBe(false);
  });

  it('offers each step its own prompts', () => {
    const prompts = [
      { id: 'a', step: 'old_script' as const, text: 'A' },
      { id: 'b', step: 'notice_now' as const, text: 'B' },
    ];
    expect(promptsFor('notice_now', prompts).map((p) => p.id)).toEqual(['b']);
    expect(promptsFor('new_narrative', prompts)).toEqual([]);
  });
});
