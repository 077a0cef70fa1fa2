import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TherapistLink } from '../../api';
import { clearSession, setSession } from '../../session';
import { ShareWithTherapist } from './ShareWithTherapist';

const link = (over: Partial<TherapistLink>): TherapistLink => ({
  status: 'active',
  therapist: { display_name: 'Dr Rowan' },
  consent_count: 2,
  partner_count: 2,
  you_consented: true,
  you_acknowledged: true,
  channel_open: true,
  confidentiality: { title: 'What a therapist must pass on', body: 'Duties to warn.' },
  ...over,
});

/** GET …/therapist answers `theLink`; the share starts off; PUTs are recorded and echoed. */
function fakeServer(theLink: TherapistLink) {
  const puts: string[] = [];
  let shared = false;
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      const json = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
      if (url.endsWith('/therapist') && url.includes('/relationships/')) return json(theLink);
      if (url.endsWith('/debrief/therapist')) {
        if (init.method === 'PUT') {
          puts.push(String(init.body));
          shared = (JSON.parse(String(init.body)) as { shared: boolean }).shared;
        }
        return json({ shared });
      }
      return json({});
    }),
  );
  return puts;
}

const settle = () => new Promise((r) => setTimeout(r, 30));

function show() {
  const root = document.createElement('div');
  document.body.appendChild(root);
  render(<ShareWithTherapist rid="r1" pid="p1" />, root);
  return root;
}

describe('ShareWithTherapist', () => {
  beforeEach(() => setSession('csrf-1', 'Alex', 'a'));
  afterEach(() => {
    render(null, document.body);
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
    clearSession();
  });

  it('is not shown without an active therapist link', async () => {
    fakeServer(link({ status: 'pending' }));
    const root = show();
    await settle();
    expect(root.querySelector('[data-testid="debrief-share"]')).toBeNull();
  });

  it('shares and stops sharing my own reflections, off until I turn it on', async () => {
    const puts = fakeServer(link({}));
    const root = show();
    await settle();
    const box = root.querySelector<HTMLInputElement>('input[name="share-with-therapist"]');
    expect(box?.checked).toBe(false);
    expect(root.textContent).toContain('Dr Rowan');
    box?.click();
    await settle();
    expect(puts).toEqual(['{"shared":true}']);
    expect(root.querySelector<HTMLInputElement>('input[name="share-with-therapist"]')?.checked).toBe(true);
    root.querySelector<HTMLInputElement>('input[name="share-with-therapist"]')?.click();
    await settle();
    expect(puts).toEqual(['{"shared":true}', '{"shared":false}']);
  });

  it('asks for "I understand" before the toggle when the limits were never acknowledged', async () => {
    const puts = fakeServer(link({ you_acknowledged: false }));
    const root = show();
    await settle();
    expect(root.textContent).toContain('What a therapist must pass on');
    expect(root.querySelector('input[name="share-with-therapist"]')).toBeNull();
    root.querySelector<HTMLInputElement>('input[name="understood"]')?.click();
    await settle();
    root.querySelector<HTMLInputElement>('input[name="share-with-therapist"]')?.click();
    await settle();
    expect(puts).toEqual(['{"shared":true,"understood":true}']);
  });
});
