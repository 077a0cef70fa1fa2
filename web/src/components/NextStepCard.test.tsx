import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearSession, setSession } from '../session';
import { NextStepCard } from './NextStepCard';

/** The server answers GET /me/next-step with `next`, and an exercise with its title. */
function fakeServer(next: unknown) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      urls.push(url);
      const json = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
      if (url.endsWith('/me/next-step')) return json({ next });
      if (url.includes('/exercises/')) return json({ id: 'soft-gaze', stage: 1, title: 'Soft gaze' });
      return json({});
    }),
  );
  return urls;
}

const settle = () => new Promise((r) => setTimeout(r, 30));

function show() {
  const root = document.createElement('div');
  document.body.appendChild(root);
  render(<NextStepCard />, root);
  return root;
}

describe('NextStepCard', () => {
  beforeEach(() => {
    sessionStorage.clear();
    setSession('csrf-1', 'Alex', 'a');
  });
  afterEach(() => {
    render(null, document.body);
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
    clearSession();
  });

  it('offers a check-in with a link to the check-in screen, and no number anywhere', async () => {
    fakeServer({ kind: 'checkin', relationship_id: 'r1' });
    const root = show();
    await settle();
    expect(root.textContent).toContain('A moment to check in with yourself?');
    expect(root.querySelector('a')?.getAttribute('href')).toBe('/r/r1/checkins');
    expect(root.textContent).not.toMatch(/\d/);
  });

  it('offers a waiting debrief, linking to its screen', async () => {
    fakeServer({ kind: 'debrief', relationship_id: 'r1', practice_id: 'p9' });
    const root = show();
    await settle();
    expect(root.textContent).toContain('share a few words about your last practice together');
    expect(root.querySelector('a')?.getAttribute('href')).toBe('/r/r1/debrief/p9');
  });

  it("offers the next exercise by its title, linking to the exercise's detail", async () => {
    fakeServer({ kind: 'exercise', relationship_id: 'r1', exercise_id: 'soft-gaze' });
    const root = show();
    await settle();
    expect(root.textContent).toContain('When you both feel like it: Soft gaze');
    expect(root.querySelector('a')?.getAttribute('href')).toBe('/r/r1/exercises/soft-gaze');
  });

  it('shows nothing at all when there is no next step', async () => {
    fakeServer(null);
    const root = show();
    await settle();
    expect(root.innerHTML).toBe('');
  });

  it('goes away when dismissed and stays away for the session', async () => {
    const urls = fakeServer({ kind: 'checkin', relationship_id: 'r1' });
    const root = show();
    await settle();
    const notNow = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Not now');
    notNow?.click();
    await settle();
    expect(root.innerHTML).toBe('');
    render(null, document.body);
    document.body.innerHTML = '';
    urls.length = 0;
    const again = show();
    await settle();
    expect(again.innerHTML).toBe('');
    expect(urls).toEqual([]);
  });
});
