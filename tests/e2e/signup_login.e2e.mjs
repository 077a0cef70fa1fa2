// Sign-up, log-in, support resources, log-out and quick exit through Chromium.
import { assert, launchBrowser, screenshot, startServer, uniqueEmail } from './lib/harness.mjs';
import { assertNoPageProblems, logIn, logOut } from './lib/flows.mjs';
import { signedUp } from './lib/scenarios.mjs';

async function leftTheApp(page) {
  await page.waitForURL(/weather\.html$/, { timeout: 5000 });
  const text = await page.locator('body').innerText();
  assert(!/attune|relationship|partner/i.test(text), 'the neutral page says nothing about the app');
  assert((await page.title()) === 'Weather', 'neutral title');
  const key = await page.evaluate(() => Object.keys(sessionStorage).join(','));
  assert(key === '', `session storage is empty after quick exit (got "${key}")`);
}

// The keepalive log-out may land just after the page changed: wait up to 3 s.
async function sessionEnded(page, baseUrl) {
  let status = 0;
  for (let i = 0; i < 30 && status !== 401; i++) {
    status = await page.evaluate(async (url) => (await fetch(url, { credentials: 'include' })).status, `${baseUrl}/api/v1/me/export`);
    if (status !== 401) await page.waitForTimeout(100);
  }
  assert(status === 401, `quick exit ended the server session (export answered ${status})`);
}

export const tests = [
  {
    name: 'sign up, see the empty home, resources, log out and in again',
    run: async () => {
      const { baseUrl } = await startServer();
      const { page, problems, email } = await signedUp(baseUrl, 'Robin');
      assert((await page.title()) === 'attune', 'page title is neutral');
      await page.getByText("You don't have a shared space yet.").waitFor();
      await screenshot(page, 'home-empty');

      // The manual dim theme, remembered across a reload.
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const light = await background();
      await page.getByRole('button', { name: 'Dim theme' }).click();
      assert((await page.getByRole('button', { name: 'Dim theme' }).getAttribute('aria-pressed')) === 'true', 'toggle says it is on');
      await page.reload();
      await page.getByRole('heading', { name: 'Your relationships' }).waitFor();
      const dim = await background();
      assert(dim !== light && /rgb\(2\d, 2\d, 2\d\)/.test(dim), `dim background after reload (${light} → ${dim})`);
      await screenshot(page, 'home-dim');
      await page.getByRole('button', { name: 'Dim theme' }).click();

      await page.getByRole('link', { name: 'Support & safety' }).click();
      await page.getByRole('heading', { name: 'Support & safety' }).waitFor();
      const resources = await (await fetch(`${baseUrl}/api/v1/resources`)).json();
      await page.getByText(resources.entries[0].name, { exact: true }).waitFor();
      await screenshot(page, 'support');

      await page.getByRole('link', { name: 'attune' }).click();
      await logOut(page);
      // A reload after log-out stays logged out.
      await page.reload();
      await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
      await logIn(page, baseUrl, email);
      // A reload keeps the session (CSRF token survives in sessionStorage).
      await page.reload();
      await page.getByRole('heading', { name: 'Your relationships' }).waitFor();
      await screenshot(page, 'home-after-login');
      assertNoPageProblems(problems);
    },
  },
  {
    name: 'sign-up asks for the 18+ confirmation and a long enough password',
    run: async () => {
      const { baseUrl } = await startServer();
      const { page } = await launchBrowser();
      await page.goto(`${baseUrl}/#/signup`);
      await page.getByLabel('Email').fill(uniqueEmail('kai'));
      await page.getByLabel('Password').fill('short');
      await page.getByLabel('The name others will see').fill('Kai');
      await page.getByLabel('I confirm that I am 18 or older.').check();
      // The browser's own minlength check would block the submit; bypass it to see ours.
      await page.evaluate(() => document.querySelector('form')?.setAttribute('novalidate', ''));
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('alert').getByText('at least 10 characters', { exact: false }).waitFor();
      await page.getByLabel('Password').fill('long enough password');
      await page.getByLabel('I confirm that I am 18 or older.').uncheck();
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('alert').getByText('18 or older', { exact: false }).waitFor();
    },
  },
  {
    name: 'a dark system setting starts dim',
    run: async () => {
      const { baseUrl } = await startServer();
      const { page } = await launchBrowser({ colorScheme: 'dark' });
      await page.goto(`${baseUrl}/`);
      await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert(/rgb\(2\d, 2\d, 2\d\)/.test(bg), `dark system setting gives the dim theme (${bg})`);
      const dimOn = await page.getByRole('button', { name: 'Dim theme' }).getAttribute('aria-pressed');
      assert(dimOn === 'true', 'the toggle reflects the system setting');
      await screenshot(page, 'login-dim');
    },
  },
  {
    name: 'quick exit leaves the app (button and Escape twice)',
    run: async () => {
      const { baseUrl } = await startServer();
      const { page, problems, email } = await signedUp(baseUrl, 'Ash');
      await page.getByRole('button', { name: /Quick exit/ }).click();
      await leftTheApp(page);
      await screenshot(page, 'quick-exit');
      // The server session ended too: the same browser can no longer read the export.
      await sessionEnded(page, baseUrl);
      // The app is not one step back in history.
      if (await page.goBack().catch(() => null)) {
        assert(!page.url().startsWith(baseUrl + '/#') && page.url() !== `${baseUrl}/`, `back does not return to the app (${page.url()})`);
      }

      await logIn(page, baseUrl, email);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await leftTheApp(page);
      await sessionEnded(page, baseUrl);
      assertNoPageProblems(problems);
    },
  },
];
