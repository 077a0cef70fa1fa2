// First use: a short introduction to the method that can be read through or skipped, then a
// path of first steps; neither comes back once dismissed.
import { assert, startServer } from './lib/harness.mjs';
import { assertNoPageProblems, createRelationship } from './lib/flows.mjs';
import { signedUp } from './lib/scenarios.mjs';

export const tests = [
  {
    name: 'the introduction covers the method, can be skipped, and gives way to first steps',
    run: async () => {
      const { baseUrl } = await startServer();
      const a = await signedUp(baseUrl, 'Alex');
      const { page } = a;
      const intro = page.locator('.intro');
      await intro.getByRole('heading', { name: 'What attune is for' }).waitFor();
      for (const next of ['Anything can be declined', 'The pause', 'How a “no” stays private']) {
        await intro.getByRole('button', { name: 'Next' }).click();
        await intro.getByRole('heading', { name: next }).waitFor();
      }
      await intro.getByRole('button', { name: 'Done' }).click();
      await page.getByRole('heading', { name: 'First steps' }).waitFor();
      await createRelationship(page, 'Our quiet space');
      await page.getByRole('link', { name: '← Your relationships' }).click();
      await page.getByRole('link', { name: 'Answer your boundary map' }).click();
      await page.getByRole('heading', { name: 'Boundary map' }).waitFor();
      await page.goBack();
      await page.getByRole('button', { name: 'Hide first steps' }).click();
      await page.reload();
      await page.getByRole('heading', { name: 'Your relationships' }).waitFor();
      assert((await page.locator('.intro, .first-steps').count()) === 0, 'neither comes back once dismissed');

      // Another person, another device: skipping at the first page is enough.
      const b = await signedUp(baseUrl, 'Bo');
      await b.page.getByRole('button', { name: 'Skip the introduction' }).click();
      await b.page.getByRole('heading', { name: 'First steps' }).waitFor();
      assert((await b.page.locator('.intro').count()) === 0, 'skipped');
      assertNoPageProblems(a.problems, 'A');
      assertNoPageProblems(b.problems, 'B');
    },
  },
];
