// A therapist account made as the operator makes one: `attune user add --therapist` on the
// running server's data dir, the password on stdin.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot, serverCommand } from './server.mjs';

export const THERAPIST_PASSWORD = 'a long therapist password';

/** Creates the account; resolves with its e-mail once the CLI exited 0. */
export function addTherapist(server, { email, name }) {
  const { cmd, pre } = serverCommand();
  const args = [...pre, 'user', 'add', '--therapist', '--email', email, '--name', name,
    '--data-dir', server.dataDir, '--content-dir', path.join(repoRoot, 'content')];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(email) : reject(new Error(`user add: ${code} ${stderr}`))));
    child.stdin.end(`${THERAPIST_PASSWORD}\n`);
  });
}
