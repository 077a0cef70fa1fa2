// Holds the CSRF token of the browser's session. The bearer token from login is never kept:
// the HttpOnly session cookie authenticates, the CSRF token proves same-origin intent.
// The token lives in memory and in sessionStorage (per tab) so a reload keeps working, and
// the browser's tabs share it over a BroadcastChannel: a new tab asks the open ones instead
// of asking to log in again, and a log-out or quick exit in one tab reaches them all.
// Nothing is written to storage that outlives the tabs.

const KEY = 'attune.c';
const NEXT_KEY = 'attune.next';
/** How long a new tab waits for an open tab to answer before showing the log-in screen. */
export const ASK_TABS_MS = 300;

let csrf: string | null = null;
let displayName: string | null = null;
let accountId: string | null = null;
// Set by quick exit: requests still in flight may answer 401 after leaving, and nothing
// they trigger may write to this tab's storage again.
let left = false;

type TabMessage =
  | { type: 'ask' }
  | { type: 'session'; c: string; n: string; i: string | null }
  | { type: 'ended' }
  | { type: 'exit' };

type Change = () => void;
const changeListeners = new Set<Change>();
let exitHandler: () => void = () => {};

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

const channel: BroadcastChannel | null =
  typeof BroadcastChannel === 'function' ? new BroadcastChannel('attune.session') : null;

function post(message: TabMessage): void {
  try {
    channel?.postMessage(message);
  } catch {
    /* a closed channel: this tab is leaving anyway */
  }
}

function keep(token: string, name: string, id: string | null): void {
  if (left) return;
  csrf = token;
  displayName = name;
  accountId = id;
  storage()?.setItem(KEY, JSON.stringify({ c: token, n: name, i: id ?? undefined }));
}

function forget(): void {
  csrf = null;
  displayName = null;
  accountId = null;
  try {
    storage()?.removeItem(KEY);
    storage()?.removeItem(NEXT_KEY);
  } catch {
    /* storage may be unavailable; memory is cleared regardless */
  }
}

channel?.addEventListener('message', (event: MessageEvent<TabMessage>) => {
  const message = event.data;
  switch (message?.type) {
    case 'ask':
      if (csrf !== null) post({ type: 'session', c: csrf, n: displayName ?? '', i: accountId });
      return;
    case 'session':
      if (csrf === null && typeof message.c === 'string') {
        keep(message.c, message.n, message.i);
        changeListeners.forEach((l) => l());
      }
      return;
    case 'ended':
      if (csrf === null) return;
      forget();
      changeListeners.forEach((l) => l());
      return;
    case 'exit':
      exitHandler();
      return;
  }
});

export function loadSession(): void {
  const raw = storage()?.getItem(KEY);
  if (!raw) return;
  try {
    const parsed = JSON.parse(raw) as { c?: string; n?: string; i?: string };
    csrf = parsed.c ?? null;
    displayName = parsed.n ?? null;
    accountId = parsed.i ?? null;
  } catch {
    csrf = null;
  }
}

/**
 * True when this tab has a session, or an open tab of this browser shares its own within
 * ASK_TABS_MS.
 */
export function askOpenTabs(waitMs = ASK_TABS_MS): Promise<boolean> {
  if (csrf !== null) return Promise.resolve(true);
  if (!channel) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      changeListeners.delete(done);
      resolve(csrf !== null);
    };
    const timer = setTimeout(done, waitMs);
    changeListeners.add(done);
    post({ type: 'ask' });
  });
}

/** Runs when the session starts or ends in another tab. Returns an unregister function. */
export function onSessionChange(listener: Change): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/** What this tab does when another tab quick-exits (quickExit.ts registers it). */
export function onOtherTabExit(handler: () => void): void {
  exitHandler = handler;
}

export function setSession(token: string, name: string, id?: string): void {
  keep(token, name, id ?? null);
  post({ type: 'session', c: token, n: name, i: id ?? null });
}

/**
 * Ends the session in this tab. `tell`: 'ended' (a log-out) signs the other tabs out too;
 * 'exit' (quick exit) makes them leave as well; nothing, when only this tab learnt the
 * session is gone (the others will learn it from the server).
 */
export function clearSession(tell?: 'ended' | 'exit'): void {
  if (tell === 'exit') left = true;
  forget();
  if (tell) post({ type: tell });
}

/** Remembers where a signed-out visitor was going, to go there after logging in. */
export function rememberTarget(path: string): void {
  if (left) return;
  storage()?.setItem(NEXT_KEY, path);
}

/** Test seam: a tab that quick-exited is used again by the next test. */
export function returnAfterExitForTests(): void {
  left = false;
}

/** Where to go after logging in, once: the remembered target, or null. */
export function takeTarget(): string | null {
  const s = storage();
  const path = s?.getItem(NEXT_KEY) ?? null;
  s?.removeItem(NEXT_KEY);
  return path;
}

export function csrfToken(): string | null {
  return csrf;
}

export function sessionName(): string | null {
  return displayName;
}

export function sessionAccountId(): string | null {
  return accountId;
}

export function isSignedIn(): boolean {
  return csrf !== null;
}
