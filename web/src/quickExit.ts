// Quick exit: leave the app at once for a neutral page, leaving nothing behind in this tab.
// Triggered by the always-visible "Quick exit" button or by pressing Escape twice within
// ESC_WINDOW_MS. Before leaving, registered hooks run (a live practice sends its pause
// with fetch keepalive), the server session is ended with one keepalive request that also
// pauses the practices open here (so the pause cannot arrive after the log-out), the
// session's CSRF token and the view are cleared in this tab and every other tab of the
// app (they leave too), and the location is *replaced*: Back returns at most to the
// log-in screen. Nothing waits for the server: leaving comes first.
import { logOutKeepalive } from './api';
import { clearSession, csrfToken, returnAfterExitForTests } from './session';

export const NEUTRAL_URL = '/assets/weather.html';
export const ESC_WINDOW_MS = 800;

type Hook = () => void;
const hooks = new Set<Hook>();
const openPractices = new Set<string>();

/** A practice open on this device, paused by quick exit's log-out. Returns an unregister. */
export function pauseOnQuickExit(pid: string): () => void {
  openPractices.add(pid);
  return () => openPractices.delete(pid);
}

/** Runs just before leaving (e.g. pause a live practice). Returns an unregister function. */
export function onQuickExit(hook: Hook): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

export interface ExitEnv {
  replace(url: string): void;
  clearView(): void;
  logOut(pausePracticeIds: string[]): void;
}

const browserEnv: ExitEnv = {
  replace: (url) => window.location.replace(url),
  logOut: (ids) => logOutKeepalive(ids),
  clearView: () => {
    document.title = 'Weather';
    document.body.replaceChildren();
  },
};

let exiting = false;

export function quickExit(env: ExitEnv = browserEnv): void {
  if (exiting) return;
  exiting = true;
  for (const hook of [...hooks]) {
    try {
      hook();
    } catch {
      /* leaving matters more than any hook */
    }
  }
  hooks.clear();
  // Only with a session to end: the request reads the CSRF token before it is cleared.
  if (csrfToken() !== null) {
    try {
      env.logOut([...openPractices]);
    } catch {
      /* best effort */
    }
  }
  openPractices.clear();
  clearSession('exit');
  try {
    env.clearView();
  } finally {
    env.replace(NEUTRAL_URL);
  }
}

/** Test seam: allow another exit after a simulated one. */
export function resetQuickExitForTests(): void {
  exiting = false;
  returnAfterExitForTests();
  hooks.clear();
  openPractices.clear();
}

/** Listens for Escape pressed twice quickly. Returns a function that stops listening. */
export function installQuickExitKeys(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
  exit: () => void = () => quickExit(),
  now: () => number = () => Date.now(),
): () => void {
  let last = -Infinity;
  const onKey = (event: Event) => {
    const e = event as KeyboardEvent;
    if (e.key !== 'Escape' || e.repeat) return;
    const t = now();
    if (t - last <= ESC_WINDOW_MS) {
      last = -Infinity;
      exit();
    } else {
      last = t;
    }
  };
  target.addEventListener('keydown', onKey, true);
  return () => target.removeEventListener('keydown', onKey, true);
}
