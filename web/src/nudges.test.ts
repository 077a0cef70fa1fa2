import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  forgetNudges,
  isWaiting,
  NudgeChannel,
  nudgeOf,
  onNudge,
  receiveNudge,
  seeRoute,
  type Nudge,
} from './nudges';
import { FakeSocket } from './testing/fakeSocket';

function frame(socket: FakeSocket, message: unknown) {
  socket.onmessage?.({ data: JSON.stringify(message) });
}

describe('NudgeChannel', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('opens the person’s channel, passes nudges on and reconnects with backoff', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeSocket);
    const sockets: FakeSocket[] = [];
    const heard: Nudge[] = [];
    const channel = new NudgeChannel({
      onNudge: (n) => heard.push(n),
      makeSocket: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s as unknown as WebSocket;
      },
      baseDelayMs: 100,
      events: { addEventListener: () => {}, removeEventListener: () => {} },
    });
    channel.start();
    expect(sockets).toHaveLength(1);
    expect(sockets[0].url).toMatch(/^ws:\/\/[^/]+\/api\/v1\/me\/live$/);
    sockets[0].open();
    expect(heard).toEqual([]); // the first open fetches nothing extra
    frame(sockets[0], { type: 'nudge', topic: 'agreements', relationship_id: 'r1' });
    frame(sockets[0], { type: 'pong', t: 1 });
    frame(sockets[0], { type: 'nudge', topic: 'secrets', relationship_id: 'r1' });
    expect(heard).toEqual([{ topic: 'agreements', rid: 'r1' }]);

    sockets[0].drop();
    await vi.advanceTimersByTimeAsync(60);
    expect(sockets).toHaveLength(1); // waits before trying again
    await vi.advanceTimersByTimeAsync(100);
    expect(sockets).toHaveLength(2);
    sockets[1].drop();
    await vi.advanceTimersByTimeAsync(160);
    expect(sockets).toHaveLength(2); // the second wait is longer
    await vi.advanceTimersByTimeAsync(200);
    expect(sockets).toHaveLength(3);
    // Nudges sent while away are not replayed: back, everything on screen is fetched.
    sockets[2].open();
    expect(heard.at(-1)).toEqual({ topic: null, rid: null });

    channel.stop();
    sockets[2].drop();
    await vi.advanceTimersByTimeAsync(10000);
    expect(sockets).toHaveLength(3);
  });

  it('drops a silent link and pings a live one', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeSocket);
    const sockets: FakeSocket[] = [];
    const channel = new NudgeChannel({
      onNudge: () => {},
      makeSocket: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s as unknown as WebSocket;
      },
      baseDelayMs: 10,
      pingEveryMs: 100,
      silenceMs: 250,
      events: { addEventListener: () => {}, removeEventListener: () => {} },
    });
    channel.start();
    sockets[0].open();
    await vi.advanceTimersByTimeAsync(100);
    expect(JSON.parse(sockets[0].sent[0]).type).toBe('ping');
    await vi.advanceTimersByTimeAsync(300);
    expect(sockets.length).toBeGreaterThan(1);
    channel.stop();
  });
});

describe('what a nudge does on screen', () => {
  afterEach(() => {
    forgetNudges();
    vi.useRealTimers();
  });

  it('reads only known topics, and "all" as fetch everything', () => {
    expect(nudgeOf({ type: 'nudge', topic: 'all' })).toEqual({ topic: null, rid: null });
    expect(nudgeOf({ type: 'nudge', topic: 'plans', relationship_id: 'r' })).toEqual({
      topic: 'plans',
      rid: 'r',
    });
    expect(nudgeOf({ type: 'pong', t: 1 })).toBeNull();
  });

  it('refreshes once for nudges close together and marks where something waits', async () => {
    vi.useFakeTimers();
    const refresh = vi.fn();
    const off = onNudge(refresh);
    receiveNudge({ topic: 'agreements', rid: 'r1' }, { name: 'home' }, 50);
    receiveNudge({ topic: 'intake', rid: 'r1' }, { name: 'home' }, 50);
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(isWaiting('r1')).toBe(true);
    expect(isWaiting('r1', 'agreements')).toBe(true);
    expect(isWaiting('r2')).toBe(false);
    // Opening the agreements screen sees what waited there, and only that.
    seeRoute({ name: 'agreement', rid: 'r1', aid: 'a1' });
    expect(isWaiting('r1', 'agreements')).toBe(false);
    expect(isWaiting('r1', 'intake')).toBe(true);
    off();
  });

  it('marks nothing for a change on the screen being looked at, and nothing for "all"', async () => {
    vi.useFakeTimers();
    receiveNudge({ topic: 'intake', rid: 'r1' }, { name: 'intake', rid: 'r1' }, 10);
    receiveNudge({ topic: null, rid: null }, { name: 'home' }, 10);
    await vi.advanceTimersByTimeAsync(20);
    expect(isWaiting('r1')).toBe(false);
  });
});
