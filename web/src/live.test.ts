import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PracticeState } from './api';
import { LiveConnection } from './live';
import { FakeSocket } from './testing/fakeSocket';

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
    const seqs: number[] = [];
    const live = new LiveConnection('p1', {
      onState: (s) => seqs.push(s.seq),
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
    return { live, sockets, events, links, seqs };
  }

  /** A started connection whose first link is open. */
  async function opened() {
    const t = setup();
    t.live.start();
    await vi.advanceTimersByTimeAsync(0);
    t.sockets[0].open();
    return t;
  }

  it('a silent link is dropped and re-opened', async () => {
    const { live, sockets } = await opened();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets[0].sent.some((m) => m.includes('"ping"'))).toBe(true);
    await vi.advanceTimersByTimeAsync(2500);
    await vi.advanceTimersByTimeAsync(300);
    expect(sockets).toHaveLength(2);
    live.stop();
  });

  it('offline drops the link at once; online reconnects without waiting for the backoff', async () => {
    const { live, sockets, events, links } = await opened();
    events.dispatchEvent(new Event('offline'));
    expect(links.at(-1)).toBe('retrying');
    events.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets).toHaveLength(2);
    live.stop();
  });

  it('after reconnecting through online, a state older than the newest seen is ignored', async () => {
    const { live, sockets, events, seqs } = await opened();
    sockets[0].push({ seq: 4 });
    events.dispatchEvent(new Event('offline'));
    events.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    sockets[1].open();
    // A replica that has not yet seen the latest change answers the new link first.
    sockets[1].push({ seq: 3 });
    sockets[1].push({ seq: 6 });
    expect(seqs).toEqual([4, 6]);
    live.stop();
  });

  it('a late frame from a link the watchdog dropped cannot roll the state back', async () => {
    const { live, sockets, seqs } = await opened();
    sockets[0].push({ seq: 2 });
    await vi.advanceTimersByTimeAsync(3000 + 300);
    expect(sockets).toHaveLength(2);
    sockets[1].open();
    sockets[1].push({ seq: 7 });
    sockets[0].push({ seq: 5 });
    expect(seqs).toEqual([2, 7]);
    live.stop();
  });

  it('an HTTP answer older than the live state (a replayed pause) is ignored', async () => {
    const { live, sockets, seqs } = await opened();
    sockets[0].push({ seq: 9 });
    live.accept({ seq: 8 } as PracticeState);
    live.accept({ seq: 10 } as PracticeState);
    expect(seqs).toEqual([9, 10]);
    live.stop();
  });
});
