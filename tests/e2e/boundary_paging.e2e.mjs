// The boundary map on a phone, in two browsers: one category at a time with a progress line
// and a pager, a quick one-at-a-time mode, "not answered" unlike any answer; an exercise that
// cannot be chosen yet lists the items that still need to be mutual, and opens only the
// viewer's own unanswered ones, so nothing says whose answer is missing.
import { assert, screenshot } from './lib/harness.mjs';
import { assertNoPageProblems, bodyText, openSection } from './lib/flows.mjs';
import { twoPartners } from './lib/scenarios.mjs';

const progress = (page) => page.getByTestId('answered-progress');

export const tests = [
  {
    name: 'a category at a time with progress, one item at a time, and "not answered" styled apart',
    run: async () => {
      const { a } = await twoPartners('Our space');
      const { page } = a;
      await page.setViewportSize({ width: 390, height: 844 });
      await openSection(page, /Boundary map/);
      await page.getByRole('heading', { name: 'Boundary map' }).waitFor();
      await progress(page).getByText('0 of 66 answered').waitFor();
      await page.getByRole('heading', { name: 'Presence and talk' }).waitFor();
      assert((await page.locator('section[aria-labelledby^="cat-"]').count()) === 1, 'one category at a time');

      const quiet = page.getByRole('group', { name: 'Quiet company', exact: true });
      await quiet.getByText('Not answered yet').waitFor();
      const dashed = await quiet.evaluate((el) => getComputedStyle(el).borderTopStyle);
      assert(dashed === 'dashed', `an unanswered item is outlined differently (${dashed})`);
      await quiet.getByLabel('Yes', { exact: true }).check();
      await quiet.getByText('Saved: Yes.').waitFor();
      await progress(page).getByText('1 of 66 answered').waitFor();
      assert((await quiet.getByText('Not answered yet').count()) === 0, 'answered now');
      const solid = await quiet.evaluate((el) => getComputedStyle(el).borderTopStyle);
      assert(solid === 'solid', `an answered item is outlined as answered (${solid})`);
      await screenshot(page, 'boundary-map-390');

      // The pager moves to the next category and says where you are.
      await page.getByRole('button', { name: /^Next: / }).click();
      await page.getByText(/^Category 2 of \d+$/).waitFor();

      // One at a time: the items not answered yet, moving on after each answer.
      await page.getByRole('button', { name: 'Answer one at a time' }).click();
      await page.getByText('Item 1 of 65 not answered yet').waitFor();
      const first = page.locator('.one-at-a-time .item-answer legend');
      const firstLabel = await first.innerText();
      // click, not check: the answer moves on to the next item, and check() would find that
      // item's radio unchecked after the first one is gone and answer it too.
      await page.locator('.one-at-a-time').getByLabel('Maybe (ask first)', { exact: true }).click();
      await page.getByText('Item 2 of 65 not answered yet').waitFor();
      assert((await first.innerText()) !== firstLabel, 'an answer moves on to the next item');
      await page.getByRole('button', { name: 'Skip for now' }).click();
      await page.getByText('Item 3 of 65 not answered yet').waitFor();
      await progress(page).getByText('2 of 66 answered').waitFor();
      await page.getByRole('button', { name: 'Back to the whole map' }).click();
      await page.getByLabel('Category', { exact: true }).waitFor();
      assertNoPageProblems(a.problems, 'A');
    },
  },
  {
    name: 'an exercise that cannot be chosen lists what still needs to be mutual; only my own unanswered items open',
    run: async () => {
      const { a, b } = await twoPartners('Our space');
      const rid = new URL(a.page.url()).pathname.split('/')[2];
      await openSection(a.page, /Boundary map/);
      for (const label of ['Quiet company', 'Breathing together']) {
        const group = a.page.getByRole('group', { name: label, exact: true });
        await group.getByLabel('Yes', { exact: true }).check();
        await group.getByText('Saved: Yes.').waitFor();
      }

      // Alex answered both: they are listed, with no answer controls and no name.
      await a.page.goto(`${a.page.url().split('/r/')[0]}/r/${rid}/exercises/arriving-together`);
      const needsA = a.page.getByTestId('mutual-needs');
      await needsA.getByText('These still need to be shared by everyone').waitFor();
      await needsA.getByText('Quiet company').waitFor();
      await needsA.getByText('Breathing together').waitFor();
      assert((await needsA.locator('fieldset').count()) === 0, "Alex's own answers open nothing");
      assert(!(await bodyText(a.page)).includes('Bo'), 'nothing names whose answer is missing');

      // Bo has not answered: the same two items, and each opens for Bo's own answer.
      await b.page.goto(`${a.page.url().split('/r/')[0]}/r/${rid}/exercises/arriving-together`);
      const needsB = b.page.getByTestId('mutual-needs');
      await needsB.getByText('These still need to be shared by everyone').waitFor();
      assert((await needsB.locator('fieldset').count()) === 2, "Bo's two unanswered items open for an answer");
      assert(!(await bodyText(b.page)).includes('Alex'), 'nothing names anyone');
      for (const label of ['Quiet company', 'Breathing together']) {
        const group = needsB.getByRole('group', { name: label, exact: true });
        await group.getByLabel('Yes', { exact: true }).check();
      }
      await needsB.getByText('Everyone here is open to each of these').waitFor();
      await a.page.reload();
      await a.page.getByText('Everyone here is open to each of these').waitFor();
      assertNoPageProblems(a.problems, 'A');
      assertNoPageProblems(b.problems, 'B');
    },
  },
];
