// Shared helpers for the end-to-end tests: start an attune server on a free loopback port
// with a fresh data dir, launch Debian's Chromium through playwright-core with a fresh
// profile, and clean everything up afterwards (also on failure).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
export const artifactsDir = path.join(repoRoot, 'tests/e2e/artifacts');
const requireFromWeb = createRequire(path.join(repoRoot, 'web/package.json'));
const { chromium } = requireFromWeb('playwright-core');

const cleanups = [];
const openPages = [];
const serverLogs = [];

/** The last lines of each server log of the current test, for a failure report. */
export function serverLogTails(lines = 8) {
  return serverLogs.map((file) => {
    try {
      const text = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
      return `${path.basename(file)}:\n${text.slice(-lines).join('\n')}`;
    } catch {
      return `${path.basename(file)}: (unreadable)`;
    }
  });
}

/** Screenshots of every page still open, for a failed test. */
export async function screenshotOpenPages(prefix) {
  const files = [];
  for (const [i, page] of openPages.entries()) {
    try {
      if (!page.isClosed()) files.push(await screenshot(page, `${prefix}-${i}`));
    } catch {
      /* page may be gone */
    }
  }
  return files;
}

/** Registers something to undo after the current test, newest first. */
export function onCleanup(fn) {
  cleanups.push(fn);
}

export async function runCleanups() {
  openPages.length = 0;
  serverLogs.length = 0;
  while (cleanups.length) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (err) {
      console.error('cleanup failed:', err?.message ?? err);
    }
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function tempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The server under test: build/attune, or the binary named by ATTUNE_BIN. */
export function serverCommand() {
  const bin = process.env.ATTUNE_BIN || path.join(repoRoot, 'build/attune');
  if (!fs.existsSync(bin)) throw new Error(`no server binary at ${bin}: run \`make build\` first`);
  return { kind: 'attune', cmd: bin, pre: [] };
}

export async function startServer() {
  const port = await freePort();
  const dataDir = tempDir('attune-e2e-data-');
  const { kind, cmd, pre } = serverCommand();
  const args = [
    ...pre,
    'serve',
    '--listen',
    `127.0.0.1:${port}`,
    '--data-dir',
    dataDir,
    '--web-dir',
    path.join(repoRoot, 'web/dist'),
    '--content-dir',
    path.join(repoRoot, 'content'),
    '--insecure-fast-password-hashing',
  ];
  const child = spawn(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const logPath = path.join(artifactsDir, `server-${port}.log`);
  fs.mkdirSync(artifactsDir, { recursive: true });
  const log = fs.createWriteStream(logPath);
  serverLogs.push(logPath);
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  child.on('close', () => log.end());
  let exited = false;
  child.on('exit', () => (exited = true));
  onCleanup(
    () =>
      new Promise((resolve) => {
        if (exited) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  );

  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  let listening = false;
  child.stdout.on('data', (chunk) => {
    if (String(chunk).includes('attune listening on')) listening = true;
  });
  while (Date.now() - started < 30000) {
    if (exited) throw new Error(`server exited early; see ${logPath}`);
    if (listening) {
      try {
        const r = await fetch(`${baseUrl}/healthz`);
        if (r.ok) return { baseUrl, kind, port };
      } catch {
        /* not yet */
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not become healthy; see ${logPath}`);
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh Chromium profile (one per person); returns its first page. */
export async function launchBrowser(options = {}) {
  const profile = tempDir('attune-e2e-profile-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
    viewport: { width: 420, height: 860 },
    ...options,
  });
  onCleanup(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10000);
  openPages.push(page);
  const problems = [];
  page.on('console', (msg) => {
    // Failed API calls are reported by the response hook below, with their URL.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
      problems.push(msg.text());
    }
  });
  page.on('response', (r) => {
    if (r.status() === 404 && !new URL(r.url()).pathname.startsWith('/api/')) {
      problems.push(`404 for ${r.url()}`);
    }
  });
  page.on('pageerror', (err) => problems.push(String(err)));
  // Every write the client sends must be safe to retry (web/src/transport.ts).
  page.on('request', (r) => {
    const { pathname } = new URL(r.url());
    if (pathname.startsWith('/api/') && r.method() !== 'GET' && !r.headers()['idempotency-key']) {
      problems.push(`${r.method()} ${pathname} without an Idempotency-Key`);
    }
  });
  return { context, page, problems };
}

export async function screenshot(page, name) {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export function assert(cond, message) {
  if (!cond) throw new Error(`assertion failed: ${message}`);
}

export function uniqueEmail(who) {
  return `${who}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
}
