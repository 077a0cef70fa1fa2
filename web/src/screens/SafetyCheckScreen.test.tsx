import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearSession, setSession } from '../session';
import { SafetyCheckScreen } from './SafetyCheckScreen';

const form = {
  version: 1,
  intro: 'This check is private.\n\nNobody is told who or why.',
  source: 'Domains of brief screeners.',
  scale: [
    { value: 0, label: 'Never' },
    { value: 1, label: 'Often' },
  ],
  questions: [{ id: 'afraid', domain: 'fear', text: 'Have you felt afraid?' }],
};
const resources = { title: 'Support and safety', body: 'You deserve support.', entries: [] };

/** The server: the form, a submission, and my checks (with resources when `danger`). */
function fakeServer(danger: boolean) {
  const posted: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      const json = (body: unknown, status = 200) =>
        Promise.resolve(new Response(JSON.stringify(body), { status }));
      if (url === '/api/v1/safety-check') return json(form);
      if (url.endsWith('/safety-check') && init.method === 'POST') {
        posted.push(JSON.parse(String(init.body)));
        return json({ id: 'c1' }, 201);
      }
      if (url.endsWith('/safety-check/mine')) {
        return json({ checks: [{ id: 'c1', answered_at: '', answers: {}, signals_danger: danger }], ...(danger ? { resources } : {}) });
      }
      return json({});
    }),
  );
  return posted;
}

const settle = () => new Promise((r) => setTimeout(r, 30));

async function answer(danger: boolean) {
  const posted = fakeServer(danger);
  const root = document.createElement('div');
  document.body.appendChild(root);
  render(<SafetyCheckScreen rid="r1" />, root);
  await settle();
  expect(root.textContent).toContain('This check is private.');
  const choices = root.querySelectorAll<HTMLInputElement>('input[type=radio]');
  choices[choices.length - 1].click(); // Often
  await settle();
  (root.querySelector('button[type=submit]') as HTMLButtonElement).click();
  await settle();
  return { root, posted };
}

describe('SafetyCheckScreen', () => {
  beforeEach(() => setSession('csrf-1', 'Alex', 'a'));
  afterEach(() => {
    render(null, document.body);
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
    clearSession();
  });

  it('sends the answers and shows the resources privately when they signal danger', async () => {
    const { root, posted } = await answer(true);
    expect(posted).toEqual([{ answers: { afraid: 1 } }]);
    expect(root.textContent).toContain('Saved, just for you');
    expect(root.textContent).toContain('Support and safety');
  });

  it('only thanks, without resources, when they do not', async () => {
    const { root } = await answer(false);
    expect(root.textContent).toContain('only you can see them');
    expect(root.textContent).not.toContain('Support and safety');
  });
});
