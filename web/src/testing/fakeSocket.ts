// A WebSocket stand-in for tests: records what is sent and lets a test open, feed and drop
// the link by hand.
import type { PracticeState } from '../api';

export class FakeSocket {
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
