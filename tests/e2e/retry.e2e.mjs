// A write whose answer is lost on the way back is sent again with the same Idempotency-Key,
// and the real server runs it once.
import { assert, startServer } from './lib/harness.mjs';
import { assertNoPageProblems, createRelationship } from './lib/flows.mjs';
import { signedUp } from './lib/scenarios.mjs';

export const tests = [
  {
    name: 'a write whose answer was lost is retried with its key and happens once',
    run: async () => {
      const { baseUrl } = await startServer();
      const { page, problems } = await signedUp(baseUrl, 'Robin');
      const keys = [];
      await page.route('**/api/v1/relationships', async (route) => {
        const request = route.request();
        if (request.method() !== 'POST') return route.continue();
        keys.push(request.headers()['idempotency-key']);
        if (keys.length > 1) return route.continue();
        // The server does the write; the browser never hears back.
        await route.fetch();
        return route.abort('connectionreset');
      });
      await createRelationship(page, 'Only once');
      assert(keys.length === 2, `the lost write was sent again (${keys.length} attempts)`);
      assert(keys[0] && keys[0] === keys[1], `with the same key (${keys.join(' / ')})`);

      const list = await page.evaluate(async () => (await fetch('/api/v1/relationships')).json());
      const named = list.relationships.filter((r) => r.name === 'Only once');
      assert(named.length === 1, `the relationship exists once (${named.length})`);
      assertNoPageProblems(problems);
    },
  },
];
