// Measures in two browsers: A answers the CSI-4 with neutral placeholders (no wording is
// installed), sees the score on progress with a first milestone, and shares it; B then sees
// it under "Shared with you", and never a result A kept private.
import { axeViolations, describeViolations } from './lib/axe.mjs';
import { assert, screenshot } from './lib/harness.mjs';
import { assertNoPageProblems, backToRelationship, bodyText, openSection } from './lib/flows.mjs';
import { twoPartners } from './lib/scenarios.mjs';

async function assertAccessible(page, where) {
  const violations = await axeViolations(page);
  assert(violations.length === 0, describeViolations(where, violations));
}

async function answerCsi4(page, values) {
  await page.getByRole('link', { name: 'Answer CSI-4' }).click();
  await page.getByText('not installed by your operator', { exact: false }).first().waitFor();
  const items = page.locator('fieldset.measure-item');
  assert((await items.count()) === 4, 'four items');
  const legend = await items.nth(2).locator('legend').innerText();
  assert(/Item 3 of 4/.test(legend), `a neutral placeholder (${legend})`);
  assert((await items.nth(0).locator('input[type=radio]').count()) === 7, 'item 1 scored 0-6');
  assert((await items.nth(1).locator('input[type=radio]').count()) === 6, 'item 2 scored 0-5');
  for (let i = 0; i < values.length; i++) {
    await items.nth(i).getByLabel(String(values[i]), { exact: true }).check();
  }
  await page.getByRole('button', { name: 'Save my answers' }).click();
  await page.getByRole('heading', { name: 'Your score' }).waitFor();
}

export const tests = [
  {
    name: 'answer the CSI-4 with placeholders, see the score on progress, share it',
    run: async () => {
      const { a, b } = await twoPartners('Our space');

      await openSection(a.page, /Questionnaires and progress/);
      await a.page.getByRole('heading', { name: 'Questionnaires', exact: true }).waitFor();
      await assertAccessible(a.page, 'measures');
      await answerCsi4(a.page, [5, 4, 3, 4]);
      await a.page.getByText('CSI-4: 16 (from 0 to 21)').waitFor();
      await assertAccessible(a.page, 'score');
      await screenshot(a.page, 'measures-a-score');

      await a.page.getByRole('link', { name: 'See your progress' }).click();
      await a.page.getByRole('heading', { name: 'Your progress' }).waitFor();
      await a.page.locator('.my-scores').getByText('CSI-4 16 (from 0 to 21)').waitFor();
      await a.page.locator('.milestones').getByText('first look at how things are').waitFor();
      await assertAccessible(a.page, 'progress');

      // Still private: B sees nothing of it.
      await openSection(b.page, /Questionnaires and progress/);
      await b.page.getByRole('link', { name: 'Your progress' }).click();
      await b.page.getByRole('heading', { name: 'Your progress' }).waitFor();
      assert(!(await bodyText(b.page)).includes('CSI-4'), "B does not see A's private score");

      // A shares it from the results screen.
      await backToRelationship(a.page);
      await openSection(a.page, /Questionnaires and progress/);
      await a.page.getByRole('link', { name: 'Your results' }).click();
      const mine = a.page.locator('.my-result').filter({ hasText: 'CSI-4: 16' });
      await mine.getByLabel('Shared with').selectOption('partners');
      await mine.getByText('Now shared with: my partners.').waitFor();
      await screenshot(a.page, 'measures-a-shared');

      await b.page.reload();
      await b.page.locator('.shared-scores').getByText('Alex: CSI-4 16').waitFor();
      await screenshot(b.page, 'measures-b-progress');

      assertNoPageProblems(a.problems, 'A');
      assertNoPageProblems(b.problems, 'B');
    },
  },
];
