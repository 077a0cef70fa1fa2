import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  getMyHistory,
  getSharedView,
  listRelationships,
  logIn,
  pauseKeepalive,
  setMyAnswer,
  setUnauthorizedHandler,
} from './api';
import { calmMessage } from './words';
import { clearSession, csrfToken, setSession } from './session';

type Call = { url: string; init: RequestInit };

function mockFetch(status: number, body?: unknown) {
  const calls: Call[] = [];
  const fn = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const text = body === undefined ? '' : JSON.stringify(body);
    return new Response(status === 204 ? null : text, {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}

const header = (c: Call, name: string) => (c.init.headers as Record<string, string>)[name];

describe('api', () => {
  beforeEach(() => {
    setSession('csrf-123', 'Sam');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    clearSession();
    setUnauthorizedHandler(() => {});
  });

  it('sends the CSRF header on writes', async () => {
    const calls = mockFetch(200, {});
    await setMyAnswer('r1', 'i1', 'yes', 'gently');
    expect(calls).toHaveLength(1);
    expect(calls[0].init.method).toBe('PUT');
    expect(calls[0].url).toBe('/api/v1/relationships/r1/boundaries/mine/i1');
    expect(header(calls[0], 'X-CSRF-Token')).toBe('csrf-123');
    expect(calls[0].init.credentials).toBe('same-origin');
    expect(JSON.parse(calls[0].init.body as string)).toEqual({ answer: 'yes', note: 'gently' });
  });

  it('does not send the CSRF header on reads', async () => {
    const calls = mockFetch(200, { relationships: [{ id: 'r1', name: 'Us' }] });
    const list = await listRelationships();
    expect(list).toEqual([{ id: 'r1', name: 'Us' }]);
    expect(calls[0].init.method).toBe('GET');
    expect(header(calls[0], 'X-CSRF-Token')).toBeUndefined();
    expect(calls[0].init.credentials).toBe('same-origin');
  });

  it('maps an error body to ApiError {code, message}', async () => {
    mockFetch(409, { error: { code: 'email_taken', message: 'That email is taken.' } });
    const err = await listRelationships().catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('email_taken');
    expect(err.message).toBe('That email is taken.');
    expect(err.status).toBe(409);
    expect(calmMessage(err)).toMatch(/already has an account/);
  });

  it('maps a non-JSON failure to a status code and a calm sentence', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('oops', { status: 503 })));
    const err = await listRelationships().catch((e) => e);
    expect(err.code).toBe('http_503');
    expect(calmMessage(err)).toMatch(/busy/);
  });

  it('maps a network failure', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('down'))));
    const err = await listRelationships().catch((e) => e);
    expect(err.code).toBe('network');
    expect(calmMessage(err)).toMatch(/couldn't reach/);
  });

  it('calls the unauthorized handler on 401', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    mockFetch(401, { error: { code: 'unauthenticated', message: 'Log in.' } });
    await expect(listRelationships()).rejects.toBeInstanceOf(ApiError);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('does not bounce to log-in when the password is wrong, and drops the bearer token', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    mockFetch(401, { error: { code: 'invalid_credentials', message: 'No.' } });
    await expect(logIn('a@b.c', 'x')).rejects.toBeInstanceOf(ApiError);
    expect(handler).not.toHaveBeenCalled();

    mockFetch(200, { token: 'SECRET-BEARER', csrf_token: 'c2', account: { id: 'a', display_name: 'A' } });
    const result = await logIn('a@b.c', 'long enough password');
    expect(result).toEqual({ csrf_token: 'c2', account: { id: 'a', display_name: 'A' } });
    expect(JSON.stringify(result)).not.toContain('SECRET-BEARER');
  });

  it('never writes the bearer token to storage', async () => {
    mockFetch(200, { token: 'SECRET-BEARER', csrf_token: 'c2', account: { id: 'a', display_name: 'A' } });
    const r = await logIn('a@b.c', 'long enough password');
    setSession(r.csrf_token, r.account.display_name);
    const all = Object.keys(sessionStorage).map((k) => sessionStorage.getItem(k)).join('');
    expect(all).not.toContain('SECRET-BEARER');
    expect(csrfToken()).toBe('c2');
  });

  it('builds the shared-view query for a subgroup', async () => {
    const calls = mockFetch(200, { items: [] });
    await getSharedView('r1', ['a', 'b']);
    expect(calls[0].url).toBe('/api/v1/relationships/r1/boundaries/shared?with=a,b');
  });

  it('reads my history from the changes list the description gives', async () => {
    const change = { item_id: 'i', answer: 'no', at: '2026-11-24T21:28:38.475Z' };
    const calls = mockFetch(200, { changes: [change] });
    expect(await getMyHistory('r1')).toEqual([change]);
    expect(calls[0].url).toBe('/api/v1/relationships/r1/boundaries/mine/history');
  });

  it('encodes ids in paths and in the shared-view query', async () => {
    const calls = mockFetch(200, { items: [] });
    await getSharedView('r/1', ['a b', 'c,d']);
    expect(calls[0].url).toBe('/api/v1/relationships/r%2F1/boundaries/shared?with=a%20b,c,d');
  });

  it('sends the keepalive pause with the CSRF header', async () => {
    const calls = mockFetch(200, {});
    pauseKeepalive('p1');
    await Promise.resolve();
    expect(calls[0].url).toBe('/api/v1/practices/p1/pause');
    expect(calls[0].init.keepalive).toBe(true);
    expect(header(calls[0], 'X-CSRF-Token')).toBe('csrf-123');
    expect(header(calls[0], 'Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('pressured', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('returns the resources of the answer, in one call', async () => {
    const resources = { title: 'For you', body: 'You can stop.', entries: [{ name: 'Line', contact: '123', note: '' }] };
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => {
      return new Response(JSON.stringify({ status: 'ok', resources }), { status: 200 });
    });
    vi.stubGlobal('fetch', fetchMock);
    const { pressured } = await import('./api');
    expect(await pressured('r1')).toEqual(resources);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/relationships/r1/pressured');
    expect(fetchMock.mock.calls[0][1]?.method).toBe('POST');
  });
});
