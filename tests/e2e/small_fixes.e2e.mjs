// The smaller things a new couple tripped over: at 320 px with 200 % text the top bar never
// overlaps; leaving puts "Stay" first; deleting an intake entry asks first; an old error on
// the agreement form clears once the form changes; "What changed" comes before signing a new
// version; pressing Pause before the start says it takes back your "ready".
import { assert } from './lib/harness.mjs';
import { assertNoPageProblems, createRelationship, openSection } from './lib/flows.mjs';
import { signedUp, twoPartnersWithSignedAgreement } from './lib/scenarios.mjs';
import { startServer } from './lib/harness.mjs';

const overlap = (p, q) => p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;

export const tests = [
  {
    name: '320 px at 200 % text, leaving, and deleting an intake entry',
    run: async () => {
      const { baseUrl } = await startServer();
      const a = await signedUp(baseUrl, 'Alex', { viewport: { width: 320, height: 640 } });
      const { page } = a;
      await createRelationship(page, 'Our quiet space');
      await page.evaluate(() => {
        document.documentElement.style.fontSize = '225%';
      });
      const parts = [];
      for (const selector of ['.topbar .brand', '.topbar .support-link', '.topbar .quick-exit']) {
        parts.push([selector, await page.locator(selector).boundingBox()]);
      }
      for (let i = 0; i < parts.length; i++) {
        for (let j = i + 1; j < parts.length; j++) {
          assert(!overlap(parts[i][1], parts[j][1]), `${parts[i][0]} and ${parts[j][0]} do not overlap`);
        }
        assert(parts[i][1].x >= 0 && parts[i][1].x + parts[i][1].width <= 320, `${parts[i][0]} stays on screen`);
      }
      const bar = await page.locator('.topbar').boundingBox();
      const title = await page.locator('h1').boundingBox();
      assert(title.y >= bar.y + bar.height, 'the heading starts below the top bar');
      await page.evaluate(() => {
        document.documentElement.style.fontSize = '';
      });

      // Leaving deletes answers: "Stay" is the prominent choice.
      await page.getByRole('button', { name: 'Leave this relationship' }).click();
      const leave = page.getByRole('group', { name: 'Confirm leaving' });
      assert(!(await leave.getByRole('button', { name: 'Yes, leave' }).getAttribute('class'))?.includes('primary'), '"Yes, leave" is not primary');
      assert((await leave.getByRole('button', { name: 'Stay' }).getAttribute('class'))?.includes('primary'), '"Stay" is primary');
      await leave.getByRole('button', { name: 'Stay' }).click();

      // Deleting an intake entry asks first, and "Keep it" keeps it.
      await openSection(page, /Hurts, safety and wishes/);
      await page.getByRole('heading', { name: 'Hurts, safety and wishes' }).waitFor();
      const field = page.locator('textarea[name^="new-"]').first();
      await field.fill('A slow walk helps me settle.');
      await page.getByRole('button', { name: 'Save', exact: true }).first().click();
      const entry = page.locator('.intake-entry', { hasText: 'A slow walk helps me settle.' });
      await entry.waitFor();
      await entry.getByRole('button', { name: 'Delete' }).click();
      await entry.getByRole('button', { name: 'Keep it' }).click();
      assert(await entry.isVisible(), 'kept');
      await entry.getByRole('button', { name: 'Delete' }).click();
      await entry.getByRole('button', { name: 'Yes, delete it' }).click();
      await entry.waitFor({ state: 'detached' });
      assertNoPageProblems(a.problems, 'A');
    },
  },
  {
    name: 'form errors clear, "What changed" before signing, and a pause before the start says what it does',
    run: async () => {
      const { a } = await twoPartnersWithSignedAgreement();
      const { page } = a;
      await page.getByRole('button', { name: 'Change the agreement' }).click();
      await page.getByLabel('Pause word').fill('');
      await page.getByRole('button', { name: 'Save as a new version' }).click();
      await page.getByText('Please choose a pause word.').waitFor();
      await page.getByLabel('Pause word').fill('cedar');
      await page.getByText('Please choose a pause word.').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Save as a new version' }).click();
      const sign = page.getByRole('button', { name: 'Sign version 2' });
      await sign.waitFor();
      const changed = await page.getByRole('heading', { name: 'What changed' }).boundingBox();
      assert(changed.y < (await sign.boundingBox()).y, '"What changed" comes before "Sign version 2"');
      await sign.click();
      await page.getByText('1 of 2 signed').waitFor();
      assertNoPageProblems(a.problems, 'A');
    },
  },
  {
    name: 'pressing Pause before the start says it takes back your "ready"',
    run: async () => {
      const { a } = await twoPartnersWithSignedAgreement();
      const { page } = a;
      await page.getByRole('button', { name: 'Open the practice' }).click();
      await page.getByRole('button', { name: "I'm ready" }).click();
      await page.getByText('Pressing Pause now takes back your “ready”.').waitFor();
      await page.getByRole('button', { name: /^Pause/ }).click();
      await page.getByText('your “ready” is taken back').waitFor();
      await page.getByTestId('ready-count').getByText('0 of 2 ready').waitFor();
      await page.getByRole('button', { name: "I'm ready" }).waitFor();
      assertNoPageProblems(a.problems, 'A');
    },
  },
];
