// Runs every tests/e2e/*.e2e.mjs (or the files named on the command line) one after
// another. Each file exports `tests` ([{name, run}]) or a default async function.
// The last line printed is "N passed, N failed"; the exit code is non-zero on failure.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runCleanups, screenshotOpenPages, serverCommand, serverLogTails } from './lib/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = (wanted.length ? wanted.map((f) => path.resolve(f)) : fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.e2e.mjs'))
  .sort()
  .map((f) => path.join(here, f)));

process.on('SIGINT', async () => {
  await runCleanups();
  process.exit(130);
});

const distIndex = path.join(here, '../../web/dist/index.html');
if (!fs.existsSync(distIndex)) {
  console.error('web/dist is missing: run `npm run build` in web/ first');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

fs.rmSync(path.join(here, 'artifacts'), { recursive: true, force: true });
console.log(`e2e: server = ${serverCommand().kind}`);
let passed = 0;
let failed = 0;
const suiteStart = Date.now();
for (const file of files) {
  const mod = await import(pathToFileURL(file).href);
  const tests = mod.tests ?? [{ name: path.basename(file), run: mod.default }];
  for (const t of tests) {
    const start = Date.now();
    try {
      await t.run();
      passed++;
      console.log(`ok   ${path.basename(file)} › ${t.name} (${Date.now() - start} ms)`);
    } catch (err) {
      failed++;
      console.log(`FAIL ${path.basename(file)} › ${t.name} (${Date.now() - start} ms)`);
      console.log(String(err?.stack ?? err).split('\n').map((l) => `     ${l}`).join('\n'));
      const shots = await screenshotOpenPages(`FAIL-${path.basename(file, '.e2e.mjs')}-${tests.indexOf(t)}`);
      if (shots.length) console.log(`     screenshots: ${shots.join(', ')}`);
      for (const tail of serverLogTails()) console.log(tail.split('\n').map((l) => `     | ${l}`).join('\n'));
    } finally {
      await runCleanups();
    }
  }
}
console.log(`e2e: total ${((Date.now() - suiteStart) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
