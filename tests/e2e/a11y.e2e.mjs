// Accessibility: axe-core's WCAG 2.2 A/AA rules on every main screen, in the light and the
// dim theme, including the live practice in each of its states.
import { assert, launchBrowser, startServer } from './lib/harness.mjs';
import { collectViolations as check, setDim } from './lib/axe.mjs';
import { twoPartnersWithSignedAgreement } from './lib/scenarios.mjs';

const practiceTitle = (page, name) => page.locator('.practice-title', { hasText: name });

export const tests = [
  {
    name: 'logged-out screens have no WCAG A/AA violations (light and dim)',
    run: async () => {
      const { baseUrl } = await startServer();
      const { page } = await launchBrowser();
      const found = [];
      for (const dim of [false, true]) {
        const theme = dim ? 'dim' : 'light';
        await page.goto(`${baseUrl}/#/login`);
        await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
        await setDim(page, dim);
        await check(page, `login (${theme})`, found);
        await page.goto(`${baseUrl}/#/signup`);
        await page.getByRole('heading', { name: 'Create your account' }).waitFor();
        await check(page, `sign-up (${theme})`, found);
        await page.getByRole('link', { name: 'Support & safety' }).click();
        await page.getByRole('heading', { name: 'Support & safety' }).waitFor();
        await check(page, `support (${theme})`, found);
      }
      assert(found.length === 0, `no violations:\n${found.join('\n')}`);
    },
  },
  {
    name: 'relationship screens and the live practice have no WCAG A/AA violations (light and dim)',
    run: async () => {
      const { a, b } = await twoPartnersWithSignedAgreement();
      const page = a.page;
      const found = [];
      const agreementUrl = page.url();
      for (const dim of [false, true]) {
        const theme = dim ? 'dim' : 'light';
        await page.goto(agreementUrl);
        await page.getByText('Signed by everyone').waitFor();
        await setDim(page, dim);
        await check(page, `agreement (${theme})`, found);
        await page.getByRole('link', { name: '← Agreements' }).click();
        await page.getByRole('button', { name: 'Draft an agreement' }).click();
        await page.locator('.agreement-form').getByText('Breathing together').waitFor();
        await check(page, `agreements + form (${theme})`, found);
        await page.getByRole('link', { name: '← Back to this relationship' }).click();
        await page.getByRole('link', { name: /Boundary map/ }).waitFor();
        await check(page, `relationship (${theme})`, found);
        for (const [link, heading] of [
          [/Boundary map/, 'Boundary map'],
          [/What we share/, 'What we share'],
          [/Hurts, safety and wishes/, 'Hurts, safety and wishes'],
        ]) {
          await page.getByRole('link', { name: link }).click();
          await page.getByRole('heading', { name: heading }).waitFor();
          await check(page, `${heading} (${theme})`, found);
          await page.getByRole('link', { name: '← Back to this relationship' }).click();
        }
        await page.getByRole('link', { name: 'attune' }).click();
        await page.getByRole('heading', { name: 'Your relationships' }).waitFor();
        await check(page, `home (${theme})`, found);
      }

      // The practice in each state, dim theme still on for A.
      await page.goto(agreementUrl);
      await page.getByRole('button', { name: 'Open the practice' }).click();
      await practiceTitle(page, 'Ready?').waitFor();
      await check(page, 'practice waiting (dim)', found);
      await page.getByRole('button', { name: "I'm ready" }).click();
      await b.page.getByRole('link', { name: '← Agreements' }).click();
      await b.page.getByRole('link', { name: /^Practice ·/ }).click();
      await b.page.getByRole('button', { name: "I'm ready" }).click();
      await practiceTitle(page, 'Settle in').waitFor();
      await check(page, 'practice running (dim)', found);
      await page.getByRole('button', { name: /^Pause/ }).click();
      await practiceTitle(page, 'Paused').waitFor();
      await check(page, 'practice paused (dim)', found);
      await setDim(page, false);
      await check(page, 'practice paused (light)', found);
      await page.getByRole('button', { name: 'End the practice' }).click();
      await page.getByRole('button', { name: 'Yes, end it' }).click();
      await practiceTitle(page, 'The practice has ended').waitFor();
      await check(page, 'practice ended (light)', found);

      // Last, because the server sets aside agreements naming the person who asks for help.
      for (const dim of [false, true]) {
        await setDim(page, dim);
        await page.getByRole('button', { name: 'I feel pressured' }).click();
        await page.getByRole('heading', { name: 'This is just for you' }).waitFor();
        await check(page, `pressured panel (${dim ? 'dim' : 'light'})`, found);
        await page.getByRole('button', { name: 'Close' }).click();
      }
      assert(found.length === 0, `no violations:\n${found.join('\n')}`);
    },
  },
];
