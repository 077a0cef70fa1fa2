// The per-person live channel (GET /api/v1/me/live): the server says "something you can see
// changed, fetch it again", with a topic and the relationship, never content or who did it.
// One socket per signed-in tab, opened with the session cookie and reconnecting with backoff.
// On a nudge, every screen part that loaded data fetches it again quietly (useLoad listens),
// and a calm "New" mark waits where the change is, until the person opens that screen.
import { useEffect, useState } from 'preact/hooks';
import type { NudgeMessage } from './api';
import { ReconnectingSocket, type SocketTiming } from './reconnectingSocket';
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

export interface NudgeChannelOptions extends SocketTiming {
  onNudge: (nudge: Nudge) => void;
  /** Test seams. */
  makeSocket?: (url: string) => WebSocket;
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
  private readonly socket: ReconnectingSocket;

  constructor(options: NudgeChannelOptions) {
    this.socket = new ReconnectingSocket({
      ...options,
      url: nudgeUrl,
      defaults: { baseDelayMs: 1000, maxDelayMs: 30000, pingEveryMs: 20000, silenceMs: 45000 },
      // Nudges sent while the link was down are not replayed: fetch what is on screen.
      onOpen: (reopened) => {
        if (reopened) options.onNudge({ topic: null, rid: null });
      },
      onFrame: (frame) => {
        const nudge = nudgeOf(frame as NudgeMessage);
        if (nudge) options.onNudge(nudge);
      },
    });
  }

  start(): void {
    this.socket.start();
  }

  stop(): void {
    this.socket.stop();
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
