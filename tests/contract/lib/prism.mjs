// Prism (from @stoplight/prism-cli) as a validating proxy in front of the real server, on a
// free loopback port, stopped at clean-up. Every answer that passes through it is checked
// against docs/openapi.yaml; violations come back in the `sl-violations` header. With
// --errors Prism refuses a request the description forbids (401/422, never forwarded) and
// turns an answer the description forbids into its own 500.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, onCleanup, stopProcess, track } from '../../e2e/lib/server.mjs';
import { specPath } from './spec.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const prismBin = path.resolve(here, '../node_modules/.bin/prism');

export async function startPrism({ upstream, errors, logDir }) {
  if (!fs.existsSync(prismBin)) throw new Error(`no ${prismBin}: run scripts/bootstrap`);
  const port = await freePort();
  const args = ['proxy', specPath, upstream, '--host', '127.0.0.1', '--port', String(port)];
  if (errors) args.push('--errors');
  const child = track(
    spawn(prismBin, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DO_NOT_TRACK: '1', SCARF_ANALYTICS: 'false' },
    }),
  );
  const logPath = path.join(logDir, `prism-${errors ? 'errors' : 'report'}-${port}.log`);
  fs.mkdirSync(logDir, { recursive: true });
  const log = fs.createWriteStream(logPath);
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  child.on('close', () => log.end());
  let exited = false;
  child.on('exit', () => (exited = true));
  onCleanup(() => stopProcess(child, 3000));

  let listening = false;
  child.stdout.on('data', (chunk) => {
    if (String(chunk).includes('Prism is listening')) listening = true;
  });
  const started = Date.now();
  while (Date.now() - started < 60000) {
    if (exited) throw new Error(`prism exited early; see ${logPath}`);
    if (listening) return { baseUrl: `http://127.0.0.1:${port}`, logPath, errors };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`prism did not start; see ${logPath}`);
}
