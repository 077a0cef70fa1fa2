#!/usr/bin/env node
// Lints docs/openapi.yaml with Spectral and Redocly CLI, each with its recommended rules
// (.spectral.yaml, redocly.yaml; the few exceptions are explained there). Any warning of
// either fails: Spectral with --fail-severity=warn, Redocly through recommended-strict.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const spec = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(here, '../../docs/openapi.yaml');
const bin = (name) => path.join(here, 'node_modules/.bin', name);
// Neither tool may reach out: no telemetry, no update checks.
const env = {
  ...process.env,
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  SCARF_ANALYTICS: 'false',
  DO_NOT_TRACK: '1',
};

function run(label, cmd, args) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: here, env, encoding: 'utf8' });
  // Redocly prints a boxed notice about Node 20 on every run; it says nothing about the file.
  const output = `${r.stdout}${r.stderr}`
    .split('\n')
    .filter((l) => !/[╔╚║]/.test(l))
    .join('\n')
    .trim();
  const ok = r.status === 0;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label} (${Date.now() - started} ms)`);
  if (!ok || process.env.VERBOSE) console.log(output.split('\n').map((l) => `     ${l}`).join('\n'));
  return ok;
}

const results = [
  run('spectral lint (spectral:oas)', bin('spectral'), [
    'lint',
    '--ruleset',
    path.join(here, '.spectral.yaml'),
    '--fail-severity=warn',
    spec,
  ]),
  run('redocly lint (recommended-strict)', bin('redocly'), [
    'lint',
    '--config',
    path.join(here, 'redocly.yaml'),
    '--format=stylish',
    spec,
  ]),
];
const failed = results.filter((ok) => !ok).length;
console.log(`openapi lint: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
