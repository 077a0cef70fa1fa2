// A throwaway attune server for tests that talk to the real binary: a free loopback port,
// a fresh data dir, cheap password hashing, and clean-up (also on failure). Used by the
// end-to-end tests (through harness.mjs) and by the contract flow (tests/contract/).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
export const artifactsDir = path.join(repoRoot, 'tests/e2e/artifacts');

const cleanups = [];
const serverLogs = [];

// A last resort for a run that dies without its clean-ups (an uncaught error, a closed
// stdout): on exit, synchronously kill what is still running and remove the temp dirs.
const liveChildren = new Set();
const liveDirs = new Set();
process.once('exit', () => {
  for (const child of liveChildren) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  for (const dir of liveDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Kills `child` at exit should the clean-ups never run. */
export function track(child) {
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
  return child;
}

/** Registers something to undo after the current test, newest first. */
export function onCleanup(fn) {
  cleanups.push(fn);
}

/** Runs (and forgets) every registered clean-up, newest first; one failing does not stop the rest. */
export async function runCleanups() {
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

/** A fresh directory under the system temp dir, removed at clean-up. */
export function tempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  liveDirs.add(dir);
  onCleanup(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    liveDirs.delete(dir);
  });
  return dir;
}

/** The server under test: build/attune, or the binary named by ATTUNE_BIN. */
export function serverCommand() {
  const bin = process.env.ATTUNE_BIN || path.join(repoRoot, 'build/attune');
  if (!fs.existsSync(bin)) throw new Error(`no server binary at ${bin}: run \`make build\` first`);
  return { kind: 'attune', cmd: bin, pre: [] };
}

/** Stops a child process: SIGTERM, then SIGKILL after `graceMs`. Resolves once it exited. */
export function stopProcess(child, graceMs = 5000) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts `attune serve` and waits until /healthz answers. Options: `logDir` (where
 * server-PORT.log goes; default tests/e2e/artifacts), `config` (TOML text for --config).
 */
export async function startServer({ logDir = artifactsDir, config } = {}) {
  const port = await freePort();
  const dataDir = tempDir('attune-test-data-');
  const { kind, cmd, pre } = serverCommand();
  const args = [...pre];
  if (config !== undefined) {
    const configFile = path.join(dataDir, 'test-config.toml');
    fs.writeFileSync(configFile, config);
    args.push('--config', configFile);
  }
  args.push(
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
  );
  const child = track(spawn(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] }));
  const logPath = path.join(logDir, `server-${port}.log`);
  fs.mkdirSync(logDir, { recursive: true });
  const log = fs.createWriteStream(logPath);
  serverLogs.push(logPath);
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  child.on('close', () => log.end());
  let exited = false;
  child.on('exit', () => (exited = true));
  onCleanup(() => stopProcess(child));

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
        if (r.ok) return { baseUrl, kind, port, logPath, dataDir };
      } catch {
        /* not yet */
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not become healthy; see ${logPath}`);
}
