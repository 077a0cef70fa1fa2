// The per-person live channel (GET /api/v1/me/live): the server says "something you can see
// changed, fetch it again", with a topic and the relationship, never content or who did it.
// One socket per signed-in tab, opened with the session cookie and reconnecting with backoff.
// On a nudge, every screen part that loaded data fetches it again quietly (useLoad listens),
// and a calm "New" mark waits where the change is, until the person opens that screen.
import { useEffect, useState } from 'preact/hooks';
import type { NudgeMessage } from './api';
import type { Route } from './router';

export type NudgeTopic =
  | 'relationships'
  | 'agreements'
  | 'intake'
  | 'checkins'
  | 'care_plan'
  | 'worksheets'
  | 'appreciation'
  | 'plans';

export interface Nudge {
  /** null: nudges may have been missed, fetch everything on screen. */
  topic: NudgeTopic | null;
  rid: string | null;
}

export interface NudgeChannelOptions {
  onNudge: (nudge: Nudge) => void;
  /** Test seams. */
  makeSocket?: (url: string) => WebSocket;
  baseDelayMs?: number;
  maxDelayMs?: number;
  pingEveryMs?: number;
  /** No message at all for this long means the link is dead. */
  silenceMs?: number;
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

const TOPICS: readonly NudgeTopic[] = [
  'relationships',
  'agreements',
  'intake',
  'checkins',
  'care_plan',
  'worksheets',
  'appreciation',
  'plans',
];

export function nudgeUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api/v1/me/live`;
}

/** A frame as a nudge, or null for anything else (a pong, an unknown topic). */
export function nudgeOf(frame: NudgeMessage): Nudge | null {
  if (frame.type !== 'nudge') return null;
  if (frame.topic === 'all') return { topic: null, rid: null };
  if (!TOPICS.includes(frame.topic)) return null;
  return { topic: frame.topic, rid: frame.relationship_id ?? null };
}

export class NudgeChannel {
  private socket: WebSocket | null = null;
  private stopped = true;
  private attempt = 0;
  private everOpen = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private lastHeard = 0;
  private readonly events: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;

  constructor(private readonly options: NudgeChannelOptions) {
    this.events = options.events ?? (typeof window !== 'undefined' ? window : null);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.events?.addEventListener('online', this.onOnline);
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.events?.removeEventListener('online', this.onOnline);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.socket?.close(1000);
    this.socket = null;
  }

  private readonly onOnline = () => {
    if (this.stopped || this.socket) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.attempt = 0;
    this.connect();
  };

  private connect(): void {
    if (this.stopped) return;
    const make = this.options.makeSocket ?? ((url: string) => new WebSocket(url));
    const socket = make(nudgeUrl());
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.lastHeard = Date.now();
      // Nudges sent while the link was down are not replayed: fetch what is on screen.
      if (this.everOpen) this.options.onNudge({ topic: null, rid: null });
      this.everOpen = true;
      if (this.pingTimer) clearInterval(this.pingTimer);
      const every = this.options.pingEveryMs ?? 20000;
      const silence = this.options.silenceMs ?? 45000;
      this.pingTimer = setInterval(() => {
        if (Date.now() - this.lastHeard > silence) this.drop();
        else if (socket.readyState === WebSocket.OPEN) {
          socket.send(JSON.stringify({ type: 'ping', t: Date.now() }));
        }
      }, every);
    };
    socket.onmessage = (event) => {
      this.lastHeard = Date.now();
      try {
        const nudge = nudgeOf(JSON.parse(String(event.data)) as NudgeMessage);
        if (nudge) this.options.onNudge(nudge);
      } catch {
        /* ignore malformed frames */
      }
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.pingTimer) clearInterval(this.pingTimer);
      this.scheduleRetry();
    };
    socket.onerror = () => {
      /* onclose follows and schedules the retry */
    };
  }

  private drop(): void {
    const socket = this.socket;
    if (!socket) return;
    this.socket = null;
    if (this.pingTimer) clearInterval(this.pingTimer);
    try {
      socket.close(4000);
    } catch {
      /* already closing */
    }
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const base = this.options.baseDelayMs ?? 1000;
    const max = this.options.maxDelayMs ?? 30000;
    const delay = Math.min(max, base * 2 ** this.attempt) * (0.75 + Math.random() * 0.5);
    this.attempt++;
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }
}

// ---- what the app does with nudges ------------------------------------------------------

/** The screen where a topic's changes in a relationship are shown. */
const SCREENS: Record<NudgeTopic, Route['name'][]> = {
  relationships: ['relationship'],
  agreements: ['agreements', 'agreement'],
  intake: ['intake'],
  checkins: ['checkins'],
  care_plan: ['care'],
  worksheets: ['worksheets'],
  appreciation: ['appreciation'],
  plans: ['plans'],
};

type Listener = () => void;
const refreshers = new Set<Listener>();
const markListeners = new Set<Listener>();
const waiting = new Set<string>();
let refreshTimer: ReturnType<typeof setTimeout> | null = null;

const key = (rid: string, topic: NudgeTopic) => `${rid} ${topic}`;

function showing(route: Route, rid: string, topic: NudgeTopic): boolean {
  return 'rid' in route && route.rid === rid && SCREENS[topic].includes(route.name);
}

/** Runs `refresh` after nudges (several close together count once); returns the unsubscribe. */
export function onNudge(refresh: Listener): () => void {
  refreshers.add(refresh);
  return () => refreshers.delete(refresh);
}

/** A nudge arrived while `route` is on screen: mark where something waits, then refresh. */
export function receiveNudge(nudge: Nudge, route: Route, settleMs = 150): void {
  if (nudge.topic && nudge.rid && !showing(route, nudge.rid, nudge.topic)) {
    waiting.add(key(nudge.rid, nudge.topic));
    markListeners.forEach((listener) => listener());
  }
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    refreshers.forEach((refresh) => refresh());
  }, settleMs);
}

/** The person opened this screen: whatever waited there has been seen. */
export function seeRoute(route: Route): void {
  if (!('rid' in route)) return;
  let changed = false;
  for (const topic of TOPICS) {
    if (SCREENS[topic].includes(route.name)) changed = waiting.delete(key(route.rid, topic)) || changed;
  }
  if (changed) markListeners.forEach((listener) => listener());
}

/** Something waits in the relationship (for this topic, or any). */
export function isWaiting(rid: string, topic?: NudgeTopic): boolean {
  if (topic) return waiting.has(key(rid, topic));
  return TOPICS.some((t) => waiting.has(key(rid, t)));
}

/** Forgets every mark (logging out). */
export function forgetNudges(): void {
  waiting.clear();
  markListeners.forEach((listener) => listener());
}

export function useWaiting(rid: string, topic?: NudgeTopic): boolean {
  const [now, setNow] = useState(() => isWaiting(rid, topic));
  useEffect(() => {
    const update = () => setNow(isWaiting(rid, topic));
    update();
    markListeners.add(update);
    return () => {
      markListeners.delete(update);
    };
  }, [rid, topic]);
  return now;
}
