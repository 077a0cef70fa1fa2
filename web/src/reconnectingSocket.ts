// A WebSocket that stays up: reconnects with jittered backoff after any drop, notices a
// silent half-open link with a ping watchdog, and re-opens at once when the browser comes
// back online. The practice channel and the per-person nudge channel are both built on it;
// each says what a frame means.
export type LinkStatus = 'connecting' | 'open' | 'retrying' | 'closed';

export interface SocketTiming {
  baseDelayMs?: number;
  maxDelayMs?: number;
  pingEveryMs?: number;
  /** No message at all for this long means the link is dead. */
  silenceMs?: number;
}

export interface ReconnectingSocketOptions extends SocketTiming {
  /** The address for the next connection (a practice asks for a fresh ticket each time). */
  url: () => string | Promise<string>;
  /** Every frame, parsed; malformed frames are ignored. */
  onFrame: (frame: unknown) => void;
  /** The link opened; `reopened` is true after the first time. */
  onOpen?: (reopened: boolean) => void;
  onLink?: (status: LinkStatus) => void;
  /** Drop the link at once when the browser reports it is offline. */
  dropWhenOffline?: boolean;
  defaults: Required<SocketTiming>;
  /** Test seams. */
  makeSocket?: (url: string) => WebSocket;
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

export class ReconnectingSocket {
  private socket: WebSocket | null = null;
  private stopped = true;
  private connecting = false;
  private everOpen = false;
  private attempt = 0;
  private lastHeard = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private readonly events: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;

  constructor(private readonly options: ReconnectingSocketOptions) {
    this.events = options.events ?? (typeof window !== 'undefined' ? window : null);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    if (this.options.dropWhenOffline) this.events?.addEventListener('offline', this.onOffline);
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

  /** Sends a message if the link is open; returns whether it went out. */
  send(message: unknown): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  private timing<K extends keyof SocketTiming>(key: K): number {
    return this.options[key] ?? this.options.defaults[key];
  }

  private readonly onOffline = () => this.drop();

  private readonly onOnline = () => {
    if (this.stopped || this.socket || this.connecting) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.attempt = 0;
    void this.connect();
  };

  private async connect(): Promise<void> {
    if (this.stopped) return;
    this.options.onLink?.(this.attempt === 0 ? 'connecting' : 'retrying');
    const next = this.options.url();
    let url: string;
    if (typeof next === 'string') url = next;
    else {
      this.connecting = true;
      try {
        url = await next;
      } catch {
        this.scheduleRetry();
        return;
      } finally {
        this.connecting = false;
      }
      if (this.stopped) return;
    }
    const make = this.options.makeSocket ?? ((address: string) => new WebSocket(address));
    const socket = make(url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.lastHeard = Date.now();
      this.options.onLink?.('open');
      this.options.onOpen?.(this.everOpen);
      this.everOpen = true;
      if (this.pingTimer) clearInterval(this.pingTimer);
      const silence = this.timing('silenceMs');
      this.pingTimer = setInterval(() => {
        if (Date.now() - this.lastHeard > silence) this.drop();
        else this.send({ type: 'ping', t: Date.now() });
      }, this.timing('pingEveryMs'));
    };
    socket.onmessage = (event) => {
      this.lastHeard = Date.now();
      let frame: unknown;
      try {
        frame = JSON.parse(String(event.data));
      } catch {
        return; // a malformed frame changes nothing
      }
      this.options.onFrame(frame);
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

  private scheduleRetry(): void {
    if (this.stopped) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.options.onLink?.('retrying');
    const base = this.timing('baseDelayMs');
    const delay =
      Math.min(this.timing('maxDelayMs'), base * 2 ** this.attempt) * (0.75 + Math.random() * 0.5);
    this.attempt++;
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }
}
