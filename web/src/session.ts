// Holds the CSRF token for this tab. The bearer token from login is never kept:
// the HttpOnly session cookie authenticates, the CSRF token proves same-origin intent.
// The token lives in memory and in sessionStorage (per tab) so a reload keeps working.

const KEY = 'attune.c';

let csrf: string | null = null;
let displayName: string | null = null;
let accountId: string | null = null;

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

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

export function setSession(token: string, name: string, id?: string): void {
  csrf = token;
  displayName = name;
  accountId = id ?? null;
  storage()?.setItem(KEY, JSON.stringify({ c: token, n: name, i: id }));
}

export function clearSession(): void {
  csrf = null;
  displayName = null;
  accountId = null;
  try {
    storage()?.removeItem(KEY);
  } catch {
    /* storage may be unavailable; memory is cleared regardless */
  }
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
