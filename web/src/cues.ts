// Cues that reach a person whose eyes are not on the screen: a soft tone, a short vibration
// and the browser's speech reading each step's instruction, on pause, resume, a new step and
// a swap of roles. Each is off until chosen, and the choice stays on this device only.
import type { PracticeState } from './apiTypes';

export interface CueSettings {
  sound: boolean;
  vibrate: boolean;
  speak: boolean;
}

export type CueKind = 'pause' | 'resume' | 'step' | 'roles';

export interface Cue {
  kind: CueKind;
  /** What spoken guidance reads out. */
  say: string;
}

const KEY = 'attune.cues';
export const NO_CUES: CueSettings = { sound: false, vibrate: false, speak: false };

export function loadCueSettings(): CueSettings {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<CueSettings>;
    return { sound: parsed.sound === true, vibrate: parsed.vibrate === true, speak: parsed.speak === true };
  } catch {
    return NO_CUES;
  }
}

export function saveCueSettings(settings: CueSettings): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(settings));
  } catch {
    /* private browsing: the choice lasts for this page only */
  }
}

/** "You give, Bea receives." from the viewer's side; empty on a step done together. */
export function rolesLine(state: PracticeState, meId: string | null, nameOf: (id: string) => string): string {
  const { giver, receiver } = state.phase ?? {};
  if (!giver || !receiver) return '';
  const who = (id: string, you: string) => (id === meId ? you : nameOf(id));
  const verb = (id: string, you: string, other: string) => (id === meId ? you : other);
  return `${who(giver, 'You')} ${verb(giver, 'give', 'gives')}, ${who(receiver, 'you')} ${verb(receiver, 'receive', 'receives')}.`;
}

function stepWords(state: PracticeState, meId: string | null, nameOf: (id: string) => string): string {
  const phase = state.phase;
  if (!phase) return '';
  return [phase.name + '.', rolesLine(state, meId, nameOf), phase.instruction].filter(Boolean).join(' ');
}

/** The cue for a change of state, or null when nothing a person needs to hear happened. */
export function cueFor(
  previous: PracticeState | null,
  next: PracticeState,
  meId: string | null,
  nameOf: (id: string) => string,
): Cue | null {
  if (!previous || previous.seq === next.seq) return null;
  if (next.status === 'paused' && previous.status !== 'paused') {
    return { kind: 'pause', say: 'Paused. Everything has stopped. Take all the time you need.' };
  }
  if (next.status !== 'running') return null;
  const words = stepWords(next, meId, nameOf);
  if (previous.status === 'paused') return { kind: 'resume', say: `Continuing. ${words}` };
  if (previous.status !== 'running' || previous.phase?.index !== next.phase?.index) {
    const swapped =
      previous.status === 'running' &&
      !!next.phase?.giver &&
      !!previous.phase?.giver &&
      previous.phase.giver !== next.phase.giver;
    return { kind: swapped ? 'roles' : 'step', say: words };
  }
  return null;
}

let audio: AudioContext | null = null;

function tone(kind: CueKind): void {
  const Context = window.AudioContext;
  if (!Context) return;
  audio ??= new Context();
  const at = audio.currentTime;
  const osc = audio.createOscillator();
  const gain = audio.createGain();
  osc.type = 'sine';
  // A lower, longer tone for a pause; a brief higher one for everything else.
  osc.frequency.value = kind === 'pause' ? 330 : 440;
  const length = kind === 'pause' ? 0.9 : 0.5;
  gain.gain.setValueAtTime(0, at);
  gain.gain.linearRampToValueAtTime(0.08, at + 0.08);
  gain.gain.linearRampToValueAtTime(0, at + length);
  osc.connect(gain).connect(audio.destination);
  osc.start(at);
  osc.stop(at + length);
}

/** Plays the cue the way this device was asked to. Never throws: a cue is a courtesy. */
export function play(cue: Cue, settings: CueSettings): void {
  try {
    if (settings.sound) tone(cue.kind);
  } catch {
    /* no audio here */
  }
  try {
    if (settings.vibrate) navigator.vibrate?.(cue.kind === 'pause' ? [200, 100, 200] : [80]);
  } catch {
    /* no vibration here */
  }
  try {
    if (settings.speak && window.speechSynthesis) {
      window.speechSynthesis.cancel();
      window.speechSynthesis.speak(new SpeechSynthesisUtterance(cue.say));
    }
  } catch {
    /* no speech here */
  }
}
