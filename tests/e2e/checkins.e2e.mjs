// Check-ins and the programme in two browsers: a check-in shared with partners reaches the
// other partner and a private one never does; after two practices both rated comfortable,
// the next stage is offered and opens only once both partners have accepted ("n of m").
import { axeViolations, describeViolations } from './lib/axe.mjs';
import { assert, screenshot } from './lib/harness.mjs';
import { PASSWORD, assertNoPageProblems, backToRelationship, bodyText, openSection } from './lib/flows.mjs';
import { twoPartners } from './lib/scenarios.mjs';

/** A small API client for the steps that are not what this test is about. */
async function apiAs(baseUrl, email) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  assert(login.ok, `log in ${email}: ${login.status}`);
  const { token } = await login.json();
  return async (method, path, body) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    assert(res.ok, `${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

async function assertAccessible(page, where) {
  const violations = await axeViolations(page);
  assert(violations.length === 0, describeViolations(where, violations));
}

function ridOf(page) {
  const match = /^\/r\/([^/]+)/.exec(new URL(page.url()).pathname);
  assert(match, `a relationship in the URL (${page.url()})`);
  return decodeURIComponent(match[1]);
}

async function checkIn(page, { mood, note, share }) {
  const form = page.locator('form.checkin-form');
  await form.getByLabel(/^Mood/).fill(String(mood));
  await form.getByLabel('A note, if you like').fill(note);
  await form.getByLabel('Who can see this').selectOption(share ? 'partners' : 'private');
  await form.getByRole('button', { name: 'Save check-in' }).click();
  await page.locator('.my-checkin').filter({ hasText: note }).waitFor();
}

/** Two practices on a stage-1 exercise, ended, each rated comfortable by both. */
async function twoComfortablePractices(api, rid) {
  for (const who of [api.a, api.b]) {
    for (const item of ['breathing-together', 'quiet-company']) {
      await who('PUT', `/api/v1/relationships/${rid}/boundaries/mine/${item}`, { answer: 'yes' });
    }
  }
  const agreement = await api.a('POST', `/api/v1/relationships/${rid}/agreements`, {
    exercise_id: 'arriving-together',
    items: ['breathing-together', 'quiet-company'],
    time_limit_minutes: 20,
    pause_word: 'amber',
    aftercare: 'Tea.',
  });
  for (const who of [api.a, api.b]) await who('POST', `/api/v1/agreements/${agreement.id}/sign`, { version: 1 });
  for (let i = 0; i < 2; i++) {
    const practice = await api.a('POST', `/api/v1/agreements/${agreement.id}/practices`, { device: 'own' });
    for (const who of [api.a, api.b]) await who('POST', `/api/v1/practices/${practice.id}/ready`);
    await api.b('POST', `/api/v1/practices/${practice.id}/end`);
    for (const who of [api.a, api.b]) {
      await who('POST', '/api/v1/checkins', {
        relationship_id: rid,
        kind: 'post',
        practice_id: practice.id,
        mood: 7,
        energy: 6,
        interest: 6,
        safety: 9,
        stress: 2,
      });
    }
  }
}

export const tests = [
  {
    name: 'a shared check-in reaches the partner, a private one does not; both accept the offered stage',
    run: async () => {
      const { baseUrl, a, b } = await twoPartners('Our space');
      const rid = ridOf(a.page);

      await openSection(a.page, /Check-ins/);
      await a.page.getByRole('heading', { name: 'Check-ins', exact: true }).waitFor();
      await checkIn(a.page, { mood: 6, note: 'A calm evening together', share: true });
      await checkIn(a.page, { mood: 4, note: 'Only for my eyes', share: false });
      await a.page.locator('.score-chart canvas').waitFor();
      await assertAccessible(a.page, 'check-ins');
      await screenshot(a.page, 'checkins-a');

      await b.page.reload();
      await openSection(b.page, /Check-ins/);
      await b.page.locator('.shared-checkin').filter({ hasText: 'A calm evening together' }).waitFor();
      await b.page.locator('.shared-checkin').getByText('Shared by Alex').waitFor();
      const seen = await bodyText(b.page);
      assert(!seen.includes('Only for my eyes'), "B never sees A's private check-in");
      await screenshot(b.page, 'checkins-b');

      const api = { a: await apiAs(baseUrl, a.email), b: await apiAs(baseUrl, b.email) };
      await twoComfortablePractices(api, rid);

      await backToRelationship(a.page);
      await openSection(a.page, /Your programme/);
      await a.page.getByRole('heading', { name: 'Stage 2 is on offer' }).waitFor();
      await a.page.getByText('0 of 2 accepted').waitFor();
      await a.page.getByRole('button', { name: 'Yes, I would like stage 2' }).click();
      await a.page.getByText('1 of 2 accepted').waitFor();
      await a.page.getByText('You said yes. It opens when everyone has.').waitFor();
      await assertAccessible(a.page, 'programme');
      await screenshot(a.page, 'programme-a-accepted');

      await backToRelationship(b.page);
      await openSection(b.page, /Your programme/);
      await b.page.getByText('1 of 2 accepted').waitFor();
      const offerText = await b.page.locator('.offer').innerText();
      assert(!offerText.includes('Alex'), 'the offer never names who accepted');
      await b.page.getByRole('button', { name: 'Yes, I would like stage 2' }).click();
      await b.page.locator('.stage-open').filter({ hasText: 'Stage 2' }).waitFor();
      assert((await b.page.locator('.offer').count()) === 0, 'no offer left once stage 2 is open');
      await a.page.reload();
      await a.page.locator('.stage-open').filter({ hasText: 'Stage 2' }).waitFor();
      await screenshot(b.page, 'programme-b-open');

      assertNoPageProblems(a.problems, 'A');
      assertNoPageProblems(b.problems, 'B');
    },
  },
];
