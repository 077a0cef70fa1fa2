// The home screen's one gentle next step, with a signed-up pair: first a check-in; once I
// have checked in, the first exercise of stage 1; never a number, and "Not now" puts it
// away for the rest of the session.
import { assert, screenshot } from './lib/harness.mjs';
import { assertNoPageProblems } from './lib/flows.mjs';
import { twoPartners } from './lib/scenarios.mjs';

async function goHome(page) {
  await page.locator('a.brand').click();
  await page.getByRole('heading', { name: 'Your relationships' }).waitFor();
}

function card(page) {
  return page.getByRole('complementary', { name: 'A gentle next step' });
}

export const tests = [
  {
    name: 'home offers a check-in, then after checking in the first exercise of stage 1',
    run: async () => {
      const { a, b } = await twoPartners('Our space');

      await goHome(a.page);
      await card(a.page).getByText('A moment to check in with yourself?').waitFor();
      assert(!/\d/.test(await card(a.page).innerText()), 'the card never shows a number');
      await screenshot(a.page, 'next-step-checkin');
      await card(a.page).getByRole('link', { name: 'Check in' }).click();
      await a.page.getByRole('heading', { name: 'Check-ins', exact: true }).waitFor();
      const form = a.page.locator('form.checkin-form');
      await form.getByLabel(/^Mood/).fill('6');
      await form.getByRole('button', { name: 'Save check-in' }).click();
      await a.page.locator('.my-checkin').first().waitFor();

      await goHome(a.page);
      await card(a.page).getByText('When you both feel like it: Arriving together').waitFor();
      assert(!/\d/.test(await card(a.page).innerText()), 'still no number');
      await screenshot(a.page, 'next-step-exercise');
      await card(a.page).getByRole('link', { name: 'Read about it' }).click();
      await a.page.waitForURL(/\/r\/[^/]+\/exercises\/arriving-together$/);
      await a.page.getByRole('heading', { name: 'Arriving together' }).waitFor();

      // My check-in is mine: Bo is still offered one.
      await goHome(b.page);
      await card(b.page).getByText('A moment to check in with yourself?').waitFor();
      await card(b.page).getByRole('button', { name: 'Not now' }).click();
      await card(b.page).waitFor({ state: 'detached' });
      await b.page.reload();
      await b.page.getByRole('heading', { name: 'Your relationships' }).waitFor();
      await b.page.locator('.relationship-list').waitFor();
      assert((await card(b.page).count()) === 0, 'dismissed for the session');

      assertNoPageProblems(a.problems, 'A');
      assertNoPageProblems(b.problems, 'B');
    },
  },
];
