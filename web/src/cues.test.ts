import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PracticeState } from './apiTypes';
import { cueFor, loadCueSettings, play, rolesLine, saveCueSettings } from './cues';

function state(over: Partial<PracticeState>): PracticeState {
  return {
    id: 'p1',
    agreement_id: 'a1',
    status: 'running',
    void: false,
    device: 'own',
    phase: { index: 0, name: 'Settle in', instruction: 'Sit comfortably.', giver: null, receiver: null, ends_at: null },
    participant_count: 2,
    ready_count: 2,
    you_ready: true,
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

const names = (id: string) => ({ a: 'Alex', b: 'Bea' })[id] ?? 'someone';
const lead = (index: number, giver: string, receiver: string) => ({
  index,
  name: 'Lead the breath',
  instruction: 'Count a slow breath.',
  giver,
  receiver,
  ends_at: null,
});

describe('cues', () => {
  afterEach(() => localStorage.clear());

  it('are off until chosen, and remembered on this device', () => {
    expect(loadCueSettings()).toEqual({ sound: false, vibrate: false, speak: false });
    saveCueSettings({ sound: true, vibrate: false, speak: true });
    expect(loadCueSettings()).toEqual({ sound: true, vibrate: false, speak: true });
  });

  it('name a pause, a resume with the step read out, a new step, and a swap of roles', () => {
    const running = state({ seq: 3 });
    expect(cueFor(null, running, 'a', names)).toBeNull();
    expect(cueFor(running, running, 'a', names)).toBeNull();
    const paused = state({ status: 'paused', seq: 4 });
    expect(cueFor(running, paused, 'a', names)?.kind).toBe('pause');
    const resumed = cueFor(paused, state({ seq: 5 }), 'a', names);
    expect(resumed?.kind).toBe('resume');
    expect(resumed?.say).toContain('Sit comfortably.');
    const first = state({ seq: 6, phase: lead(2, 'a', 'b') });
    const step = cueFor(state({ seq: 5 }), first, 'a', names);
    expect(step).toEqual({ kind: 'step', say: 'Lead the breath. You give, Bea receives. Count a slow breath.' });
    const swap = cueFor(first, state({ seq: 7, phase: lead(3, 'b', 'a') }), 'a', names);
    expect(swap).toEqual({ kind: 'roles', say: 'Lead the breath. Bea gives, you receive. Count a slow breath.' });
    // The same step ticking on is not a cue.
    expect(cueFor(first, state({ seq: 8, phase: lead(2, 'a', 'b') }), 'a', names)).toBeNull();
  });

  it('read roles from the viewer\u2019s side', () => {
    expect(rolesLine(state({ phase: lead(1, 'b', 'a') }), 'a', names)).toBe('Bea gives, you receive.');
    expect(rolesLine(state({}), 'a', names)).toBe('');
  });

  it('play only what was chosen', () => {
    const speak = vi.fn();
    const vibrate = vi.fn();
    vi.stubGlobal('speechSynthesis', { speak, cancel: vi.fn() });
    vi.stubGlobal('SpeechSynthesisUtterance', class { constructor(public text: string) {} });
    Object.defineProperty(navigator, 'vibrate', { value: vibrate, configurable: true });
    play({ kind: 'pause', say: 'Paused.' }, { sound: false, vibrate: false, speak: true });
    expect(speak).toHaveBeenCalledTimes(1);
    expect(vibrate).not.toHaveBeenCalled();
    play({ kind: 'step', say: 'Next.' }, { sound: false, vibrate: true, speak: false });
    expect(vibrate).toHaveBeenCalledWith([80]);
    expect(speak).toHaveBeenCalledTimes(1);
    vi.unstubAllGlobals();
  });
});
