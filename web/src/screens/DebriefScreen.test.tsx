import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Debriefs } from '../api';
import { clearSession, setSession } from '../session';
import { FakeSocket } from '../testing/fakeSocket';
import { DebriefScreen } from './DebriefScreen';

const waiting: Debriefs = { status: 'waiting', closes_at: '2999-01-01T00:00:00Z', debriefs: [] };
const revealed: Debriefs = {
  status: 'revealed',
  closes_at: '2999-01-01T00:00:00Z',
  debriefs: [
    { order: 1, nourishing: 'Your calm voice', discomfort: '', adjust: '', skipped: false, mine: false },
    { order: 2, nourishing: '', discomfort: '', adjust: '', skipped: true, mine: true },
  ],
};

let sockets: FakeSocket[] = [];
class RecordedSocket extends FakeSocket {
  constructor(url: string) {
    super(url);
    sockets.push(this);
  }
}

/** The server: GET …/debriefs answers whatever `now.value` holds; writes are recorded. */
function fakeServer(now: { value: Debriefs }) {
  const posts: { url: string; body: string }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      const json = (body: unknown, status = 200) =>
        Promise.resolve(new Response(JSON.stringify(body), { status }));
      if (url.endsWith('/tickets')) return json({ ticket: 't' }, 201);
      if ((init.method ?? 'GET') === 'POST') {
        posts.push({ url, body: String(init.body) });
        return json({}, 201);
      }
      if (url.endsWith('/debriefs')) return json(now.value);
      return json({});
    }),
  );
  return posts;
}

const settle = () => new Promise((r) => setTimeout(r, 30));

function show() {
  const root = document.createElement('div');
  document.body.appendChild(root);
  render(<DebriefScreen rid="r1" pid="p1" />, root);
  const button = (name: RegExp) =>
    [...root.querySelectorAll('button')].find((b) => name.test(b.textContent ?? '')) as HTMLButtonElement;
  return { root, button };
}

describe('DebriefScreen', () => {
  beforeEach(() => {
    sockets = [];
    sessionStorage.clear();
    setSession('csrf-1', 'Alex', 'a');
    vi.stubGlobal('WebSocket', RecordedSocket);
  });
  afterEach(() => {
    render(null, document.body);
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
    clearSession();
  });

  it('sends a skip, then waits, then shows everyone in turn order when the socket says so', async () => {
    const server = { value: waiting };
    const posts = fakeServer(server);
    const { root, button } = show();
    await settle();
    expect(root.querySelectorAll('textarea')).toHaveLength(3);
    button(/Skip this time/).click();
    await settle();
    expect(posts).toEqual([{ url: '/api/v1/practices/p1/debrief', body: '{"skip":true}' }]);
    expect(root.querySelector('[data-testid="debrief-waiting"]')).not.toBeNull();
    expect(root.querySelector('textarea')).toBeNull();

    server.value = revealed;
    sockets[0].open();
    sockets[0].onmessage?.({ data: JSON.stringify({ type: 'debriefs', status: 'revealed' }) });
    await settle();
    const items = [...root.querySelectorAll('.revealed-debriefs > li')];
    expect(items.map((li) => li.getAttribute('data-order'))).toEqual(['1', '2']);
    expect(items[0].textContent).toContain('Your calm voice');
    expect(items[1].textContent).toContain('you');
    expect(root.textContent).toContain('you are second');
  });

  it('asks for a few words or a skip rather than sending three blank answers', async () => {
    const posts = fakeServer({ value: waiting });
    const { root, button } = show();
    await settle();
    button(/Share when everyone is ready/).click();
    await settle();
    expect(posts).toHaveLength(0);
    expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/or skip/);
  });

  it('says kindly that a closed debrief shows nothing', async () => {
    fakeServer({ value: { ...waiting, closes_at: '2000-01-01T00:00:00Z' } });
    const { root } = show();
    await settle();
    expect(root.querySelector('[data-testid="debrief-closed"]')).not.toBeNull();
    expect(root.querySelector('textarea')).toBeNull();
  });
});
