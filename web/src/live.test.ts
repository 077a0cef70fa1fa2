import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PracticeState } from './api';
import { LiveConnection } from './live';

class FakeSocket {
  static OPEN = 1;
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(public url: string) {}
  send(s: string) {
    this.sent.push(s);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  push(state: Partial<PracticeState>) {
    this.onmessage?.({ data: JSON.stringify({ type: 'state', state }) });
  }
  drop() {
    this.readyState = 3;
    this.onclose?.();
  }
}

describe('LiveConnection', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('opens with a fresh ticket, ignores older states and reconnects with a new ticket', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeSocket);
    const sockets: FakeSocket[] = [];
    const states: number[] = [];
    let n = 0;
    const live = new LiveConnection('p1', {
      onState: (s) => states.push(s.seq),
      getTicket: async () => `t${++n}`,
      makeSocket: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s as unknown as WebSocket;
      },
      baseDelayMs: 100,
    });
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets).toHaveLength(1);
    expect(sockets[0].url).toContain('/api/v1/practices/p1/live?ticket=t1');
    sockets[0].open();
    sockets[0].push({ seq: 3 });
    sockets[0].push({ seq: 2 });
    expect(states).toEqual([3]);
    expect(live.send({ type: 'pause' })).toBe(true);
    expect(sockets[0].sent).toEqual(['{"type":"pause"}']);

    sockets[0].drop();
    expect(live.send({ type: 'pause' })).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(sockets).toHaveLength(2);
    expect(sockets[1].url).toContain('ticket=t2');
    sockets[1].open();
    sockets[1].push({ seq: 5 });
    expect(states).toEqual([3, 5]);
    live.stop();
  });
});

describe('LiveConnection watchdog and network events', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  function setup() {
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeSocket);
    const sockets: FakeSocket[] = [];
    const events = new EventTarget();
    const links: string[] = [];
    const live = new LiveConnection('p1', {
      onState: () => {},
      onLink: (l) => links.push(l),
      getTicket: async () => 't',
      makeSocket: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s as unknown as WebSocket;
      },
      baseDelayMs: 100,
      pingEveryMs: 1000,
      silenceMs: 2500,
      events: events as unknown as Window,
    });
    return { live, sockets, events, links };
  }

  it('a silent link is dropped and re-opened', async () => {
    const { live, sockets } = setup();
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    sockets[0].open();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets[0].sent.some((m) => m.includes('"ping"'))).toBe(true);
    await vi.advanceTimersByTimeAsync(2500);
    await vi.advanceTimersByTimeAsync(300);
    expect(sockets).toHaveLength(2);
    live.stop();
  });

  it('offline drops the link at once; online reconnects without waiting for the backoff', async () => {
    const { live, sockets, events, links } = setup();
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    sockets[0].open();
    events.dispatchEvent(new Event('offline'));
    expect(links.at(-1)).toBe('retrying');
    events.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets).toHaveLength(2);
    live.stop();
  });
});
