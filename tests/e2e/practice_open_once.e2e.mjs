// One open practice per agreement, in two browsers: both partners tap "Open the practice" at
// the same moment and land on the same practice, which starts once both are ready; a
// partner who comes later to the agreement is offered that practice rather than a new one.
import { assert } from './lib/harness.mjs';
import { assertNoPageProblems } from './lib/flows.mjs';
import { twoPartnersWithSignedAgreement } from './lib/scenarios.mjs';

const heading = (page, name) => page.locator('.practice-title', { hasText: name });
const practiceId = (page) => new URL(page.url()).pathname.split('/').pop();

export const tests = [
  {
    name: 'both tap "Open the practice" at once: one practice, both in it, it starts when both are ready',
    run: async () => {
      const { a, b } = await twoPartnersWithSignedAgreement();
      await b.page.reload();
      await b.page.getByText('Signed by everyone').waitFor();
      await Promise.all([
        a.page.getByRole('button', { name: 'Open the practice' }).click(),
        b.page.getByRole('button', { name: 'Open the practice' }).click(),
      ]);
      await heading(a.page, 'Ready?').waitFor();
      await heading(b.page, 'Ready?').waitFor();
      assert(/\/practice\/[^/]+$/.test(new URL(a.page.url()).pathname), `a practice address: ${a.page.url()}`);
      assert(practiceId(a.page) === practiceId(b.page), 'both opened the same practice');

      await a.page.getByRole('button', { name: "I'm ready" }).click();
      await b.page.getByTestId('ready-count').getByText('1 of 2 ready').waitFor();
      await b.page.getByRole('button', { name: "I'm ready" }).click();
      await heading(a.page, 'Settle in').waitFor();
      await heading(b.page, 'Settle in').waitFor();

      // Coming back to the agreement offers the open practice, and opening joins it.
      await b.page.goBack();
      await b.page.getByText('A practice is open on this agreement').waitFor();
      await b.page.getByRole('button', { name: 'Join the open practice' }).click();
      await heading(b.page, 'Settle in').waitFor();
      assert(practiceId(a.page) === practiceId(b.page), 'joining again finds the same practice');
      assertNoPageProblems(a.problems, 'A');
      assertNoPageProblems(b.problems, 'B');
    },
  },
];
