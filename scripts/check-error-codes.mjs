#!/usr/bin/env node
// One list of error codes. Fails (exit 1) when
//   - the ErrorCode enum of docs/openapi.yaml and the codes the server can send differ:
//     the ATTUNE_ERROR_CODES macro (src/base/error.h, or src/core/error.h before the move)
//     plus the codes the HTTP layer writes as literals (Response::error(431,
//     "headers_too_large", …) anywhere under src/);
//   - the web client names an error code that is in neither the enum nor its own short
//     list of client-side codes (ClientErrorCode in web/src/transport.ts).
// The TypeScript compiler already refuses most wrong codes in web/src (words.ts is keyed
// by the generated ErrorCode type); this catches the string literals it cannot see, such
// as mocked server answers in the unit tests.
//
// Usage: node scripts/check-error-codes.mjs [--expect-extra code,code]
//   --expect-extra names codes the server is about to gain (its change has not landed);
//   they count as the server's. ATTUNE_EXPECT_EXTRA_CODES does the same.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rel = (p) => path.relative(repoRoot, p);

/** The codes named by X(code, kind) lines of the ATTUNE_ERROR_CODES macro. */
export function macroCodes(headerText) {
  const start = headerText.indexOf('#define ATTUNE_ERROR_CODES');
  if (start < 0) throw new Error('no ATTUNE_ERROR_CODES macro');
  // The macro runs while its lines end in a backslash.
  const lines = headerText.slice(start).split('\n');
  const body = [];
  for (const line of lines) {
    body.push(line);
    if (!line.trimEnd().endsWith('\\')) break;
  }
  const codes = [...body.join('\n').matchAll(/\bX\(\s*([a-z0-9_]+)\s*,/g)].map((m) => m[1]);
  if (!codes.length) throw new Error('ATTUNE_ERROR_CODES names no code');
  return codes;
}

/** Codes written as string literals in Response::error(status, "code", …) calls. */
export function literalCodes(sourceText) {
  return [...sourceText.matchAll(/Response::error\(\s*\d{3}\s*,\s*"([a-z0-9_]+)"/g)].map((m) => m[1]);
}

/** The ErrorCode enum of the OpenAPI file, read without a YAML library (this script has no dependencies). */
export function openapiEnum(yamlText) {
  const lines = yamlText.split('\n');
  const at = lines.findIndex((l) => /^ {4}ErrorCode:\s*$/.test(l));
  if (at < 0) throw new Error('no components.schemas.ErrorCode');
  const codes = [];
  let inEnum = false;
  for (const line of lines.slice(at + 1)) {
    if (/^ {0,4}\S/.test(line)) break; // the next schema
    if (/^ {6}enum:\s*$/.test(line)) {
      inEnum = true;
      continue;
    }
    if (inEnum) {
      const m = line.match(/^ {8}- +["']?([a-z0-9_]+)["']?\s*$/);
      if (m) codes.push(m[1]);
      else if (/^ {6}\S/.test(line)) inEnum = false;
    }
  }
  if (!codes.length) throw new Error('ErrorCode has no enum');
  return codes;
}

/** Client-side codes: the members of `export type ClientErrorCode = 'a' | 'b';` in transport.ts. */
export function clientOnlyCodes(transportText) {
  const m = transportText.match(/export type ClientErrorCode\s*=([^;]+);/);
  if (!m) throw new Error('web/src/transport.ts has no ClientErrorCode type');
  return [...m[1].matchAll(/'([a-z0-9_]+)'/g)].map((x) => x[1]);
}

/**
 * Error codes the client names: keys of the byCode table in words.ts, and string literals
 * in places only an error code goes (`code: 'x'`, `.code === 'x'`, `new ApiError(n, 'x'`).
 */
export function clientCodeUses(file, text) {
  const uses = [];
  const push = (code, index) => {
    const line = text.slice(0, index).split('\n').length;
    uses.push({ code, where: `${file}:${line}` });
  };
  for (const m of text.matchAll(/\bcode\s*:\s*'([a-z0-9_]+)'/g)) push(m[1], m.index);
  for (const m of text.matchAll(/\.code\s*[!=]==?\s*'([a-z0-9_]+)'/g)) push(m[1], m.index);
  for (const m of text.matchAll(/new ApiError\(\s*\d+\s*,\s*'([a-z0-9_]+)'/g)) push(m[1], m.index);
  const table = text.match(/const byCode[^=]*=\s*\{([\s\S]*?)\n\};/);
  if (table) {
    const offset = table.index + table[0].indexOf(table[1]);
    for (const m of table[1].matchAll(/^\s*'?([a-z0-9_]+)'?\s*:/gm)) push(m[1], offset + m.index);
  }
  return uses;
}

function listFiles(dir, accept) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'generated') out.push(...listFiles(full, accept));
    } else if (accept(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

function serverErrorHeader(root) {
  for (const candidate of ['src/base/error.h', 'src/core/error.h']) {
    const file = path.join(root, candidate);
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes('ATTUNE_ERROR_CODES')) return file;
  }
  throw new Error('ATTUNE_ERROR_CODES is in neither src/base/error.h nor src/core/error.h');
}

function parseExtra(argv) {
  const extra = [];
  const fromEnv = process.env.ATTUNE_EXPECT_EXTRA_CODES;
  if (fromEnv) extra.push(...fromEnv.split(','));
  const at = argv.indexOf('--expect-extra');
  if (at >= 0 && argv[at + 1]) extra.push(...argv[at + 1].split(','));
  return extra.map((c) => c.trim()).filter(Boolean);
}

export function check(root = repoRoot, extra = []) {
  const problems = [];
  const header = serverErrorHeader(root);
  const fromMacro = macroCodes(fs.readFileSync(header, 'utf8'));
  // Wherever the HTTP layer lives after a restructure: every source file under src/.
  const fromLiterals = listFiles(path.join(root, 'src'), (n) => /\.(cpp|h)$/.test(n)).flatMap((f) =>
    literalCodes(fs.readFileSync(f, 'utf8')),
  );
  const landed = extra.filter((c) => fromMacro.includes(c) || fromLiterals.includes(c));
  const server = new Set([...fromMacro, ...fromLiterals, ...extra]);
  const spec = openapiEnum(fs.readFileSync(path.join(root, 'docs/openapi.yaml'), 'utf8'));
  const specSet = new Set(spec);

  const dupes = spec.filter((c, i) => spec.indexOf(c) !== i);
  for (const c of new Set(dupes)) problems.push(`docs/openapi.yaml: ErrorCode lists "${c}" twice`);
  for (const c of server) {
    if (!specSet.has(c)) problems.push(`the server sends "${c}" but docs/openapi.yaml's ErrorCode does not list it`);
  }
  for (const c of specSet) {
    if (!server.has(c)) problems.push(`docs/openapi.yaml's ErrorCode lists "${c}" but the server never sends it`);
  }

  const transport = path.join(root, 'web/src/transport.ts');
  const clientOnly = new Set(clientOnlyCodes(fs.readFileSync(transport, 'utf8')));
  for (const c of clientOnly) {
    if (specSet.has(c)) problems.push(`web/src/transport.ts: client-side code "${c}" is also a server code`);
  }
  const webFiles = listFiles(path.join(root, 'web/src'), (n) => /\.(ts|tsx)$/.test(n));
  let uses = 0;
  for (const file of webFiles) {
    for (const use of clientCodeUses(rel(file), fs.readFileSync(file, 'utf8'))) {
      uses++;
      if (!specSet.has(use.code) && !clientOnly.has(use.code)) {
        problems.push(`${use.where}: error code "${use.code}" is neither in docs/openapi.yaml's ErrorCode nor a ClientErrorCode`);
      }
    }
  }
  return {
    problems,
    landed,
    summary: `${server.size} server codes (${rel(header)} and literals under src/), ${spec.length} in the OpenAPI enum, ${uses} uses in web/src`,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const extra = parseExtra(process.argv.slice(2));
  const { problems, summary, landed } = check(repoRoot, extra);
  const pending = extra.filter((c) => !landed.includes(c));
  if (pending.length) console.log(`error codes: counting ${pending.join(', ')} as the server's (not landed yet)`);
  for (const c of landed) console.log(`error codes: note: "${c}" has landed in the server; --expect-extra ${c} can go`);
  for (const p of problems) console.log(`error codes: ${p}`);
  console.log(`error codes: ${summary}: ${problems.length ? `${problems.length} problem(s)` : 'in agreement'}`);
  process.exit(problems.length ? 1 : 0);
}
