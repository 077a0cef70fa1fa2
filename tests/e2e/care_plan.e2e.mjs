// The care plan in two browsers: A writes an entry on the care-plan screen and shares it with
// B; during a live practice B pauses and both pause screens show A's entry within a second,
// without saying whose it is; A opens the care plan from the pause screen in one tap and
// un-shares it, and it is gone from B's next view (the paused screen updates live, and B's
// care-plan screen no longer lists it).
import { assert, screenshot } from './lib/harness.mjs';
import { axeViolations, describeViolations } from './lib/axe.mjs';
import { assertNoPageProblems, bodyText, openSection } from './lib/flows.mjs';
import { apiCall, apiLogIn, runningPractice } from './lib/practice_api.mjs';
import { twoPartners } from './lib/scenarios.mjs';

const A_CARE = 'A hand resting on my shoulder, and no questions yet';
const careNote = (page) => page.locator('.care-note', { hasText: A_CARE });

export const tests = [
  {
    name: "A shares a care-plan entry; both pause screens show it within a second; un-shared, it leaves B's view",
    run: async () => {
      const { baseUrl, a, b } = await twoPartners('Our space');

      // A writes the entry on the care-plan screen, reached from the relationship screen.
      await openSection(a.page, /Care plan/);
      const helps = a.page.getByRole('region', { name: 'What helps me when it happens' });
      await helps.waitFor();
      await helps.locator('textarea').fill(A_CARE);
      await helps.getByLabel('Who can see this').selectOption('partners');
      await helps.getByRole('button', { name: 'Save' }).click();
      await helps.getByText('Saved and shared with: my partners.').waitFor();
      await helps.getByTestId('my-care-entry').filter({ hasText: A_CARE }).waitFor();
      const violations = await axeViolations(a.page);
      assert(violations.length === 0, describeViolations('the care-plan screen', violations));

      // A practice, set up through the API; both open it in their browsers.
      const apiA = await apiLogIn(baseUrl, a.email);
      const apiB = await apiLogIn(baseUrl, b.email);
      const { relationships } = await apiCall(baseUrl, apiA, 'GET', '/api/v1/relationships', undefined, 200);
      const rid = relationships[0].id;
      const pid = await runningPractice(baseUrl, rid, [apiA, apiB]);
      for (const page of [a.page, b.page]) {
        await page.goto(`${baseUrl}/#/r/${rid}/practice/${pid}`);
        await page.getByRole('button', { name: /^Pause/ }).waitFor();
      }
      assert(!(await bodyText(b.page)).includes(A_CARE), 'nothing of the care plan shows while running');

      // B pauses: both pause screens show A's entry within a second, pushed with the state.
      const before = Date.now();
      await b.page.getByRole('button', { name: /^Pause/ }).click();
      await Promise.all([careNote(a.page).waitFor({ timeout: 1000 }), careNote(b.page).waitFor({ timeout: 1000 })]);
      console.log(`     the care plan reached both pause screens after ${Date.now() - before} ms`);
      const onB = await careNote(b.page).innerText();
      assert(!onB.includes('Alex'), `the entry does not say whose it is: ${onB}`);
      assert(onB.includes('Shared with you'), `the entry is shown as shared: ${onB}`);
      await screenshot(b.page, 'care-plan-b-paused');

      // A opens the care plan from the pause screen in one tap and un-shares the entry.
      await a.page.getByRole('link', { name: 'Open your care plan' }).click();
      const mine = a.page.getByTestId('my-care-entry').filter({ hasText: A_CARE });
      await mine.getByLabel('Shared with').selectOption('private');
      await mine.getByText('Now private again.').waitFor();

      // B's open pause screen updates by itself, and B's care plan no longer lists it.
      await careNote(b.page).waitFor({ state: 'detached', timeout: 5000 });
      await b.page.getByText('A care plan is where each of you can note').waitFor();
      await b.page.getByRole('link', { name: 'Open your care plan' }).click();
      await b.page.getByRole('region', { name: 'Words that reassure me' }).waitFor();
      assert(!(await bodyText(b.page)).includes(A_CARE), "B's care plan no longer shows A's entry");
      const practice = await apiCall(baseUrl, apiB, 'GET', `/api/v1/practices/${pid}`, undefined, 200);
      assert(practice.status === 'paused' && practice.care.length === 0, 'the paused state carries nothing now');
      assertNoPageProblems(a.problems, 'A');
      assertNoPageProblems(b.problems, 'B');
    },
  },
];
