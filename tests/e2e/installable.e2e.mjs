// Installable: a web manifest and a service worker that keeps the client shell only. An API
// answer is never stored nor answered from the cache: the same GET gives a fresh answer after
// a change, and no cache holds anything under /api/.
import { assert, startServer } from './lib/harness.mjs';
import { assertNoPageProblems, createRelationship } from './lib/flows.mjs';
import { signedUp } from './lib/scenarios.mjs';

export const tests = [
  {
    name: 'a manifest, a service worker keeping the shell, and never an API response from the cache',
    run: async () => {
      const { baseUrl } = await startServer();
      const a = await signedUp(baseUrl, 'Alex');
      const { page } = a;
      const href = await page.locator('link[rel="manifest"]').getAttribute('href');
      const manifest = await (await fetch(`${baseUrl}${href}`)).json();
      assert(manifest.name === 'attune' && manifest.display === 'standalone' && manifest.start_url === '/', 'a neutral, standalone manifest');

      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.reload();
      await page.getByRole('heading', { name: 'Your relationships' }).waitFor();
      assert(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the service worker controls the page');

      const names = () => page.evaluate(async () => (await (await fetch('/api/v1/relationships')).json()).relationships.map((r) => r.name));
      assert((await names()).length === 0, 'no relationship yet');
      await createRelationship(page, 'Our quiet space');
      assert((await names()).includes('Our quiet space'), 'the same GET answers fresh after a change');

      const kept = await page.evaluate(async () => {
        const urls = [];
        for (const name of await caches.keys()) {
          for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
        }
        return urls;
      });
      assert(kept.includes('/'), `the shell is kept: ${kept}`);
      assert(kept.some((u) => u.startsWith('/assets/')), `its scripts are kept: ${kept}`);
      assert(!kept.some((u) => u.startsWith('/api/')), `no API response is kept: ${kept}`);

      // Logged out, the same API read is refused: nothing answers it from a cache.
      await page.getByRole('button', { name: 'Log out' }).click();
      await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
      const status = await page.evaluate(async () => (await fetch('/api/v1/relationships')).status);
      assert(status === 401, `after log-out the API says 401, not a cached 200 (${status})`);
      assertNoPageProblems(a.problems, 'A');
    },
  },
];
