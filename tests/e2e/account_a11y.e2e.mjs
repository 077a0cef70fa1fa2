// Accessibility of the account and recovery screens (issue 11 item 5): axe-core's WCAG 2.2
// A/AA rules in the light and the dim theme, on the account screen with two devices, a new
// recovery code and the deletion question open, and on the logged-out recovery screens.
import { assert, launchBrowser, startServer, uniqueEmail } from './lib/harness.mjs';
import { collectViolations as check, setDim } from './lib/axe.mjs';
import { PASSWORD, logIn, logOut } from './lib/flows.mjs';
import { signedUp } from './lib/scenarios.mjs';

export const tests = [
  {
    name: 'the account screen has no WCAG A/AA violations (light and dim)',
    run: async () => {
      const { baseUrl } = await startServer();
      const { page, email } = await signedUp(baseUrl, 'Sam');
      const other = await launchBrowser();
      await logIn(other.page, baseUrl, email);
      const found = [];
      for (const dim of [false, true]) {
        const theme = dim ? 'dim' : 'light';
        await page.goto(`${baseUrl}/account`);
        await page.getByRole('heading', { name: 'Your account' }).waitFor();
        await setDim(page, dim);
        await page.getByTestId('session-list').getByRole('listitem').filter({ hasText: 'Another device' }).waitFor();
        await check(page, `account (${theme})`, found);
        await page.getByLabel('Your password, to make a new code').fill(PASSWORD);
        await page.getByRole('button', { name: 'Make a new recovery code' }).click();
        await page.getByRole('heading', { name: 'Your recovery code' }).waitFor();
        await check(page, `account, a new recovery code (${theme})`, found);
        await page.getByRole('button', { name: 'I have kept it' }).click();
        await page.getByLabel('Your password, to delete the account').fill(PASSWORD);
        await page.getByRole('button', { name: 'Delete my account…' }).click();
        await page.getByRole('group', { name: 'Confirm deleting the account' }).waitFor();
        await check(page, `account, the deletion question (${theme})`, found);
        await page.getByRole('button', { name: 'Keep my account' }).click();
        await page.getByLabel('Current password').fill('not the password at all');
        await page.getByLabel('New password').fill('another long password');
        await page.getByRole('button', { name: 'Change the password' }).click();
        await page.locator('[role="alert"], .status-error').filter({ hasText: /./ }).first().waitFor();
        await check(page, `account, a refused password change (${theme})`, found);
      }
      assert(found.length === 0, `no violations:\n${found.join('\n')}`);
    },
  },
  {
    name: 'the recovery screens have no WCAG A/AA violations (light and dim)',
    run: async () => {
      const { baseUrl } = await startServer();
      const { page } = await launchBrowser();
      const found = [];
      for (const dim of [false, true]) {
        const theme = dim ? 'dim' : 'light';
        await page.goto(`${baseUrl}/signup`);
        await page.getByRole('heading', { name: 'Create your account' }).waitFor();
        await setDim(page, dim);
        await page.getByLabel('Email').fill(uniqueEmail(`robin-${theme}`));
        await page.getByLabel('Password').fill(PASSWORD);
        await page.getByLabel('The name others will see').fill('Robin');
        await page.getByLabel('I confirm that I am 18 or older.').check();
        await page.getByRole('button', { name: 'Create account' }).click();
        await page.getByRole('heading', { name: 'Your recovery code' }).waitFor();
        await check(page, `sign-up, the recovery code (${theme})`, found);
        await page.getByRole('button', { name: 'I have kept it' }).click();
        await page.getByRole('heading', { name: 'Your relationships' }).waitFor();
        await logOut(page);
        await page.getByRole('link', { name: 'Forgot password?' }).click();
        await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
        await check(page, `forgot password (${theme})`, found);
        await page.getByLabel('Email').fill('nobody@example.test');
        await page.getByLabel('Recovery code').fill('AAAA-BBBB-CCCC-DDDD-EEEE');
        await page.getByLabel('New password').fill('another long password');
        await page.getByRole('button', { name: 'Set the new password' }).click();
        await page.locator('[role="alert"], .status').filter({ hasText: /./ }).first().waitFor();
        await check(page, `forgot password, refused (${theme})`, found);
        await page.goto(`${baseUrl}/reset/not-a-real-token`);
        await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
        await check(page, `reset by link (${theme})`, found);
      }
      assert(found.length === 0, `no violations:\n${found.join('\n')}`);
    },
  },
];
