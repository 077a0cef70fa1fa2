import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PracticeState } from '../api';
import { clearSession, setSession } from '../session';
import { FakeSocket } from '../testing/fakeSocket';
import { PracticeScreen } from './PracticeScreen';

function state(over: Partial<PracticeState>): PracticeState {
  return {
    id: 'p1',
    agreement_id: 'a1',
    status: 'running',
    void: false,
    device: 'own',
    phase: null,
    participant_count: 2,
    ready_count: 2,
    you_ready: true,
    paused_by_count: 0,
    resume_consent_count: 0,
    you_consented: false,
    pause_word: 'amber',
    time_left_seconds: 900,
    seq: 3,
    care: [],
    ...over,
  };
}

type Call = { method: string; url: string; key?: string };

/** The server, except that writes to the paths in `hang` never answer (still in flight). */
function fakeServer(initial: PracticeState, hang: RegExp) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      const method = init.method ?? 'GET';
      const key = (init.headers as Record<string, string>)['Idempotency-Key'];
      calls.push({ method, url, key });
      if (method !== 'GET' && hang.test(url)) return new Promise<Response>(() => {});
      const json = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
      if (url.endsWith('/tickets')) return json({ ticket: 't' });
      if (url === '/api/v1/practices/p1') return json(initial);
      if (url === '/api/v1/relationships/r1') return json({ id: 'r1', name: 'Us', partners: [] });
      if (url === '/api/v1/agreements/a1') return json({ id: 'a1', pause_word: 'amber' });
      return json({});
    }),
  );
  return calls;
}

const settle = () => new Promise((r) => setTimeout(r, 20));

function show() {
  const root = document.createElement('div');
  document.body.appendChild(root);
  render(<PracticeScreen rid="r1" pid="p1" />, root);
  const button = (name: RegExp) =>
    [...root.querySelectorAll('button')].find((b) => name.test(b.textContent ?? '')) as HTMLButtonElement;
  return { root, button };
}

describe('PracticeScreen pause', () => {
  beforeEach(() => {
    setSession('csrf-1', 'Alex', 'a');
    vi.stubGlobal('WebSocket', FakeSocket);
  });
  afterEach(() => {
    render(null, document.body);
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
    clearSession();
  });

  it('can be pressed again, and ending stays possible, while a pause is still in flight', async () => {
    const calls = fakeServer(state({ status: 'running' }), /\/pause$/);
    const { button } = show();
    await settle();
    button(/^Pause/).click();
    await settle();
    expect(button(/^Pause/).disabled).toBe(false);
    expect(button(/End the practice/).disabled).toBe(false);
    button(/^Pause/).click();
    await settle();
    const pauses = calls.filter((c) => c.method === 'POST' && c.url.endsWith('/pause'));
    expect(pauses).toHaveLength(2);
    expect(pauses[0].key).toBeTruthy();
    expect(pauses[0].key).not.toBe(pauses[1].key);
  });

  it('stays pressable while another action is still in flight', async () => {
    const calls = fakeServer(state({ status: 'waiting', you_ready: false, ready_count: 0 }), /\/ready$/);
    const { button } = show();
    await settle();
    button(/I'm ready/).click();
    await settle();
    expect(button(/I'm ready/).disabled).toBe(true);
    expect(button(/^Pause/).disabled).toBe(false);
    button(/^Pause/).click();
    await settle();
    expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/pause'))).toBe(true);
  });
});
