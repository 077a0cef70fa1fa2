// The exercise library: stages from the gentlest, one exercise in full; and who starts
// alternates: the next agreement drafted for the same two people proposes the other order.
import { axeViolations, describeViolations } from './lib/axe.mjs';
import { assert, screenshot } from './lib/harness.mjs';
import { answerItems, assertNoPageProblems, backToRelationship, openSection } from './lib/flows.mjs';
import { twoPartners } from './lib/scenarios.mjs';

async function draftArrivingTogether(page) {
  await page.getByRole('button', { name: 'Draft an agreement' }).click();
  await page.getByLabel('Exercise').selectOption('arriving-together');
  await page.getByLabel('Pause word').fill('amber');
}

/** Waits until `name` is first in the form's role order (the proposal arrives after the form). */
async function waitForFirstGiver(page, name) {
  await page.waitForFunction(
    (who) => document.querySelector('.role-order li')?.textContent?.trim().startsWith(who),
    name,
  );
}

async function saveAndReturn(page) {
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByRole('heading', { name: 'Version 1' }).waitFor();
  await page.getByRole('link', { name: '← Agreements' }).click();
}

export const tests = [
  {
    name: 'the library by stage, one exercise in full, and the role order taking turns',
    run: async () => {
      const { a, b } = await twoPartners('Our practice');
      await a.page.reload();
      await a.page.locator('.members').getByText('Bo').waitFor();
      for (const person of [a, b]) {
        await openSection(person.page, /Boundary map/);
        await answerItems(person.page, { 'Quiet company': 'yes', 'Breathing together': 'yes' });
        await backToRelationship(person.page);
      }

      // The library, grouped by stage, and one exercise with its steps, roles and needs.
      await openSection(a.page, /Agreements and practice/);
      await a.page.getByRole('link', { name: 'Browse the exercise library' }).click();
      await a.page.getByRole('heading', { name: 'Exercise library' }).waitFor();
      for (let stage = 1; stage <= 5; stage++) {
        await a.page.getByRole('heading', { name: new RegExp(`^Stage ${stage} · `) }).waitFor();
      }
      const libraryViolations = await axeViolations(a.page);
      assert(libraryViolations.length === 0, describeViolations('exercise library', libraryViolations));
      await a.page.getByRole('link', { name: /Exploring hands/ }).click();
      await a.page.getByRole('heading', { name: 'Exploring hands' }).waitFor();
      await a.page.getByText('Stage 1 · Presence').waitFor();
      await a.page.getByRole('heading', { name: 'Steps' }).waitFor();
      const steps = a.page.locator('.exercise-steps > li');
      assert((await steps.count()) === 5, 'every step is listed');
      assert((await steps.nth(2).innerText()).includes('In turns: one gives, one receives'), 'a turn names its roles');
      assert((await steps.nth(2).innerText()).includes('4 min'), 'a step shows its length');
      await a.page.getByRole('heading', { name: 'What it needs in scope' }).waitFor();
      await a.page.locator('.exercise-detail li').filter({ hasText: 'Hands' }).first().waitFor();
      await screenshot(a.page, 'exercises-detail');
      const violations = await axeViolations(a.page);
      assert(violations.length === 0, describeViolations('exercise detail', violations));

      // The first draft: nothing earlier, so Alex (drafting) starts; no note is shown.
      await a.page.getByRole('link', { name: '← Agreements' }).click();
      await draftArrivingTogether(a.page);
      await waitForFirstGiver(a.page, 'Alex'); // with no earlier agreement, the drafter starts
      assert((await a.page.locator('.role-order-note').count()) === 0, 'no note without an earlier agreement');
      await saveAndReturn(a.page);

      // The next draft for the same two proposes the other order, and says so gently.
      await draftArrivingTogether(a.page);
      await a.page.getByText('Last time you started; this time Bo is proposed to start — you can change it.').waitFor();
      await waitForFirstGiver(a.page, 'Bo');
      await screenshot(a.page, 'exercises-role-order-flipped');
      await saveAndReturn(a.page);

      // And back again the time after, as Bo sees it too.
      await openSection(b.page, /Agreements and practice/);
      await draftArrivingTogether(b.page);
      await b.page.getByText('Last time you started; this time Alex is proposed to start — you can change it.').waitFor();
      await waitForFirstGiver(b.page, 'Alex');

      assertNoPageProblems(a.problems, 'A');
      assertNoPageProblems(b.problems, 'B');
    },
  },
];
