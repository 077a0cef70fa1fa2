// Debriefs revealed together, in two browsers: a practice ends (set up through the API);
// A answers from the offer on the ended practice screen and sees nothing of B, only that
// they are waiting; B answers; A's open screen shows both without a reload, in the stated
// order (participants sorted by id, rotated by earlier ended practices of the same people:
// here the first, so the lower id speaks first); the practice history shows it shared.
import { assert, screenshot } from './lib/harness.mjs';
import { axeViolations, describeViolations } from './lib/axe.mjs';
import { assertNoPageProblems, bodyText } from './lib/flows.mjs';
import { apiCall, apiLogIn, runningPractice } from './lib/practice_api.mjs';
import { twoPartners } from './lib/scenarios.mjs';

async function assertAccessible(page, where) {
  const violations = await axeViolations(page);
  assert(violations.length === 0, describeViolations(where, violations));
}

const A_WORDS = 'The slow breathing at the start';
const B_WORDS = 'Sitting close without any plan';

export const tests = [
  {
    name: 'first to answer sees nothing of the other; both are shown together, live, in turn order',
    run: async () => {
      const { baseUrl, a, b } = await twoPartners('Our space');
      const apiA = await apiLogIn(baseUrl, a.email);
      const apiB = await apiLogIn(baseUrl, b.email);
      const { relationships } = await apiCall(baseUrl, apiA, 'GET', '/api/v1/relationships', undefined, 200);
      const rid = relationships[0].id;
      const pid = await runningPractice(baseUrl, rid, [apiA, apiB]);

      // A is on the practice screen when B ends it: the debrief is offered there.
      await a.page.goto(`${baseUrl}/#/r/${rid}/practice/${pid}`);
      await a.page.locator('.practice-title').first().waitFor();
      await apiCall(baseUrl, apiB, 'POST', `/api/v1/practices/${pid}/end`, undefined, 200);
      await a.page.getByRole('link', { name: /Reflect on this practice/ }).click();
      await a.page.getByRole('heading', { name: 'Reflecting together' }).waitFor();
      await a.page.getByLabel('What felt nourishing?').fill(A_WORDS);
      await a.page.getByRole('button', { name: 'Share when everyone is ready' }).click();
      await a.page.getByTestId('debrief-waiting').waitFor();
      await screenshot(a.page, 'debrief-a-waiting');

      // B opens the debrief: a fresh form, nothing of A's answer, not even that A answered.
      await b.page.goto(`${baseUrl}/#/r/${rid}/debrief/${pid}`);
      await b.page.getByLabel('What felt nourishing?').waitFor();
      await assertAccessible(b.page, 'the debrief form');
      let text = await bodyText(b.page);
      assert(!text.includes(A_WORDS), "B sees nothing of A's answer");
      assert(!/Alex|of 2|in already/.test(text), 'B is not told whether anyone has answered');
      text = await bodyText(a.page);
      assert(!text.includes(B_WORDS) && !/Bo\b/.test(text), 'A sees nothing of B while waiting');

      const before = Date.now();
      await b.page.getByLabel('What felt nourishing?').fill(B_WORDS);
      await b.page.getByLabel('What would you like to adjust next time?').fill('A softer light');
      await b.page.getByRole('button', { name: 'Share when everyone is ready' }).click();

      // A's screen, never reloaded, shows both.
      const items = a.page.locator('.revealed-debriefs > li');
      await items.nth(1).waitFor({ timeout: 5000 });
      console.log(`     reveal reached A's open screen after ${Date.now() - before} ms`);
      assert((await items.count()) === 2, 'both answers are shown');
      const first = await items.nth(0).innerText();
      const second = await items.nth(1).innerText();
      // The stated order: the lower account id speaks first on the first practice.
      const [firstWords, secondWords] = apiA.id < apiB.id ? [A_WORDS, B_WORDS] : [B_WORDS, A_WORDS];
      assert(first.includes(firstWords), `the lower id speaks first, got: ${first}`);
      assert(second.includes(secondWords), `then the other, got: ${second}`);
      assert((apiA.id < apiB.id ? first : second).includes('you'), "A's own answer is marked as A's");
      await screenshot(a.page, 'debrief-a-revealed');
      await assertAccessible(a.page, 'the revealed debriefs');

      await b.page.locator('.revealed-debriefs > li').nth(1).waitFor();
      await b.page.getByRole('link', { name: '← Past practices' }).click();
      await b.page.getByRole('heading', { name: 'Past practices' }).waitFor();
      await b.page.getByText('Reflections shared').waitFor();
      await assertAccessible(b.page, 'past practices');
      assertNoPageProblems(a.problems, 'A');
      assertNoPageProblems(b.problems, 'B');
    },
  },
];
