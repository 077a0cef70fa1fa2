// Real addresses for every screen: Back and reload return to where you were, a deep link
// survives logging in, the browser's tabs share one session (a new tab does not ask to log
// in, a log-out reaches every tab), the server answers client paths with the app but never
// /api/ paths, and quick exit leaves every tab so that Back shows nothing of the app.
import { assert, startServer } from './lib/harness.mjs';
import { PASSWORD, assertNoPageProblems, bodyText, createRelationship, openSection } from './lib/flows.mjs';
import { signedUp } from './lib/scenarios.mjs';

const path = (page) => new URL(page.url()).pathname;

export const tests = [
  {
    name: 'every screen has an address: Back, Forward, reload, a new tab and a deep link through log-in',
    run: async () => {
      const { baseUrl } = await startServer();
      const a = await signedUp(baseUrl, 'Alex');
      const { page } = a;
      await createRelationship(page, 'Our quiet space');
      const rid = path(page).split('/')[2];
      assert(path(page) === `/r/${rid}`, `the relationship has its address: ${path(page)}`);
      await openSection(page, /Boundary map/);
      await page.getByRole('heading', { name: 'Boundary map' }).waitFor();
      assert(path(page) === `/r/${rid}/boundaries`, `the boundary map has its address: ${path(page)}`);
      await page.reload();
      await page.getByRole('heading', { name: 'Boundary map' }).waitFor();

      await page.goBack();
      await page.getByRole('heading', { name: 'Our quiet space' }).waitFor();
      await page.goBack();
      await page.getByRole('heading', { name: 'Your relationships' }).waitFor();
      await page.goForward();
      await page.getByRole('heading', { name: 'Our quiet space' }).waitFor();

      // A second tab of the same browser shares the session: no log-in screen.
      const tab = await a.context.newPage();
      await tab.goto(`${baseUrl}/r/${rid}/intake`);
      await tab.getByRole('heading', { name: 'Hurts, safety and wishes' }).waitFor();
      assert(!(await bodyText(tab)).includes('Welcome back'), 'the new tab did not ask to log in');

      // Logging out in one tab logs out the other.
      await tab.getByRole('button', { name: 'Log out' }).click();
      await tab.getByRole('heading', { name: 'Welcome back' }).waitFor();
      await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
      await tab.close();

      // A deep link while logged out: log in first, then arrive where the link pointed.
      await page.goto(`${baseUrl}/r/${rid}/boundaries`);
      await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
      assert(path(page) === '/login', `the log-in screen has its address: ${path(page)}`);
      await page.getByLabel('Email').fill(a.email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('heading', { name: 'Boundary map' }).waitFor();
      assert(path(page) === `/r/${rid}/boundaries`, `back at the deep link: ${path(page)}`);

      // An old '#/…' bookmark still opens its screen, at its real address.
      await page.goto(`${baseUrl}/#/r/${rid}/intake`);
      await page.getByRole('heading', { name: 'Hurts, safety and wishes' }).waitFor();
      assert(path(page) === `/r/${rid}/intake` && !page.url().includes('#'), `adopted: ${page.url()}`);

      // The server answers a client path with the app, an unknown API path with JSON.
      const client = await fetch(`${baseUrl}/r/${rid}/agreements`);
      assert(client.status === 200 && client.headers.get('content-type').startsWith('text/html'), 'client path → the app');
      const api = await fetch(`${baseUrl}/api/v1/r/${rid}/agreements`);
      assert(api.status === 404 && api.headers.get('content-type').startsWith('application/json'), 'an API path is never the app');
      assertNoPageProblems(a.problems, 'A');
    },
  },
  {
    name: 'quick exit leaves every tab of the app, and Back shows nothing of it',
    run: async () => {
      const { baseUrl } = await startServer();
      const a = await signedUp(baseUrl, 'Alex');
      const { page } = a;
      await createRelationship(page, 'Our quiet space');
      const rid = path(page).split('/')[2];
      await openSection(page, /Hurts, safety and wishes/);
      await page.getByRole('heading', { name: 'Hurts, safety and wishes' }).waitFor();
      const tab = await a.context.newPage();
      await tab.goto(`${baseUrl}/r/${rid}/boundaries`);
      await tab.getByRole('heading', { name: 'Boundary map' }).waitFor();

      await page.getByRole('button', { name: /Quick exit/ }).click();
      await page.waitForURL(/weather\.html$/);
      await tab.waitForURL(/weather\.html$/);

      for (const p of [page, tab]) {
        for (let i = 0; i < 4; i++) {
          await p.goBack().catch(() => {});
          await p.waitForTimeout(400);
          const text = await bodyText(p).catch(() => '');
          assert(!/Our quiet space|Hurts, safety|Boundary map|Your relationships/.test(text), `Back shows nothing of the app: ${text.slice(0, 200)}`);
        }
      }
      // The server session ended too: the API refuses the cookie.
      const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status).catch(() => 401);
      assert(me === 401, `the session ended on the server (${me})`);
    },
  },
];
