// Shared helpers for the end-to-end tests: start an attune server on a free loopback port
// with a fresh data dir (server.mjs), launch Debian's Chromium through playwright-core with
// a fresh profile, and clean everything up afterwards (also on failure).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import {
  artifactsDir,
  onCleanup,
  repoRoot,
  runCleanups as runServerCleanups,
  tempDir,
} from './server.mjs';

export {
  artifactsDir,
  freePort,
  onCleanup,
  repoRoot,
  serverCommand,
  serverLogTails,
  startServer,
} from './server.mjs';

const requireFromWeb = createRequire(path.join(repoRoot, 'web/package.json'));
const { chromium } = requireFromWeb('playwright-core');

const openPages = [];

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

export async function runCleanups() {
  openPages.length = 0;
  await runServerCleanups();
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
