// axe (WCAG 2.2 A/AA) on the screens this work touched, in light and dim: home with the
// introduction, first steps and a waiting request, the invitation link with its QR code, the
// join screen, the boundary map paged and one item at a time, an exercise listing what still
// needs to be mutual, the intake delete confirmation, and the practice with its cue choices,
// running and paused.
import { assert, launchBrowser, uniqueEmail } from './lib/harness.mjs';
import { collectViolations as check, setDim } from './lib/axe.mjs';
import { createRelationship, openSection, signUp } from './lib/flows.mjs';
import { twoPartnersWithSignedAgreement } from './lib/scenarios.mjs';

const title = (page, name) => page.locator('.practice-title', { hasText: name });

export const tests = [
  {
    name: 'the touched screens have no WCAG A/AA violations (light and dim)',
    run: async () => {
      const { baseUrl, a, b } = await twoPartnersWithSignedAgreement();
      const found = [];
      const rid = new URL(a.page.url()).pathname.split('/')[2];
      const agreementUrl = a.page.url();
      const cai = await launchBrowser();
      await signUp(cai.page, baseUrl, { email: uniqueEmail('cai'), name: 'Cai' });
      for (const dim of [false, true]) {
        const theme = dim ? 'dim' : 'light';
        const page = a.page;
        await page.goto(`${baseUrl}/`);
        await page.getByRole('heading', { name: 'Your relationships' }).waitFor();
        await setDim(page, dim);
        await check(page, `home with the introduction (${theme})`, found);
        await page.goto(`${baseUrl}/r/${rid}`);
        await page.getByRole('button', { name: 'Create an invitation code' }).click();
        await page.getByRole('img', { name: 'QR code of the invitation link' }).waitFor();
        await check(page, `relationship with an invitation (${theme})`, found);
        const link = await page.getByTestId('invite-link').inputValue();

        await setDim(cai.page, dim);
        await cai.page.goto(link);
        await cai.page.getByRole('heading', { name: 'An invitation' }).waitFor();
        await check(cai.page, `join (${theme})`, found);
        if (!dim) {
          await cai.page.getByRole('button', { name: 'Join', exact: true }).click();
          await cai.page.getByText("You'll join as soon as").waitFor();
        }
        await cai.page.goto(`${baseUrl}/`);
        await cai.page.getByTestId('join-requests').waitFor();
        await cai.page.getByRole('button', { name: 'Skip the introduction' }).click().catch(() => {});
        await check(cai.page, `home with a waiting request and first steps (${theme})`, found);

        await page.goto(`${baseUrl}/r/${rid}/boundaries`);
        await page.getByTestId('answered-progress').waitFor();
        await check(page, `boundary map (${theme})`, found);
        await page.getByRole('button', { name: 'Answer one at a time' }).click();
        await page.locator('.one-at-a-time .item-answer').waitFor();
        await check(page, `boundary map, one at a time (${theme})`, found);

        await page.goto(`${baseUrl}/r/${rid}/exercises/soft-gaze`);
        await page.getByTestId('mutual-needs').waitFor();
        await check(page, `exercise with what still needs to be mutual (${theme})`, found);

        await page.goto(`${baseUrl}/r/${rid}/intake`);
        await page.locator('textarea[name^="new-"]').first().fill(`A note (${theme})`);
        await page.getByRole('button', { name: 'Save', exact: true }).first().click();
        const entry = page.locator('.intake-entry', { hasText: `A note (${theme})` });
        await entry.getByRole('button', { name: 'Delete' }).click();
        await entry.getByRole('button', { name: 'Keep it' }).waitFor();
        await check(page, `intake, confirming a delete (${theme})`, found);
      }

      // The practice, dim still on for Alex: waiting with the cue choices open, running, paused.
      await a.page.goto(agreementUrl);
      await a.page.getByRole('button', { name: 'Open the practice' }).click();
      await title(a.page, 'Ready?').waitFor();
      await a.page.getByText('Sound, vibration and spoken guidance').click();
      await check(a.page, 'practice waiting, cue choices (dim)', found);
      await a.page.getByRole('button', { name: "I'm ready" }).click();
      await b.page.goto(agreementUrl);
      await b.page.getByRole('button', { name: 'Join the open practice' }).click();
      await b.page.getByRole('button', { name: "I'm ready" }).click();
      await title(a.page, 'Settle in').waitFor();
      await check(a.page, 'practice running (dim)', found);
      await check(b.page, 'practice running (light)', found);
      await a.page.getByRole('button', { name: /^Pause/ }).click();
      await title(a.page, 'Paused').waitFor();
      await title(b.page, 'Paused').waitFor();
      await check(a.page, 'practice paused (dim)', found);
      await check(b.page, 'practice paused (light)', found);
      await a.page.goto(agreementUrl);
      await a.page.getByText('A practice is open on this agreement').waitFor();
      await check(a.page, 'agreement with an open practice (dim)', found);
      assert(found.length === 0, `no violations:\n${found.join('\n')}`);
    },
  },
];
