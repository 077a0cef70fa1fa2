// Appreciation and shared plans in two browsers: Bo sends Alex a note that Alex finds on
// the home screen (and that is gone once Bo takes it back); Alex proposes a plan, Bo joins
// it, and the calendar Bo downloads holds it as a private event called only "attune", with
// none of the plan's words.
import fs from 'node:fs';
import { assert, screenshot } from './lib/harness.mjs';
import { assertNoPageProblems, backToRelationship, bodyText, openSection } from './lib/flows.mjs';
import { twoPartners } from './lib/scenarios.mjs';

const NOTE = 'Thank you for the walk today';
const TITLE = 'Picnic by the lake';
const PLAN_NOTE = 'bring the red blanket';

function ridOf(page) {
  const match = /\/r\/([^/#?]+)/.exec(page.url());
  assert(match, `a relationship in ${page.url()}`);
  return decodeURIComponent(match[1]);
}

async function goHome(page) {
  await page.getByRole('link', { name: 'attune' }).click();
  await page.getByRole('heading', { name: 'Your relationships' }).waitFor();
}

export const tests = [
  {
    name: 'a note reaches home; a joined plan is in the calendar under a neutral name',
    run: async () => {
      const { a, b } = await twoPartners('Our space');
      await a.page.reload();
      await a.page.locator('.members').getByText('Bo').waitFor();
      const rid = ridOf(a.page);

      // Bo writes Alex a note.
      await openSection(b.page, /Appreciation/);
      await b.page.getByRole('heading', { name: 'Appreciation' }).waitFor();
      await b.page.getByText('No notes here yet.').waitFor();
      await b.page.getByLabel('For').selectOption({ label: 'Alex' });
      await b.page.getByLabel('Your words').fill(NOTE);
      await b.page.getByRole('button', { name: 'Send' }).click();
      await b.page.getByText('Sent.').waitFor();
      await b.page.getByText('For Alex').waitFor();

      // Alex finds it on the home screen, a calm card with who it is from and no count.
      await goHome(a.page);
      const card = a.page.locator('.appreciation-card').filter({ hasText: NOTE });
      await card.waitFor();
      assert((await card.innerText()).includes('From Bo'), 'the card says who it is from');
      const home = await bodyText(a.page);
      assert(!/\b\d+\s+(notes?|appreciations?)\b/i.test(home), 'no count of notes on home');
      await screenshot(a.page, 'together-a-home-appreciation');

      // Alex proposes a plan.
      await a.page.getByRole('link', { name: 'Our space' }).click();
      await openSection(a.page, /Plans together/);
      await a.page.getByRole('heading', { name: 'Plans together' }).waitFor();
      await a.page.getByText('No plans yet.').waitFor();
      await a.page.getByLabel('What kind of time').selectOption('recreation');
      await a.page.getByLabel('What', { exact: true }).fill(TITLE);
      await a.page.getByLabel('When (optional)').fill('2026-12-05T19:30');
      await a.page.getByLabel('A note (optional)').fill(PLAN_NOTE);
      await a.page.getByRole('button', { name: 'Suggest' }).click();
      await a.page.locator('.plan-card').filter({ hasText: TITLE }).waitFor();

      // Bo joins it.
      await backToRelationship(b.page);
      await openSection(b.page, /Plans together/);
      const plan = b.page.locator('.plan-card').filter({ hasText: TITLE });
      await plan.waitFor();
      await plan.getByRole('button', { name: 'Join' }).click();
      await plan.getByText('You are joining.').waitFor();
      await a.page.reload();
      const joiningLine = a.page.locator('.plan-card').filter({ hasText: TITLE }).getByText(/^Joining:/);
      await joiningLine.filter({ hasText: 'Bo' }).waitFor();
      assert((await joiningLine.innerText()).includes('Alex'), 'both are joining');
      await screenshot(b.page, 'together-b-plans');

      // The calendar Bo downloads: the plan as a private event named "attune", nothing else.
      const planId = await b.page.evaluate(async (id) => {
        const res = await fetch(`/api/v1/relationships/${encodeURIComponent(id)}/plans`);
        return (await res.json()).plans[0].id;
      }, rid);
      const [download] = await Promise.all([
        b.page.waitForEvent('download'),
        b.page.getByRole('link', { name: 'Download calendar' }).click(),
      ]);
      assert(download.suggestedFilename() === 'attune.ics', `named attune.ics, got ${download.suggestedFilename()}`);
      const ics = fs.readFileSync(await download.path(), 'utf8');
      assert(ics.startsWith('BEGIN:VCALENDAR\r\n'), 'an iCalendar file with CRLF lines');
      assert(ics.includes(`UID:${planId}@attune\r\n`), 'the plan, by its UID');
      assert(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/.test(ics), 'a DTSTAMP');
      assert(/\r\nDTSTART:20261205T\d{6}Z\r\n/.test(ics), 'a DTSTART on the chosen day');
      assert(ics.includes('\r\nCLASS:PRIVATE\r\n'), 'private');
      assert(ics.includes('\r\nSUMMARY:attune\r\n'), 'a neutral title');
      for (const secret of ['Picnic', 'lake', 'blanket', 'Alex', 'Bo ', 'recreation']) {
        assert(!ics.includes(secret), `the calendar holds nothing of "${secret}"`);
      }

      // Bo takes the note back: it is gone from Alex's home.
      await backToRelationship(b.page);
      await openSection(b.page, /Appreciation/);
      await b.page.getByRole('button', { name: 'Take back' }).click();
      await b.page.getByText('No notes here yet.').waitFor();
      const reloaded = a.page.waitForResponse(
        (r) => r.url().endsWith('/appreciations') && r.request().method() === 'GET',
      );
      await goHome(a.page);
      await reloaded;
      await a.page.locator('.relationship-list').waitFor();
      await a.page.waitForTimeout(200);
      assert((await a.page.locator('.appreciation-card').count()) === 0, 'a withdrawn note is gone');

      assertNoPageProblems(a.problems, 'A');
      assertNoPageProblems(b.problems, 'B');
    },
  },
];
