// The live channel of a practice: a WebSocket opened with a fresh single-use ticket,
// reconnecting with backoff after any drop. The server sends the full current state on
// every (re)connect and after every change; older states (lower seq) are ignored.
// A silent, half-open link is noticed by a ping watchdog, and the browser's offline/online
// events drop and re-open the link at once.
import {
  liveUrl,
  practiceTicket,
  type LiveClientMessage,
  type LiveServerMessage,
  type PracticeState,
} from './api';

export type LinkStatus = 'connecting' | 'open' | 'retrying' | 'closed';

export interface LiveOptions {
  onState: (state: PracticeState) => void;
  onLink?: (status: LinkStatus) => void;
  /** The practice's debriefs were revealed: fetch them (the message itself carries nothing). */
  onDebriefs?: () => void;
  /** Test seams. */
  makeSocket?: (url: string) => WebSocket;
  getTicket?: (pid: string) => Promise<string>;
  baseDelayMs?: number;
  maxDelayMs?: number;
  pingEveryMs?: number;
  /** No message at all for this long means the link is dead. */
  silenceMs?: number;
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

export class LiveConnection {
  private socket: WebSocket | null = null;
  private stopped = false;
  private attempt = 0;
  private lastSeq = -1;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private lastHeard = 0;
  private connecting = false;
  private readonly events: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;

  constructor(
    private readonly pid: string,
    private readonly options: LiveOptions,
  ) {
    this.events = options.events ?? (typeof window !== 'undefined' ? window : null);
  }

  start(): void {
    this.stopped = false;
    this.events?.addEventListener('offline', this.onOffline);
    this.events?.addEventListener('online', this.onOnline);
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.events?.removeEventListener('offline', this.onOffline);
    this.events?.removeEventListener('online', this.onOnline);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.socket?.close(1000);
    this.socket = null;
    this.options.onLink?.('closed');
  }

  private readonly onOffline = () => this.drop();

  private readonly onOnline = () => {
    if (this.stopped || this.socket || this.connecting) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.attempt = 0;
    void this.connect();
  };

  /** Gives up on the current socket and schedules a fresh connection. */
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

  /** Sends a message if the channel is open; returns whether it went out. */
  send(message: LiveClientMessage): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  /** Accepts a state from any source (an HTTP answer too), keeping only newer ones. */
  accept(state: PracticeState): void {
    if (state.seq < this.lastSeq) return;
    this.lastSeq = state.seq;
    this.options.onState(state);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    this.options.onLink?.(this.attempt === 0 ? 'connecting' : 'retrying');
    let ticket: string;
    this.connecting = true;
    try {
      ticket = await (this.options.getTicket ?? practiceTicket)(this.pid);
    } catch {
      this.scheduleRetry();
      return;
    } finally {
      this.connecting = false;
    }
    if (this.stopped) return;
    const make = this.options.makeSocket ?? ((url: string) => new WebSocket(url));
    const socket = make(liveUrl(this.pid, ticket));
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.lastHeard = Date.now();
      this.options.onLink?.('open');
      if (this.pingTimer) clearInterval(this.pingTimer);
      const every = this.options.pingEveryMs ?? 10000;
      const silence = this.options.silenceMs ?? 25000;
      this.pingTimer = setInterval(() => {
        if (Date.now() - this.lastHeard > silence) this.drop();
        else this.send({ type: 'ping', t: Date.now() });
      }, every);
    };
    socket.onmessage = (event) => {
      this.lastHeard = Date.now();
      try {
        // Frames follow LiveServerMessage; pongs only prove the link is alive (lastHeard),
        // and a refused command changes no state.
        const msg = JSON.parse(String(event.data)) as LiveServerMessage;
        if (msg.type === 'state') this.accept(msg.state);
        else if (msg.type === 'debriefs') this.options.onDebriefs?.();
      } catch {
        /* ignore malformed frames */
      }
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.pingTimer) clearInterval(this.pingTimer);
      if (!this.stopped) this.scheduleRetry();
    };
    socket.onerror = () => {
      /* onclose follows and schedules the retry */
    };
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.options.onLink?.('retrying');
    const base = this.options.baseDelayMs ?? 500;
    const max = this.options.maxDelayMs ?? 10000;
    const delay = Math.min(max, base * 2 ** this.attempt) * (0.75 + Math.random() * 0.5);
    this.attempt++;
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }
}
