import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ESC_WINDOW_MS,
  NEUTRAL_URL,
  installQuickExitKeys,
  onQuickExit,
  pauseOnQuickExit,
  quickExit,
  resetQuickExitForTests,
} from './quickExit';
import { csrfToken, rememberTarget, setSession } from './session';

function env() {
  const order: string[] = [];
  return {
    order,
    replace: vi.fn((url: string) => order.push(`replace:${url}`)),
    clearView: vi.fn(() => order.push('clear')),
    logOut: vi.fn((ids: string[]) => order.push(`logout:${ids.join(',')}`)),
  };
}

describe('quick exit', () => {
  afterEach(() => resetQuickExitForTests());

  it('runs hooks first, logs out with the open practices, clears the session and the view, then replaces the location', () => {
    setSession('csrf', 'Sam');
    const e = env();
    onQuickExit(() => e.order.push('pause'));
    pauseOnQuickExit('p1');
    const forget = pauseOnQuickExit('p2');
    forget();
    quickExit(e);
    expect(e.order).toEqual(['pause', 'logout:p1', 'clear', `replace:${NEUTRAL_URL}`]);
    expect(csrfToken()).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });

  it('a request answering 401 after leaving writes nothing to the tab again', () => {
    setSession('csrf', 'Sam');
    quickExit(env());
    rememberTarget('/relationships');
    setSession('late', 'Sam');
    expect(sessionStorage.length).toBe(0);
    expect(csrfToken()).toBeNull();
  });

  it('sends no log-out when there is no session', () => {
    const e = env();
    quickExit(e);
    expect(e.logOut).not.toHaveBeenCalled();
    expect(e.replace).toHaveBeenCalledWith(NEUTRAL_URL);
  });

  it('still leaves when a hook throws', () => {
    const e = env();
    onQuickExit(() => {
      throw new Error('boom');
    });
    quickExit(e);
    expect(e.replace).toHaveBeenCalledWith(NEUTRAL_URL);
  });

  it('an unregistered hook does not run', () => {
    const e = env();
    const hook = vi.fn();
    const off = onQuickExit(hook);
    off();
    quickExit(e);
    expect(hook).not.toHaveBeenCalled();
  });

  it('the neutral page is local and names nothing', () => {
    expect(NEUTRAL_URL.startsWith('/')).toBe(true);
    expect(NEUTRAL_URL).not.toMatch(/attune|intim|practice/i);
  });
});

describe('Escape twice', () => {
  function setup() {
    const target = new EventTarget();
    let t = 1000;
    const exit = vi.fn();
    const stop = installQuickExitKeys(target as unknown as Window, exit, () => t);
    const press = (key = 'Escape', repeat = false) =>
      target.dispatchEvent(new KeyboardEvent('keydown', { key, repeat }));
    return { exit, stop, press, advance: (ms: number) => (t += ms) };
  }

  it('exits when pressed twice quickly', () => {
    const k = setup();
    k.press();
    expect(k.exit).not.toHaveBeenCalled();
    k.advance(ESC_WINDOW_MS - 100);
    k.press();
    expect(k.exit).toHaveBeenCalledTimes(1);
  });

  it('does not exit when the presses are far apart', () => {
    const k = setup();
    k.press();
    k.advance(ESC_WINDOW_MS + 200);
    k.press();
    expect(k.exit).not.toHaveBeenCalled();
  });

  it('ignores other keys and auto-repeat', () => {
    const k = setup();
    k.press();
    k.press('Escape', true);
    k.press('a');
    expect(k.exit).not.toHaveBeenCalled();
  });

  it('stops listening when asked', () => {
    const k = setup();
    k.stop();
    k.press();
    k.press();
    expect(k.exit).not.toHaveBeenCalled();
  });
});
