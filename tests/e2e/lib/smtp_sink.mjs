// A throwaway SMTP server for a test (tests/support/smtp_sink.py, aiosmtpd): it listens on a
// free loopback port and writes each message it accepts as NNNN.json into a temp directory.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onCleanup, tempDir } from './server.mjs';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../support/smtp_sink.py');

export async function startSmtpSink() {
  const dir = tempDir('attune-smtp-sink-');
  const child = spawn('/usr/bin/python3', [script, dir], { stdio: ['pipe', 'pipe', 'inherit'] });
  // Closing its stdin is how it is told to stop.
  onCleanup(() => child.stdin.end());
  const port = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /port (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`the SMTP sink exited (${code})`)));
  });
  const messages = () =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  /** Waits until at least `count` messages arrived; returns them all. */
  const waitFor = async (count, timeoutMs = 10000) => {
    const until = Date.now() + timeoutMs;
    let all = messages();
    while (all.length < count && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
      all = messages();
    }
    if (all.length < count) throw new Error(`expected ${count} message(s), got ${all.length}`);
    return all;
  };
  return { url: `smtp://127.0.0.1:${port}`, messages, waitFor };
}
