#!/usr/bin/env node
// Fails when src/generated/openapi.ts is not what `npm run gen:api` makes from
// docs/openapi.yaml today: the client's types must be the description's, never a stale copy.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const spec = path.resolve(web, '../docs/openapi.yaml');
const checkedIn = path.join(web, 'src/generated/openapi.ts');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-api-types-'));
const fresh = path.join(tmp, 'openapi.ts');
try {
  const bin = path.join(web, 'node_modules/.bin/openapi-typescript');
  const run = spawnSync(bin, [spec, '-o', fresh], { encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    console.error('check-api-types: openapi-typescript failed');
    process.exit(1);
  }
  const want = fs.readFileSync(fresh, 'utf8');
  const have = fs.existsSync(checkedIn) ? fs.readFileSync(checkedIn, 'utf8') : '';
  if (want !== have) {
    const a = have.split('\n');
    const b = want.split('\n');
    let line = 0;
    while (line < a.length && line < b.length && a[line] === b[line]) line++;
    console.error(
      `check-api-types: web/src/generated/openapi.ts is out of date with docs/openapi.yaml ` +
        `(first difference at line ${line + 1}:\n  checked in: ${a[line] ?? '(end)'}\n  generated:  ${b[line] ?? '(end)'}).\n` +
        `Run \`npm run gen:api\` in web/ and commit the result.`,
    );
    process.exit(1);
  }
  console.log('check-api-types: web/src/generated/openapi.ts matches docs/openapi.yaml');
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
