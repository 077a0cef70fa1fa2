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
import { ReconnectingSocket, type LinkStatus, type SocketTiming } from './reconnectingSocket';

export type { LinkStatus } from './reconnectingSocket';

export interface LiveOptions extends SocketTiming {
  onState: (state: PracticeState) => void;
  onLink?: (status: LinkStatus) => void;
  /** The practice's debriefs were revealed: fetch them (the message itself carries nothing). */
  onDebriefs?: () => void;
  /** Test seams. */
  makeSocket?: (url: string) => WebSocket;
  getTicket?: (pid: string) => Promise<string>;
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

export class LiveConnection {
  private lastSeq = -1;
  private readonly socket: ReconnectingSocket;

  constructor(
    pid: string,
    private readonly options: LiveOptions,
  ) {
    const getTicket = options.getTicket ?? practiceTicket;
    this.socket = new ReconnectingSocket({
      ...options,
      url: async () => liveUrl(pid, await getTicket(pid)),
      dropWhenOffline: true,
      defaults: { baseDelayMs: 500, maxDelayMs: 10000, pingEveryMs: 10000, silenceMs: 25000 },
      // Frames follow LiveServerMessage; pongs only prove the link is alive, and a refused
      // command changes no state.
      onFrame: (frame) => {
        const msg = frame as LiveServerMessage;
        if (msg.type === 'state') this.accept(msg.state);
        else if (msg.type === 'debriefs') this.options.onDebriefs?.();
      },
    });
  }

  start(): void {
    this.socket.start();
  }

  stop(): void {
    this.socket.stop();
  }

  /** Sends a message if the channel is open; returns whether it went out. */
  send(message: LiveClientMessage): boolean {
    return this.socket.send(message);
  }

  /** Accepts a state from any source (an HTTP answer too), keeping only newer ones. */
  accept(state: PracticeState): void {
    if (state.seq < this.lastSeq) return;
    this.lastSeq = state.seq;
    this.options.onState(state);
  }
}
