import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRelationship, listRelationships, practiceAct, setMyAnswer } from './api';
import { clearSession, setSession } from './session';
import {
  ApiError,
  RETRY_DELAYS_MS,
  URGENT_RETRY_DELAYS_MS,
  newIdempotencyKey,
  request,
} from './transport';

type Call = { url: string; init: RequestInit; at: number };
type Reply = number | 'network' | { status: number; retryAfter?: string };

/** A fetch that answers each call with the next reply in turn (the last one repeats). */
function scriptedFetch(...replies: Reply[]) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init, at: Date.now() });
      const reply = replies[Math.min(calls.length - 1, replies.length - 1)];
      if (reply === 'network') throw new TypeError('Failed to fetch');
      const { status, retryAfter } = typeof reply === 'number' ? { status: reply } : reply;
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (retryAfter) headers['Retry-After'] = retryAfter;
      const body = status === 503 ? { error: { code: 'busy', message: 'Busy.' } } : { id: 'x' };
      return new Response(JSON.stringify(body), { status, headers });
    }),
  );
  return calls;
}

const key = (c: Call) => (c.init.headers as Record<string, string>)['Idempotency-Key'];
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('Idempotency-Key', () => {
  beforeEach(() => setSession('csrf-1', 'Sam'));
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    clearSession();
  });

  it('is sent on every POST, PUT and DELETE, and never on a read', async () => {
    const calls = scriptedFetch(200);
    await request('POST', '/api/v1/relationships', { name: 'Us' });
    await request('PUT', '/api/v1/intake/e1', { text: 'x' });
    await request('DELETE', '/api/v1/intake/e1');
    await listRelationships().catch(() => {});
    expect(calls.map((c) => c.init.method)).toEqual(['POST', 'PUT', 'DELETE', 'GET']);
    for (const c of calls.slice(0, 3)) expect(key(c)).toMatch(/^[0-9a-f-]{36}$/);
    expect(key(calls[3])).toBeUndefined();
  });

  it('is fresh for each action, even the same write twice', async () => {
    const calls = scriptedFetch(200);
    await createRelationship('Us');
    await createRelationship('Us');
    await setMyAnswer('r1', 'i1', 'yes');
    const keys = calls.map(key);
    expect(new Set(keys).size).toBe(3);
  });

  it('keeps the form of a UUID where crypto.randomUUID is missing (plain HTTP)', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => real.getRandomValues(a) });
    const a = newIdempotencyKey();
    const b = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });
});

describe('retrying a write', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    setSession('csrf-1', 'Sam');
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    clearSession();
  });

  it('sends the same key and body again after a network failure', async () => {
    const calls = scriptedFetch('network', 'network', 201);
    const done = createRelationship('Us');
    await vi.advanceTimersByTimeAsync(sum(RETRY_DELAYS_MS));
    await expect(done).resolves.toEqual({ id: 'x' });
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map(key)).size).toBe(1);
    expect(key(calls[0])).toBeTruthy();
    expect(calls.map((c) => c.init.body)).toEqual(Array(3).fill('{"name":"Us"}'));
  });

  it('waits what a 503 busy asks before sending the same key again', async () => {
    const calls = scriptedFetch({ status: 503, retryAfter: '1' }, 200);
    const done = setMyAnswer('r1', 'i1', 'no');
    await vi.advanceTimersByTimeAsync(900);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    await done;
    expect(calls).toHaveLength(2);
    expect(key(calls[1])).toBe(key(calls[0]));
  });

  it('gives up after a bounded number of attempts, with the calm busy error', async () => {
    const calls = scriptedFetch({ status: 503, retryAfter: '1' });
    const done = createRelationship('Us').catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60_000);
    const err = (await done) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('busy');
    expect(calls).toHaveLength(RETRY_DELAYS_MS.length + 1);
    expect(new Set(calls.map(key)).size).toBe(1);
  });

  it('does not repeat an answered write or a read', async () => {
    const conflict = scriptedFetch(409);
    await expect(createRelationship('Us')).rejects.toBeInstanceOf(ApiError);
    expect(conflict).toHaveLength(1);
    const read = scriptedFetch('network', 200);
    await expect(listRelationships()).rejects.toMatchObject({ code: 'network' });
    expect(read).toHaveLength(1);
  });

  it('retries a pause at once, with its one key, ignoring Retry-After', async () => {
    const calls = scriptedFetch({ status: 503, retryAfter: '1' }, 'network', 200);
    const done = practiceAct('p1', 'pause');
    await vi.advanceTimersByTimeAsync(URGENT_RETRY_DELAYS_MS[0] + URGENT_RETRY_DELAYS_MS[1]);
    await done;
    expect(calls).toHaveLength(3);
    expect(calls[0].url).toBe('/api/v1/practices/p1/pause');
    expect(calls[2].at - calls[0].at).toBeLessThan(250);
    expect(new Set(calls.map(key)).size).toBe(1);
    expect(key(calls[0])).toBeTruthy();
  });

  it('never lets a pause wait long between attempts, and still bounds them', async () => {
    expect(Math.max(...URGENT_RETRY_DELAYS_MS)).toBeLessThanOrEqual(250);
    const calls = scriptedFetch('network');
    const done = practiceAct('p1', 'pause').catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(sum(URGENT_RETRY_DELAYS_MS));
    expect(await done).toMatchObject({ code: 'network' });
    expect(calls).toHaveLength(URGENT_RETRY_DELAYS_MS.length + 1);
  });
});
