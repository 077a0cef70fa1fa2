#!/usr/bin/env node
// The contract check: the real server behind two Prism proxies (tests/contract/lib/prism.mjs)
// and a real flow through them. Four people sign up and log in; every route of
// docs/openapi.yaml is called with good input (through Prism with --errors, which refuses
// a request or answer the description does not allow) and with bad input: missing fields,
// wrong types, unknown ids, a wrong content type, over-long text, no auth, a wrong CSRF
// token (through Prism without --errors, which forwards anything and reports violations in
// sl-violations). Any answer the description does not allow fails its check. HEAD, an
// unknown method and the WebSocket go straight to the server (Prism cannot carry them) and
// are judged by the same description. The server binary is ATTUNE_BIN (default
// build/attune). Prints "N passed, N failed"; exits non-zero on any failure.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { repoRoot, runCleanups, startServer } from '../e2e/lib/server.mjs';
import { startSmtpSink } from '../e2e/lib/smtp_sink.mjs';
import { Flow } from './lib/checks.mjs';
import { startPrism } from './lib/prism.mjs';
import { loadSpec } from './lib/spec.mjs';
import { THERAPIST_PASSWORD, addTherapist } from '../e2e/lib/therapist.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const logDir = path.join(here, 'artifacts');
const unique = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const email = (who) => `${who}-${unique}@example.test`;
const PASSWORD = 'a long enough password';
const MISSING = 'no-such-id-0000000000000000000000';

process.on('SIGINT', async () => {
  await runCleanups();
  process.exit(130);
});

async function main() {
  const started = Date.now();
  const spec = loadSpec();
  // Sign-ups, log-ins and writes are many here, all from one address; the 429 of a log-in is
  // seen through the per-person delay after wrong passwords.
  const server = await startServer({
    logDir,
    config: 'signup_limit_per_minute = 500\nwrite_limit_per_minute = 2000\nlogin_limit_per_minute = 500\n',
  });
  const [strict, report] = await Promise.all([
    startPrism({ upstream: server.baseUrl, errors: true, logDir }),
    startPrism({ upstream: server.baseUrl, errors: false, logDir }),
  ]);
  console.log(`contract: server ${server.baseUrl}, prism --errors ${strict.baseUrl}, prism reporting ${report.baseUrl}`);
  const flow = new Flow({ spec, strict, report, direct: server.baseUrl });
  await run(flow, server);
  await runWithEmail(spec, flow);
  coverage(flow);
  const passed = flow.results.filter((r) => r.ok).length;
  const failed = flow.results.length - passed;
  console.log(`contract: total ${((Date.now() - started) / 1000).toFixed(1)} s; logs in ${path.relative(repoRoot, logDir)}`);
  return { passed, failed };
}

/**
 * The routes only a server that sends e-mail answers with success (sign-up confirmation,
 * reset by e-mail), through a second server with a throwaway SMTP server; what they answered
 * counts toward the main flow's coverage.
 */
async function runWithEmail(spec, main) {
  const sink = await startSmtpSink();
  const server = await startServer({
    logDir,
    config: `smtp_url = "${sink.url}"\npublic_url = "https://app.example.test"\n`,
  });
  const [strict, report] = await Promise.all([
    startPrism({ upstream: server.baseUrl, errors: true, logDir }),
    startPrism({ upstream: server.baseUrl, errors: false, logDir }),
  ]);
  const flow = new Flow({ spec, strict, report, direct: server.baseUrl });
  await flow.check('with e-mail: sign-up confirmed by its link, a password reset by e-mail', async (t) => {
    const body = { email: email('fay'), password: PASSWORD, display_name: 'fay', confirm_adult: true };
    t.status(await t.good('POST', '/api/v1/accounts', { body }), 202);
    const [confirmation] = await sink.waitFor(1);
    const confirmToken = /#\/confirm\/([A-Za-z0-9_-]+)/.exec(confirmation.body)?.[1];
    const confirmed = await t.good('POST', '/api/v1/auth/confirm', { body: { token: confirmToken } });
    t.status(confirmed, 200);
    t.expect(typeof confirmed.body?.recovery_code === 'string', 'the first recovery code');
    t.status(await t.good('POST', '/api/v1/auth/reset-request', { body: { email: body.email } }), 202);
    const mails = await sink.waitFor(2);
    const resetToken = /#\/reset\/([A-Za-z0-9_-]+)/.exec(mails[1].body)?.[1];
    t.status(await t.good('POST', '/api/v1/auth/reset', { body: { token: resetToken, new_password: 'a new long password' } }), 204);
    t.error(await t.bad('POST', '/api/v1/auth/reset', { body: { token: resetToken, new_password: 'a new long password' } }), 401, 'invalid_credentials', 'a used link');
  });
  for (const key of flow.good) main.good.add(key);
  for (const key of flow.bad) main.bad.add(key);
  main.results.push(...flow.results);
}

/** Every operation must have answered good input and bad input at least once. */
function coverage(flow) {
  const all = flow.spec.allOperations();
  flow.results.push(
    ...[
      ['every operation answered good input', all.filter((op) => !flow.good.has(op))],
      ['every operation answered bad input with a 4xx', all.filter((op) => !flow.bad.has(op))],
    ].map(([name, missing]) => {
      const ok = missing.length === 0;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${name} (${all.length} operations)`);
      for (const op of missing) console.log(`     not seen: ${op}`);
      return { name, ok, problems: missing };
    }),
  );
}

async function run(flow, server) {
  const s = {}; // what the flow learns: people, ids
  const rid = () => s.rid;

  // ---- service and content ------------------------------------------------------------
  await flow.check('public reads: health, resources, catalogue, exercises', async (t) => {
    t.status(await t.good('GET', '/healthz'), 200);
    // The operator's endpoints answer a loopback client no proxy passed on; a request with
    // X-Forwarded-For hears 404, as for a path that does not exist.
    const metrics = await t.good('GET', '/metrics', { headers: { Accept: 'text/plain' } });
    t.status(metrics, 200);
    t.expect(metrics.text.includes('# TYPE attune_http_requests_total counter'), 'Prometheus text');
    t.status(await t.good('GET', '/readyz'), 200);
    for (const p of ['/metrics', '/readyz']) {
      t.error(await t.bad('GET', p, { headers: { 'X-Forwarded-For': '203.0.113.9' } }), 404, 'not_found', p);
    }
    t.status(await t.good('GET', '/api/v1/resources'), 200);
    const catalogue = await t.good('GET', '/api/v1/catalogue');
    t.status(catalogue, 200);
    const exercises = await t.good('GET', '/api/v1/exercises');
    t.status(exercises, 200);
    s.exercise = exercises.body.exercises.find((e) => e.stage === 1);
    s.items = catalogue.body.items.map((i) => i.id);
    s.category = catalogue.body.categories[0].id;
    t.expect(s.exercise && s.exercise.requires.length > 0, 'a stage-1 exercise with required items');
  });

  await flow.check('public reads: one exercise in full; an unknown one is 404', async (t) => {
    const res = await t.good('GET', `/api/v1/exercises/${s.exercise.id}`);
    t.status(res, 200);
    t.expect(res.body?.id === s.exercise.id && res.body?.debrief_prompts?.length === 3, 'the whole exercise');
    t.error(await t.bad('GET', '/api/v1/exercises/no-such-exercise'), 404, 'not_found');
  });

  await flow.check('public reads: headers over 16 KiB are refused (431)', async (t) => {
    // Prism's own HTTP server stops at 16 KiB of headers, so these go straight to the server.
    for (const p of ['/healthz', '/api/v1/resources', '/api/v1/catalogue', '/api/v1/exercises']) {
      const res = await t.raw('GET', p, { 'X-Padding': 'p'.repeat(20 * 1024) });
      t.error(res, 431, 'headers_too_large', p);
      t.judge('GET', p, res);
    }
  });

  await flow.check('public reads refuse other methods (405 with Allow)', async (t) => {
    for (const [method, p] of [
      ['DELETE', '/api/v1/resources'],
      ['PUT', '/api/v1/exercises'],
    ]) {
      const res = await t.raw(method, p);
      t.error(res, 405, 'method_not_allowed', `${method} ${p}`);
      expectAllow(t, `${method} ${p}`, res, spec(t).methodsOf(p));
    }
  });

  // ---- accounts ---------------------------------------------------------------------------
  await flow.check('sign-up: four people', async (t) => {
    for (const who of ['ana', 'ben', 'cy', 'dee']) {
      const body = { email: email(who), password: PASSWORD, display_name: who, confirm_adult: true };
      if (who === 'ana') body.time_zone = 'Europe/Berlin';
      const res = await t.good('POST', '/api/v1/accounts', { body });
      t.status(res, 201, who);
      s[who] = { id: res.body?.id, email: email(who) };
    }
  });

  await flow.check('sign-up: bad input', async (t) => {
    const base = { email: email('x'), password: PASSWORD, display_name: 'X', confirm_adult: true };
    t.error(await t.bad('POST', '/api/v1/accounts', { body: { email: email('x') }, flagged: true }), 400, 'missing_field', 'missing fields');
    t.error(await t.bad('POST', '/api/v1/accounts', { body: { ...base, confirm_adult: false }, flagged: true }), 400, 'adult_confirmation_required');
    t.error(await t.bad('POST', '/api/v1/accounts', { body: { ...base, confirm_adult: 'yes' }, flagged: true }), 400, 'invalid_field', 'confirm_adult as text');
    t.error(await t.bad('POST', '/api/v1/accounts', { body: { ...base, email: 'nope' } }), 400, 'invalid_email');
    t.error(await t.bad('POST', '/api/v1/accounts', { body: { ...base, password: 'short' }, flagged: true }), 400, 'weak_password');
    t.error(await t.bad('POST', '/api/v1/accounts', { body: { ...base, display_name: 'n'.repeat(81) }, flagged: true }), 400, 'field_too_long');
    t.error(await t.bad('POST', '/api/v1/accounts', { body: { ...base, time_zone: 'Mars/Olympus' } }), 400, 'invalid_time_zone');
    t.error(await t.bad('POST', '/api/v1/accounts', { body: { ...base, email: s.ana.email } }), 409, 'email_taken');
    t.error(await t.bad('POST', '/api/v1/accounts', { raw: '[1,2]', flagged: true }), 400, 'invalid_json', 'a JSON array');
  });

  await flow.check('sign-up: a JSON body sent as text/plain is refused (415) and creates nothing', async (t) => {
    const body = { email: email('plain'), password: PASSWORD, display_name: 'Plain', confirm_adult: true };
    const res = await t.bad('POST', '/api/v1/accounts', { raw: JSON.stringify(body), type: 'text/plain', flagged: true });
    t.error(res, 415, 'unsupported_media_type');
    const login = await t.bad('POST', '/api/v1/auth/login', { body: { email: body.email, password: PASSWORD } });
    t.error(login, 401, 'invalid_credentials', 'no account may exist afterwards');
  });

  await flow.check('log in: each person; a second session for Ana (cookie)', async (t) => {
    for (const who of ['ana', 'ben', 'cy', 'dee']) {
      const res = await t.good('POST', '/api/v1/auth/login', { body: { email: s[who].email, password: PASSWORD } });
      if (!t.status(res, 200, who)) continue;
      s[who].token = res.body.token;
      t.expect(/attune_session=[^;]+;.*HttpOnly/.test(res.headers.get('set-cookie') ?? ''), `${who}: the session cookie is set`);
      t.expect(res.body.account.id === s[who].id, `${who}: the account id is the sign-up's`);
    }
    const cookie = await t.good('POST', '/api/v1/auth/login', { body: { email: s.ana.email, password: PASSWORD } });
    t.status(cookie, 200, 'second session');
    s.anaCookie = { cookie: cookie.body?.token, csrf: cookie.body?.csrf_token };
  });
  const A = () => ({ token: s.ana.token });
  const B = () => ({ token: s.ben.token });
  const C = () => ({ token: s.cy.token });
  const D = () => ({ token: s.dee.token });

  await flow.check('log in: bad input', async (t) => {
    t.error(await t.bad('POST', '/api/v1/auth/login', { body: { email: s.ana.email, password: 'wrong password here' } }), 401, 'invalid_credentials');
    t.error(await t.bad('POST', '/api/v1/auth/login', { body: { email: s.ana.email }, flagged: true }), 400, 'missing_field');
    t.error(await t.bad('POST', '/api/v1/auth/login', { body: { email: 42, password: PASSWORD }, flagged: true }), 400, 'invalid_field');
  });

  await flow.check('log in: after three wrong passwords in a row the next try waits (429, Retry-After)', async (t) => {
    const who = { email: email('guesser'), password: 'not the password' };
    for (let i = 0; i < 3; i++) {
      t.error(await t.bad('POST', '/api/v1/auth/login', { body: who }), 401, 'invalid_credentials', `wrong try ${i + 1}`);
    }
    const last = await t.bad('POST', '/api/v1/auth/login', { body: who });
    t.error(last, 429, 'rate_limited');
    t.expect(Number(last.headers.get('retry-after')) >= 1, `Retry-After should be seconds, got ${last.headers.get('retry-after')}`);
  });

  await flow.check('sessions and profile', async (t) => {
    const sessions = await t.good('GET', '/api/v1/auth/sessions', { auth: A() });
    t.status(sessions, 200);
    t.expect(sessions.body?.sessions?.length === 2, 'Ana has two sessions');
    const me = await t.good('GET', '/api/v1/me', { auth: A() });
    t.status(me, 200);
    t.expect(me.body?.time_zone === 'Europe/Berlin', 'the time zone given at sign-up');
    t.status(await t.good('GET', '/api/v1/me', { auth: { cookie: s.anaCookie.cookie } }), 200, 'with the cookie');
  });

  await flow.check('sessions and profile: no auth, a bad token', async (t) => {
    t.error(await t.bad('GET', '/api/v1/me', { flagged: true }), 401, 'unauthenticated', 'no auth');
    t.error(await t.bad('GET', '/api/v1/me', { auth: { token: 'not-a-token' } }), 401, 'unauthenticated', 'bad token');
    t.error(await t.bad('GET', '/api/v1/auth/sessions', { flagged: true }), 401, 'unauthenticated');
    t.error(await t.bad('DELETE', '/api/v1/auth/sessions', { flagged: true }), 401, 'unauthenticated');
    t.error(await t.bad('POST', '/api/v1/auth/logout', { flagged: true }), 401, 'unauthenticated');
    t.error(await t.bad('GET', '/api/v1/me/export', { flagged: true }), 401, 'unauthenticated');
  });

  await flow.check('HEAD on API paths: 405 with Allow naming the path\'s methods', async (t) => {
    for (const p of ['/api/v1/me', '/api/v1/relationships', '/api/v1/resources']) {
      const res = await t.raw('HEAD', p, { Authorization: `Bearer ${s.ana.token}` });
      t.status(res, 405, `HEAD ${p}`);
      expectAllow(t, `HEAD ${p}`, res, spec(t).methodsOf(p));
    }
  });

  await flow.check('password change', async (t) => {
    const p = '/api/v1/me/password';
    t.error(await t.bad('POST', p, { auth: D(), body: { current_password: 'wrong password here', new_password: 'another long password' } }), 401, 'invalid_credentials');
    t.error(await t.bad('POST', p, { auth: D(), body: { current_password: PASSWORD, new_password: 'short' }, flagged: true }), 400, 'weak_password');
    t.error(await t.bad('POST', p, { auth: D(), body: { current_password: PASSWORD }, flagged: true }), 400, 'missing_field');
    t.status(await t.good('POST', p, { auth: D(), body: { current_password: PASSWORD, new_password: 'another long password' } }), 204);
    const again = await t.good('POST', '/api/v1/auth/login', { body: { email: s.dee.email, password: 'another long password' } });
    t.status(again, 200, 'log in with the new password');
  });

  // ---- relationships ----------------------------------------------------------------------
  await flow.check('relationships: create, list, read', async (t) => {
    const res = await t.good('POST', '/api/v1/relationships', { auth: A(), body: { name: 'Us' } });
    t.status(res, 201);
    s.rid = res.body?.id;
    const second = await t.good('POST', '/api/v1/relationships', { auth: A(), body: { name: 'Just me' } });
    s.rid2 = second.body?.id;
    t.status(await t.good('GET', '/api/v1/relationships', { auth: A() }), 200);
    t.status(await t.good('GET', `/api/v1/relationships/${rid()}`, { auth: A() }), 200);
  });

  await flow.check('relationships: bad input, unknown ids, not a member', async (t) => {
    t.error(await t.bad('POST', '/api/v1/relationships', { auth: A(), body: {}, flagged: true }), 400, 'missing_field');
    t.error(await t.bad('POST', '/api/v1/relationships', { auth: A(), body: { name: 5 }, flagged: true }), 400, 'invalid_field');
    t.error(await t.bad('POST', '/api/v1/relationships', { auth: A(), body: { name: 'n'.repeat(81) }, flagged: true }), 400, 'field_too_long');
    t.error(await t.bad('POST', '/api/v1/relationships', { auth: A(), raw: '{"name":', flagged: false }), 400, 'invalid_json', 'broken JSON');
    t.error(await t.bad('GET', `/api/v1/relationships/${MISSING}`, { auth: A() }), 404, 'not_found');
    t.error(await t.bad('GET', `/api/v1/relationships/${rid()}`, { auth: D() }), 404, 'not_found', 'an outsider');
    t.error(await t.bad('GET', '/api/v1/relationships', { flagged: true }), 401, 'unauthenticated');
    t.error(await t.bad('GET', `/api/v1/relationships/${'x'.repeat(129)}`, { auth: A(), flagged: true }), 404, 'not_found', 'an id over 128 bytes');
  });

  await flow.check('cookie writes need the right X-CSRF-Token', async (t) => {
    const { cookie, csrf } = s.anaCookie;
    t.error(await t.bad('POST', '/api/v1/relationships', { auth: { cookie }, body: { name: 'No CSRF' }, flagged: true }), 403, 'csrf_token_invalid', 'no token');
    t.error(await t.bad('POST', '/api/v1/relationships', { auth: { cookie, csrf: 'wrong' }, body: { name: 'Wrong CSRF' } }), 403, 'csrf_token_invalid', 'wrong token');
    t.status(await t.good('POST', '/api/v1/relationships', { auth: { cookie, csrf }, body: { name: 'With CSRF' } }), 201, 'right token');
    t.status(await t.good('GET', '/api/v1/relationships', { auth: { cookie } }), 200, 'a read needs none');
  });

  await flow.check('a body that is not application/json changes nothing (415)', async (t) => {
    const before = (await t.good('GET', '/api/v1/relationships', { auth: A() })).body?.relationships.length;
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await t.bad('POST', '/api/v1/relationships', { auth: A(), raw: '{"name":"Sneaky"}', type, flagged: true });
      t.error(res, 415, 'unsupported_media_type', type);
    }
    const after = (await t.good('GET', '/api/v1/relationships', { auth: A() })).body?.relationships.length;
    t.expect(before === after, `no relationship may be created: ${before} before, ${after} after`);
    const charset = await t.good('POST', '/api/v1/relationships', { auth: A(), body: { name: 'Charset' }, type: 'application/json; charset=utf-8' });
    t.status(charset, 201, 'application/json; charset=utf-8 is JSON');
  });

  await flow.check('a body over 1 MiB is refused (413)', async (t) => {
    const res = await t.bad('POST', '/api/v1/relationships', { auth: A(), raw: JSON.stringify({ name: 'x'.repeat(1100 * 1024) }), flagged: true });
    t.error(res, 413, 'body_too_large');
  });

  await flow.check('idempotency: a replay, a reused key, an over-long key', async (t) => {
    const key = `contract-${unique}`;
    const first = await t.good('POST', '/api/v1/relationships', { auth: A(), body: { name: 'Keyed' }, headers: { 'Idempotency-Key': key } });
    t.status(first, 201);
    const replay = await t.good('POST', '/api/v1/relationships', { auth: A(), body: { name: 'Keyed' }, headers: { 'Idempotency-Key': key } });
    t.status(replay, 201, 'replay');
    t.expect(replay.body?.id === first.body?.id, 'the replay returns the first id');
    t.error(await t.bad('POST', '/api/v1/relationships', { auth: A(), body: { name: 'Other' }, headers: { 'Idempotency-Key': key } }), 422, 'idempotency_key_reused');
    t.error(await t.bad('POST', '/api/v1/relationships', { auth: A(), body: { name: 'Long key' }, headers: { 'Idempotency-Key': 'k'.repeat(129) }, flagged: true }), 400, 'invalid_field');
  });

  await flow.check('invites: create, accept (active, pending), approve', async (t) => {
    const code1 = await t.good('POST', `/api/v1/relationships/${rid()}/invites`, { auth: A() });
    t.status(code1, 201);
    const ben = await t.good('POST', '/api/v1/invites/accept', { auth: B(), body: { code: code1.body?.code } });
    t.status(ben, 200);
    t.expect(ben.body?.status === 'active', 'Ben is active at once');
    const code2 = await t.good('POST', `/api/v1/relationships/${rid()}/invites`, { auth: A() });
    const cy = await t.good('POST', '/api/v1/invites/accept', { auth: C(), body: { code: code2.body?.code } });
    t.status(cy, 200);
    t.expect(cy.body?.status === 'pending', 'Cy waits for Ben');
    const detail = await t.good('GET', `/api/v1/relationships/${rid()}`, { auth: B() });
    t.expect(detail.body?.pending?.some((p) => p.id === s.cy.id && p.you_approved === false), 'Ben sees Cy pending');
    const approve = await t.good('POST', `/api/v1/relationships/${rid()}/members/${s.cy.id}/approve`, { auth: B() });
    t.status(approve, 200);
    t.expect(approve.body?.status === 'active', 'Cy is active once Ben approved');
    s.usedCode = code1.body?.code;
  });

  await flow.check('invites: bad input', async (t) => {
    t.error(await t.bad('POST', '/api/v1/invites/accept', { auth: D(), body: { code: s.usedCode } }), 409, 'invite_invalid', 'a used code');
    t.error(await t.bad('POST', '/api/v1/invites/accept', { auth: D(), body: {}, flagged: true }), 400, 'missing_field');
    t.error(await t.bad('POST', '/api/v1/invites/accept', { auth: D(), body: { code: 'c'.repeat(300) }, flagged: true }), 400, 'field_too_long');
    const code = await t.good('POST', `/api/v1/relationships/${rid()}/invites`, { auth: A() });
    t.error(await t.bad('POST', '/api/v1/invites/accept', { auth: B(), body: { code: code.body?.code } }), 409, 'already_member');
    t.error(await t.bad('POST', `/api/v1/relationships/${MISSING}/invites`, { auth: A() }), 404, 'not_found');
    t.error(await t.bad('POST', `/api/v1/relationships/${rid()}/members/${MISSING}/approve`, { auth: A() }), 404, 'not_found');
  });

  await flow.check('leave and "I feel pressured"', async (t) => {
    t.status(await t.good('POST', `/api/v1/relationships/${rid()}/leave`, { auth: C() }), 204);
    t.error(await t.bad('GET', `/api/v1/relationships/${rid()}`, { auth: C() }), 404, 'not_found', 'after leaving');
    t.error(await t.bad('POST', `/api/v1/relationships/${rid()}/leave`, { auth: C() }), 404, 'not_found', 'leaving twice');
    const pressured = await t.good('POST', `/api/v1/relationships/${s.rid2}/pressured`, { auth: A() });
    t.status(pressured, 200);
    t.expect(pressured.body?.resources?.entries?.length > 0, 'the resources carry entries');
    t.error(await t.bad('POST', `/api/v1/relationships/${MISSING}/pressured`, { auth: A() }), 404, 'not_found');
  });

  // ---- intake -------------------------------------------------------------------------------
  await flow.check('intake: write, list, share, delete', async (t) => {
    const base = `/api/v1/relationships/${rid()}/intake`;
    const res = await t.good('POST', base, { auth: A(), body: { kind: 'safe', text: 'A quiet evening.' } });
    t.status(res, 201);
    s.entry = res.body?.id;
    t.status(await t.good('GET', base, { auth: A() }), 200);
    const shared = await t.good('PUT', `/api/v1/intake/${s.entry}`, { auth: A(), body: { visibility: 'partners' } });
    t.status(shared, 200);
    const seen = await t.good('GET', base, { auth: B() });
    t.expect(seen.body?.entries?.some((e) => e.id === s.entry && !e.mine && e.author_name === 'ana'), 'Ben sees the shared entry with its author');
    const gone = await t.good('POST', base, { auth: A(), body: { kind: 'hurt', text: 'To delete.', visibility: 'private' } });
    t.status(await t.good('DELETE', `/api/v1/intake/${gone.body?.id}`, { auth: A() }), 204);
  });

  await flow.check('intake: bad input, unknown ids, someone else\'s entry', async (t) => {
    const base = `/api/v1/relationships/${rid()}/intake`;
    t.error(await t.bad('POST', base, { auth: A(), body: { kind: 'wish', text: 'x' }, flagged: true }), 400, 'invalid_field');
    t.error(await t.bad('POST', base, { auth: A(), body: { kind: 'safe' }, flagged: true }), 400, 'missing_field');
    t.error(await t.bad('POST', base, { auth: A(), body: { kind: 'safe', text: 't'.repeat(4001) }, flagged: true }), 400, 'field_too_long');
    t.error(await t.bad('POST', base, { auth: A(), body: { kind: 'safe', text: 'x', visibility: 'everyone' }, flagged: true }), 400, 'invalid_visibility');
    t.error(await t.bad('POST', `/api/v1/relationships/${MISSING}/intake`, { auth: A(), body: { kind: 'safe', text: 'x' } }), 404, 'not_found');
    t.error(await t.bad('GET', `/api/v1/relationships/${MISSING}/intake`, { auth: A() }), 404, 'not_found');
    t.error(await t.bad('PUT', `/api/v1/intake/${s.entry}`, { auth: A(), body: { visibility: 'everyone' }, flagged: true }), 400, 'invalid_visibility');
    t.error(await t.bad('PUT', `/api/v1/intake/${s.entry}`, { auth: B(), body: { text: 'Not mine.' } }), 404, 'not_found', "Ben edits Ana's entry");
    t.error(await t.bad('DELETE', `/api/v1/intake/${MISSING}`, { auth: A() }), 404, 'not_found');
  });

  // ---- boundaries -----------------------------------------------------------------------------
  await flow.check('boundaries: catalogue, answers, history, shared view', async (t) => {
    t.status(await t.good('GET', `/api/v1/relationships/${rid()}/catalogue`, { auth: A() }), 200);
    for (const who of [A(), B()]) {
      for (const item of s.exercise.requires) {
        const res = await t.good('PUT', `/api/v1/relationships/${rid()}/boundaries/mine/${item}`, { auth: who, body: { answer: 'yes', note: 'gently' } });
        t.status(res, 200, item);
      }
    }
    s.notMutual = s.items.find((i) => !s.exercise.requires.includes(i));
    t.status(await t.good('PUT', `/api/v1/relationships/${rid()}/boundaries/mine/${s.notMutual}`, { auth: A(), body: { answer: 'maybe' } }), 200);
    const mine = await t.good('GET', `/api/v1/relationships/${rid()}/boundaries/mine`, { auth: A() });
    t.expect(mine.body?.answers?.length === s.exercise.requires.length + 1, 'my answers are all there');
    t.status(await t.good('GET', `/api/v1/relationships/${rid()}/boundaries/mine/history`, { auth: A() }), 200);
    const shared = await t.good('GET', `/api/v1/relationships/${rid()}/boundaries/shared`, { auth: A() });
    t.expect(shared.body?.items?.length === s.exercise.requires.length, 'only the mutual items are shared');
    t.status(await t.good('GET', `/api/v1/relationships/${rid()}/boundaries/shared?with=${s.ana.id},${s.ben.id}`, { auth: A() }), 200, 'a named group');
  });

  await flow.check('boundaries: bad input', async (t) => {
    const item = (id) => `/api/v1/relationships/${rid()}/boundaries/mine/${id}`;
    t.error(await t.bad('PUT', item(s.items[0]), { auth: A(), body: { answer: 'perhaps' }, flagged: true }), 400, 'invalid_answer');
    t.error(await t.bad('PUT', item(s.items[0]), { auth: A(), body: {}, flagged: true }), 400, 'missing_field');
    t.error(await t.bad('PUT', item(s.items[0]), { auth: A(), body: { answer: 'yes', note: 'n'.repeat(501) }, flagged: true }), 400, 'field_too_long');
    t.error(await t.bad('PUT', item('no-such-item'), { auth: A(), body: { answer: 'yes' } }), 404, 'not_found');
    t.error(await t.bad('GET', `/api/v1/relationships/${MISSING}/boundaries/mine`, { auth: A() }), 404, 'not_found');
    t.error(await t.bad('GET', `/api/v1/relationships/${rid()}/boundaries/mine/history`, { auth: D() }), 404, 'not_found');
    t.error(await t.bad('GET', `/api/v1/relationships/${rid()}/catalogue`, { auth: D() }), 404, 'not_found');
    t.error(await t.bad('GET', `/api/v1/relationships/${rid()}/boundaries/shared?with=${s.ana.id}`, { auth: A() }), 422, 'invalid_group', 'a group of one');
    t.error(await t.bad('GET', `/api/v1/relationships/${rid()}/boundaries/shared?with=${s.ana.id},${s.dee.id}`, { auth: A() }), 422, 'invalid_group', 'an outsider in the group');
  });

  await flow.check('custom items: create, propose', async (t) => {
    const res = await t.good('POST', `/api/v1/relationships/${rid()}/boundary-items`, { auth: A(), body: { category: s.category, label: 'Tea first' } });
    t.status(res, 201);
    s.custom = res.body?.id;
    t.expect(String(s.custom).startsWith('custom-'), 'a custom id');
    const proposed = await t.good('POST', `/api/v1/boundary-items/${s.custom}/propose`, { auth: A() });
    t.status(proposed, 200);
  });

  await flow.check('custom items: bad input', async (t) => {
    const p = `/api/v1/relationships/${rid()}/boundary-items`;
    t.error(await t.bad('POST', p, { auth: A(), body: { category: 'no-such-category', label: 'x' } }), 400, 'invalid_field');
    t.error(await t.bad('POST', p, { auth: A(), body: { category: s.category }, flagged: true }), 400, 'missing_field');
    t.error(await t.bad('POST', p, { auth: A(), body: { category: s.category, label: 'l'.repeat(81) }, flagged: true }), 400, 'field_too_long');
    t.error(await t.bad('POST', `/api/v1/boundary-items/${s.custom}/propose`, { auth: B() }), 404, 'not_found', "Ben proposes Ana's item");
    t.error(await t.bad('POST', `/api/v1/boundary-items/${MISSING}/propose`, { auth: A() }), 404, 'not_found');
  });

  // ---- agreements ------------------------------------------------------------------------------
  const terms = (over = {}) => ({
    exercise_id: s.exercise.id,
    items: [...s.exercise.requires],
    time_limit_minutes: 20,
    pause_word: 'amber',
    aftercare: 'Tea.',
    ...over,
  });

  await flow.check('agreements: draft, list, read, new version, versions, sign', async (t) => {
    const res = await t.good('POST', `/api/v1/relationships/${rid()}/agreements`, { auth: A(), body: terms() });
    t.status(res, 201);
    s.aid = res.body?.id;
    t.status(await t.good('GET', `/api/v1/relationships/${rid()}/agreements`, { auth: B() }), 200);
    t.status(await t.good('GET', `/api/v1/agreements/${s.aid}`, { auth: B() }), 200);
    const v2 = await t.good('PUT', `/api/v1/agreements/${s.aid}`, { auth: A(), body: terms({ time_limit_minutes: 15, role_order: [s.ben.id, s.ana.id] }) });
    t.status(v2, 200);
    t.expect(v2.body?.version === 2, 'version 2');
    const versions = await t.good('GET', `/api/v1/agreements/${s.aid}/versions`, { auth: A() });
    t.expect(versions.body?.versions?.length === 2, 'two versions');
    const a = await t.good('POST', `/api/v1/agreements/${s.aid}/sign`, { auth: A(), body: { version: 2 } });
    t.expect(a.body?.status === 'draft', 'a draft until everyone signed');
    const b = await t.good('POST', `/api/v1/agreements/${s.aid}/sign`, { auth: B(), body: { version: 2 } });
    t.expect(b.body?.status === 'signed', 'signed by both');
    const read = await t.good('GET', `/api/v1/agreements/${s.aid}`, { auth: A() });
    t.expect(read.body?.signature_count === 2 && read.body?.you_signed === true, 'counts, and my own signature');
    const draft = await t.good('POST', `/api/v1/relationships/${rid()}/agreements`, { auth: A(), body: terms() });
    s.draft = draft.body?.id;
  });

  await flow.check('agreements: bad input, rules, unknown ids', async (t) => {
    const p = `/api/v1/relationships/${rid()}/agreements`;
    t.error(await t.bad('POST', p, { auth: A(), body: terms({ time_limit_minutes: 4 }), flagged: true }), 400, 'invalid_field', 'a time limit under 5');
    t.error(await t.bad('POST', p, { auth: A(), body: terms({ time_limit_minutes: '20' }), flagged: true }), 400, 'invalid_field', 'a time limit as text');
    const { exercise_id: _, ...noExercise } = terms();
    t.error(await t.bad('POST', p, { auth: A(), body: noExercise, flagged: true }), 400, 'missing_field');
    t.error(await t.bad('POST', p, { auth: A(), body: terms({ items: [...s.exercise.requires, s.notMutual] }) }), 422, 'item_not_mutual');
    t.error(await t.bad('POST', p, { auth: A(), body: terms({ items: [s.exercise.requires[0]] }) }), 422, 'exercise_item_missing');
    t.error(await t.bad('POST', p, { auth: A(), body: terms({ pause_word: 'w'.repeat(65) }), flagged: true }), 400, 'field_too_long');
    t.error(await t.bad('POST', `/api/v1/relationships/${MISSING}/agreements`, { auth: A(), body: terms() }), 404, 'not_found');
    t.error(await t.bad('GET', `/api/v1/relationships/${rid()}/agreements`, { auth: D() }), 404, 'not_found');
    t.error(await t.bad('GET', `/api/v1/agreements/${MISSING}`, { auth: A() }), 404, 'not_found');
    t.error(await t.bad('GET', `/api/v1/agreements/${s.aid}/versions`, { auth: D() }), 404, 'not_found');
    t.error(await t.bad('PUT', `/api/v1/agreements/${s.aid}`, { auth: A(), body: { items: [] }, flagged: true }), 400, 'missing_field');
    t.error(await t.bad('POST', `/api/v1/agreements/${s.aid}/sign`, { auth: A(), body: { version: 1 } }), 409, 'stale_version');
    t.error(await t.bad('POST', `/api/v1/agreements/${s.aid}/sign`, { auth: A(), body: { version: 'two' }, flagged: true }), 400, 'invalid_field');
    t.error(await t.bad('POST', `/api/v1/agreements/${s.aid}/sign`, { auth: A(), body: {}, flagged: true }), 400, 'missing_field');
  });

  await flow.check('role order: the next draft for the same people proposes the other order', async (t) => {
    const p = `/api/v1/relationships/${rid()}/role-order`;
    const res = await t.good('GET', `${p}?participants=${s.ana.id},${s.ben.id}`, { auth: A() });
    t.status(res, 200);
    const last = res.body?.last_role_order ?? [];
    const next = res.body?.role_order ?? [];
    t.expect(last.length === 2 && next[0] === last[1] && next[1] === last[0], 'the other order from last time');
    t.status(await t.good('GET', p, { auth: B() }), 200, 'every partner by default');
    t.error(await t.bad('GET', `${p}?participants=${s.ben.id}`, { auth: A() }), 422, 'invalid_group', 'a group without me');
    t.error(await t.bad('GET', p, { auth: D() }), 404, 'not_found');
  });

  // ---- practices --------------------------------------------------------------------------------
  await flow.check('practice: start, ready, pause, resume, read, list', async (t) => {
    const res = await t.good('POST', `/api/v1/agreements/${s.aid}/practices`, { auth: A(), body: { device: 'own' } });
    t.status(res, 201);
    s.pid = res.body?.id;
    const pp = `/api/v1/practices/${s.pid}`;
    t.expect((await t.good('POST', `${pp}/ready`, { auth: A() })).body?.status === 'waiting', 'waiting for Ben');
    t.expect((await t.good('POST', `${pp}/ready`, { auth: B() })).body?.status === 'running', 'running once both are ready');
    const paused = await t.good('POST', `${pp}/pause`, { auth: B() });
    t.expect(paused.body?.status === 'paused' && paused.body?.paused_by_count === 1, 'paused, counted');
    await t.good('POST', `${pp}/resume`, { auth: A() });
    t.expect((await t.good('POST', `${pp}/resume`, { auth: B() })).body?.status === 'running', 'running again');
    t.status(await t.good('GET', pp, { auth: A() }), 200);
    t.status(await t.good('GET', `/api/v1/relationships/${rid()}/practices`, { auth: A() }), 200);
  });

  await flow.check('practice: opening an agreement again joins its open practice', async (t) => {
    const again = await t.good('POST', `/api/v1/agreements/${s.aid}/practices`, { auth: B(), body: { device: 'shared' } });
    t.status(again, 200);
    t.expect(again.body?.id === s.pid, 'the open practice, not a second one');
  });

  await flow.check('practice: the live WebSocket (frames as LiveServerMessage; refusals as described)', async (t) => {
    const pp = `/api/v1/practices/${s.pid}`;
    const ticket = await t.good('POST', `${pp}/tickets`, { auth: A() });
    t.status(ticket, 201);
    const validate = spec(t).schemaValidator('LiveServerMessage');
    const frames = await liveExchange(`${flow.direct.replace('http', 'ws')}${pp}/live?ticket=${encodeURIComponent(ticket.body?.ticket)}`, [
      { type: 'ping', t: 7 },
      { type: 'dance' },
      { type: 'pause' },
    ]);
    const types = frames.map((f) => f.type);
    t.expect(types[0] === 'state', `the first frame is the state, got ${types.join(', ')}`);
    t.expect(frames.some((f) => f.type === 'pong' && f.t === 7), 'the ping is answered with its t');
    t.expect(frames.some((f) => f.type === 'error' && f.error?.code === 'invalid_json'), 'an unknown type is answered with an error');
    t.expect(frames.some((f) => f.type === 'state' && f.state?.status === 'paused'), 'a pause over the socket sends the new state');
    if (frames.length) t.flow.record('GET', `${pp}/live`, 101);
    for (const frame of frames) {
      const problems = validate(frame);
      t.expect(problems.length === 0, `frame ${JSON.stringify(frame).slice(0, 120)} is not a LiveServerMessage: ${problems.join('; ')}`);
    }
    const upgrade = {
      Connection: 'Upgrade',
      Upgrade: 'websocket',
      'Sec-WebSocket-Version': '13',
      'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    };
    const used = await t.raw('GET', `${pp}/live?ticket=${encodeURIComponent(ticket.body?.ticket)}`, upgrade);
    t.error(used, 401, 'invalid_ticket', 'a used ticket');
    t.judge('GET', `${pp}/live`, used);
    const foreign = await t.good('POST', `/api/v1/practices/${s.pid}/tickets`, { auth: D() });
    t.error(foreign, 404, 'not_found', 'a ticket for an outsider');
  });

  await flow.check('me: the per-person nudge channel (frames as NudgeMessage; refusals as described)', async (t) => {
    const login = await t.good('POST', '/api/v1/auth/login', { body: { email: s.ana.email, password: PASSWORD } });
    t.status(login, 200, 'a cookie session for the channel');
    const origin = new URL(flow.direct).origin;
    const url = `${origin.replace('http', 'ws')}/api/v1/me/live`;
    let entry;
    const frames = await nudgeExchange(url, { Cookie: `attune_session=${login.body?.token}`, Origin: origin }, async (ws) => {
      ws.send(JSON.stringify({ type: 'ping', t: 9 }));
      const shared = await t.good('POST', `/api/v1/relationships/${rid()}/intake`, {
        auth: B(),
        body: { kind: 'safe', text: 'Music low.', visibility: 'partners' },
      });
      entry = shared.body?.id;
    });
    t.expect(frames.some((f) => f.type === 'pong' && f.t === 9), 'the ping is answered with its t');
    t.expect(
      frames.some((f) => f.type === 'nudge' && f.topic === 'intake' && f.relationship_id === rid()),
      `Ben's shared entry nudges Ana, got ${JSON.stringify(frames)}`,
    );
    t.expect(!JSON.stringify(frames).includes(s.ben.id) && !JSON.stringify(frames).includes('Music'), 'no sender, no content');
    if (frames.length) t.flow.record('GET', '/api/v1/me/live', 101);
    const validate = spec(t).schemaValidator('NudgeMessage');
    for (const frame of frames) {
      const problems = validate(frame);
      t.expect(problems.length === 0, `frame ${JSON.stringify(frame)} is not a NudgeMessage: ${problems.join('; ')}`);
    }
    if (entry) t.status(await t.good('DELETE', `/api/v1/intake/${entry}`, { auth: B() }), 204);
    const upgrade = {
      Connection: 'Upgrade',
      Upgrade: 'websocket',
      'Sec-WebSocket-Version': '13',
      'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    };
    const anonymous = await t.raw('GET', '/api/v1/me/live', upgrade);
    t.error(anonymous, 401, 'invalid_ticket', 'no cookie');
    t.judge('GET', '/api/v1/me/live', anonymous);
    const foreign = await t.raw('GET', '/api/v1/me/live', { ...upgrade, Cookie: `attune_session=${login.body?.token}`, Origin: 'http://evil.example' });
    t.error(foreign, 403, 'origin_not_allowed', 'another origin');
    t.judge('GET', '/api/v1/me/live', foreign);
  });

  await flow.check('practice: bad input and state conflicts', async (t) => {
    const pp = `/api/v1/practices/${s.pid}`;
    t.error(await t.bad('POST', `${pp}/ready`, { auth: A(), body: { on_behalf_of: [s.ben.id] } }), 400, 'invalid_field', 'on_behalf_of on an own device');
    t.error(await t.bad('POST', `${pp}/resume`, { auth: A(), body: { on_behalf_of: 'ben' }, flagged: true }), 400, 'invalid_field', 'on_behalf_of not a list');
    t.error(await t.bad('POST', `/api/v1/agreements/${s.aid}/practices`, { auth: A(), body: { device: 'phone' }, flagged: true }), 400, 'invalid_field');
    t.error(await t.bad('POST', `/api/v1/agreements/${s.draft}/practices`, { auth: A(), body: { device: 'own' } }), 409, 'agreement_not_signed');
    t.error(await t.bad('GET', `/api/v1/practices/${MISSING}`, { auth: A() }), 404, 'not_found');
    t.error(await t.bad('GET', pp, { auth: D() }), 404, 'not_found', 'an outsider');
    t.error(await t.bad('GET', `/api/v1/relationships/${MISSING}/practices`, { auth: A() }), 404, 'not_found');
    t.error(await t.bad('POST', `/api/v1/practices/${MISSING}/pause`, { auth: A() }), 404, 'not_found');
    t.error(await t.bad('POST', `/api/v1/practices/${MISSING}/tickets`, { auth: A() }), 404, 'not_found');
    const ended = await t.good('POST', `${pp}/end`, { auth: A() });
    t.expect(ended.body?.status === 'ended', 'ended');
    t.error(await t.bad('POST', `${pp}/ready`, { auth: B() }), 409, 'practice_ended');
    t.error(await t.bad('POST', `${pp}/resume`, { auth: B() }), 409, 'practice_ended');
    t.error(await t.bad('POST', `/api/v1/practices/${MISSING}/end`, { auth: A() }), 404, 'not_found');
  });

  await flow.check('debriefs: nothing shows until both are in, then both together', async (t) => {
    const pp = `/api/v1/practices/${s.pid}`;
    const before = await t.good('GET', `${pp}/debriefs`, { auth: A() });
    t.expect(before.body?.status === 'waiting' && before.body?.debriefs?.length === 0, 'waiting, with nothing in it');
    const given = await t.good('POST', `${pp}/debrief`, { auth: A(), body: { nourishing: 'the slow start', discomfort: '', adjust: 'a softer light' } });
    t.status(given, 201);
    const ana = await t.good('GET', `${pp}/debriefs`, { auth: A() });
    const ben = await t.good('GET', `${pp}/debriefs`, { auth: B() });
    t.expect(ana.text === before.text && ben.text === before.text, 'the same bytes for both, as before Ana answered');
    t.error(await t.bad('POST', `${pp}/debrief`, { auth: A(), body: { skip: true } }), 409, 'debrief_already_given');
    t.error(await t.bad('POST', `${pp}/debrief`, { auth: B(), body: { skip: true, adjust: 'x' }, flagged: true }), 400, 'invalid_field', 'text with skip');
    t.error(await t.bad('POST', `${pp}/debrief`, { auth: B(), body: { mood: 3 }, flagged: true }), 400, 'invalid_field', 'an unknown field');
    t.error(await t.bad('POST', `${pp}/debrief`, { auth: B(), body: { nourishing: 'x'.repeat(2001) }, flagged: true }), 400, 'field_too_long');
    t.error(await t.bad('POST', `${pp}/debrief`, { auth: B(), body: {} }), 400, 'missing_field', 'all three blank');
    t.error(await t.bad('POST', `${pp}/debrief`, { auth: D(), body: { skip: true } }), 404, 'not_found', 'an outsider');
    t.error(await t.bad('GET', `${pp}/debriefs`, { auth: D() }), 404, 'not_found', 'an outsider');
    t.error(await t.bad('GET', `/api/v1/practices/${MISSING}/debriefs`, { auth: A() }), 404, 'not_found');
    t.status(await t.good('POST', `${pp}/debrief`, { auth: B(), body: { skip: true } }), 201);
    const revealed = await t.good('GET', `${pp}/debriefs`, { auth: B() });
    t.expect(revealed.body?.status === 'revealed' && revealed.body?.debriefs?.length === 2, 'both revealed together');
    t.expect(revealed.body?.debriefs?.filter((d) => d.mine).length === 1, 'one of them mine');
  });

  await flow.check('withdraw: the agreement becomes void', async (t) => {
    const res = await t.good('POST', `/api/v1/agreements/${s.draft}/withdraw`, { auth: B() });
    t.expect(res.body?.status === 'void', 'void');
    t.error(await t.bad('PUT', `/api/v1/agreements/${s.draft}`, { auth: A(), body: terms() }), 409, 'agreement_void');
    t.error(await t.bad('POST', `/api/v1/agreements/${s.draft}/sign`, { auth: A(), body: { version: 1 } }), 409, 'agreement_void');
    t.error(await t.bad('POST', `/api/v1/agreements/${MISSING}/withdraw`, { auth: A() }), 404, 'not_found');
  });

  // ---- check-ins ------------------------------------------------------------------------------
  await flow.check('check-ins: daily and after a practice, shared, listed, unshared', async (t) => {
    const scores = { mood: 6, energy: 5, interest: 6, safety: 8, stress: 3 };
    const daily = await t.good('POST', '/api/v1/checkins', { auth: A(), body: { relationship_id: rid(), kind: 'daily', ...scores, note: 'A slow morning.', visibility: 'partners' } });
    t.status(daily, 201);
    s.checkin = daily.body?.id;
    const post = await t.good('POST', '/api/v1/checkins', { auth: B(), body: { relationship_id: rid(), kind: 'post', practice_id: s.pid, ...scores } });
    t.status(post, 201);
    const seen = await t.good('GET', `/api/v1/relationships/${rid()}/checkins`, { auth: B() });
    t.expect(seen.body?.checkins?.some((c) => c.id === s.checkin && !c.mine && c.visibility === undefined), "Ben sees Ana's shared check-in, without its visibility");
    t.expect(Array.isArray(seen.body?.shifts) && seen.body.shifts.length === 0, 'no shifts on a short series');
    t.status(await t.good('PUT', `/api/v1/checkins/${s.checkin}`, { auth: A(), body: { visibility: 'private' } }), 200);
    const after = await t.good('GET', `/api/v1/relationships/${rid()}/checkins`, { auth: B() });
    t.expect(!after.body?.checkins?.some((c) => c.id === s.checkin), 'unshared at once');
  });

  await flow.check('check-ins: bad input, practice rules, someone else\'s check-in', async (t) => {
    const body = { relationship_id: rid(), kind: 'daily', mood: 6, energy: 5, interest: 6, safety: 8, stress: 3 };
    t.error(await t.bad('POST', '/api/v1/checkins', { auth: A(), body: { ...body, mood: 11 }, flagged: true }), 400, 'invalid_field');
    t.error(await t.bad('POST', '/api/v1/checkins', { auth: A(), body: { ...body, kind: 'weekly' }, flagged: true }), 400, 'invalid_field');
    t.error(await t.bad('POST', '/api/v1/checkins', { auth: A(), body: { ...body, stress: undefined }, flagged: true }), 400, 'missing_field');
    t.error(await t.bad('POST', '/api/v1/checkins', { auth: A(), body: { ...body, kind: 'post' } }), 400, 'missing_field', 'post without a practice');
    t.error(await t.bad('POST', '/api/v1/checkins', { auth: A(), body: { ...body, practice_id: s.pid } }), 400, 'invalid_field', 'daily with a practice');
    t.error(await t.bad('POST', '/api/v1/checkins', { auth: A(), body: { ...body, kind: 'pre', practice_id: MISSING } }), 404, 'not_found');
    t.error(await t.bad('POST', '/api/v1/checkins', { auth: A(), body: { ...body, relationship_id: MISSING } }), 404, 'not_found');
    t.error(await t.bad('GET', `/api/v1/relationships/${MISSING}/checkins`, { auth: A() }), 404, 'not_found');
    t.error(await t.bad('PUT', `/api/v1/checkins/${s.checkin}`, { auth: B(), body: { visibility: 'partners' } }), 404, 'not_found', "Ben shares Ana's check-in");
    t.error(await t.bad('PUT', `/api/v1/checkins/${s.checkin}`, { auth: A(), body: { visibility: 'everyone' }, flagged: true }), 400, 'invalid_visibility');
  });

  // ---- programme ------------------------------------------------------------------------------
  await flow.check('programme: stage 1 open, an offer after two comfortable practices, accepted by both', async (t) => {
    const base = `/api/v1/relationships/${rid()}/programme`;
    const first = await t.good('GET', base, { auth: A() });
    t.expect(first.body?.stages?.[0]?.status === 'open' && first.body?.stages?.[1]?.status === 'closed', 'stage 1 open, stage 2 closed');
    const rating = { mood: 7, energy: 6, interest: 6, safety: 8, stress: 2 };
    await t.good('POST', '/api/v1/checkins', { auth: A(), body: { relationship_id: rid(), kind: 'post', practice_id: s.pid, ...rating } });
    const again = await t.good('POST', `/api/v1/agreements/${s.aid}/practices`, { auth: A(), body: { device: 'own' } });
    const pp = `/api/v1/practices/${again.body?.id}`;
    await t.good('POST', `${pp}/ready`, { auth: A() });
    await t.good('POST', `${pp}/ready`, { auth: B() });
    await t.good('POST', `${pp}/end`, { auth: B() });
    for (const who of [A(), B()]) {
      await t.good('POST', '/api/v1/checkins', { auth: who, body: { relationship_id: rid(), kind: 'post', practice_id: again.body?.id, ...rating } });
    }
    const offered = await t.good('GET', base, { auth: B() });
    t.expect(offered.body?.offer?.stage === 2 && offered.body?.offer?.accepted_count === 0, 'stage 2 on offer, nobody accepted yet');
    const one = await t.good('POST', `${base}/accept`, { auth: A(), body: { stage: 2 } });
    t.expect(one.body?.offer?.accepted_count === 1 && one.body?.offer?.you_accepted === true, '1 of 2');
    const both = await t.good('POST', `${base}/accept`, { auth: B(), body: { stage: 2 } });
    t.expect(both.body?.stages?.[1]?.status === 'open', 'stage 2 open once both accepted');
  });

  await flow.check('programme: nothing on offer, bad input, outsiders', async (t) => {
    const base = `/api/v1/relationships/${rid()}/programme`;
    t.error(await t.bad('POST', `${base}/accept`, { auth: A(), body: { stage: 4 } }), 409, 'no_offer');
    t.error(await t.bad('POST', `${base}/accept`, { auth: A(), body: {}, flagged: true }), 400, 'missing_field');
    t.error(await t.bad('POST', `${base}/accept`, { auth: A(), body: { stage: 'two' }, flagged: true }), 400, 'invalid_field');
    t.error(await t.bad('GET', base, { auth: D() }), 404, 'not_found', 'an outsider');
    t.error(await t.bad('GET', `/api/v1/relationships/${MISSING}/programme`, { auth: A() }), 404, 'not_found');
  });

  // After the programme checks: an ended shared-device practice with no check-ins would
  // otherwise be the latest at stage 1.
  await flow.check('shared device: a PIN, and ready for someone else only with their proof', async (t) => {
    t.status(await t.good('GET', '/api/v1/me/pin', { auth: A() }), 200, 'whether a PIN is set');
    t.error(await t.bad('GET', '/api/v1/me/pin', { flagged: true }), 401, 'unauthenticated', 'no auth');
    t.error(await t.bad('PUT', '/api/v1/me/pin', { auth: A(), body: { password: PASSWORD, pin: '123456' } }), 400, 'invalid_field', 'an easy PIN');
    t.error(await t.bad('PUT', '/api/v1/me/pin', { auth: A(), body: { password: 'wrong password here', pin: '482916' } }), 401, 'invalid_credentials');
    t.error(await t.bad('PUT', '/api/v1/me/pin', { auth: A(), body: { pin: '482916' }, flagged: true }), 400, 'missing_field');
    t.status(await t.good('PUT', '/api/v1/me/pin', { auth: A(), body: { password: PASSWORD, pin: '482916' } }), 204, 'set');
    const created = await t.good('POST', `/api/v1/agreements/${s.aid}/practices`, { auth: B(), body: { device: 'shared' } });
    if (!t.status(created, 201, 'a shared-device practice')) return;
    const pp = `/api/v1/practices/${created.body.id}`;
    t.error(await t.bad('POST', `${pp}/ready`, { auth: B(), body: { on_behalf_of: [s.ana.id] } }), 403, 'proof_required', 'no proof');
    t.error(await t.bad('POST', `${pp}/ready`, { auth: B(), body: { on_behalf_of: [s.ana.id], proofs: [{ account_id: s.ana.id, pin: '111112' }] } }), 403, 'proof_required', 'a wrong PIN');
    t.error(await t.bad('POST', `${pp}/ready`, { auth: B(), body: { on_behalf_of: [s.ana.id], proofs: [{ account_id: s.ana.id }] }, flagged: true }), 400, 'invalid_field', 'a proof without a PIN or password');
    const ready = await t.good('POST', `${pp}/ready`, { auth: B(), body: { on_behalf_of: [s.ana.id], proofs: [{ account_id: s.ana.id, pin: '482916' }] } });
    t.status(ready, 200, 'with her PIN');
    t.expect(ready.body?.ready_count === 2, 'Ana and Ben are ready');
    t.status(await t.good('POST', `${pp}/end`, { auth: B() }), 200);
    t.status(await t.good('DELETE', '/api/v1/me/pin', { auth: A(), body: { password: PASSWORD } }), 204, 'removed');
    t.error(await t.bad('DELETE', '/api/v1/me/pin', { auth: A(), body: { password: PASSWORD } }), 404, 'not_found', 'none left');
  });

  // ---- next step -------------------------------------------------------------------------------
  await flow.check('next step: one gentle suggestion of my own, or null', async (t) => {
    const res = await t.good('GET', '/api/v1/me/next-step', { auth: A() });
    const next = res.body?.next;
    t.expect(next !== undefined, 'next is always there');
    t.expect(next === null || ['debrief', 'checkin', 'exercise'].includes(next.kind), 'a known kind, or null');
    t.expect(next === null || next.relationship_id === rid(), "in Ana's relationship");
    t.error(await t.bad('GET', '/api/v1/me/next-step', { flagged: true }), 401, 'unauthenticated', 'no auth');
  });

  // ---- care plan -------------------------------------------------------------------------------
  await flow.check('care plan: write, share, on the paused state, unshare, delete', async (t) => {
    const base = `/api/v1/relationships/${rid()}/care-plan`;
    const made = await t.good('POST', base, { auth: A(), body: { kind: 'helps', text: 'A hand on my back.', visibility: 'partners' } });
    t.status(made, 201);
    const id = made.body?.id;
    const seen = await t.good('GET', base, { auth: B() });
    const entry = seen.body?.entries?.find((e) => e.id === id);
    t.expect(entry && !entry.mine && entry.author_name === undefined && entry.visibility === undefined, "Ben sees Ana's entry, not whose it is");
    const practice = await t.good('POST', `/api/v1/agreements/${s.aid}/practices`, { auth: A(), body: { device: 'own' } });
    const pp = `/api/v1/practices/${practice.body?.id}`;
    await t.good('POST', `${pp}/ready`, { auth: A() });
    await t.good('POST', `${pp}/ready`, { auth: B() });
    const paused = await t.good('POST', `${pp}/pause`, { auth: B() });
    t.expect(paused.body?.care?.some((c) => c.text === 'A hand on my back.' && c.author_name === undefined), 'the paused state carries it, unnamed');
    t.status(await t.good('PUT', `/api/v1/care-plan/${id}`, { auth: A(), body: { visibility: 'private', show_name: true } }), 200);
    const after = await t.good('GET', pp, { auth: B() });
    t.expect(Array.isArray(after.body?.care) && after.body.care.length === 0, 'unshared at once');
    await t.good('POST', `${pp}/end`, { auth: A() });
    t.status(await t.good('DELETE', `/api/v1/care-plan/${id}`, { auth: A() }), 204);
  });

  await flow.check('care plan: bad input, unknown ids, someone else\'s entry', async (t) => {
    const base = `/api/v1/relationships/${rid()}/care-plan`;
    t.error(await t.bad('POST', base, { auth: A(), body: { kind: 'worry', text: 'x' }, flagged: true }), 400, 'invalid_field');
    t.error(await t.bad('POST', base, { auth: A(), body: { kind: 'helps' }, flagged: true }), 400, 'missing_field');
    t.error(await t.bad('POST', base, { auth: A(), body: { kind: 'helps', text: 'x', show_name: 'yes' }, flagged: true }), 400, 'invalid_field');
    t.error(await t.bad('POST', base, { auth: A(), body: { kind: 'helps', text: 'x', visibility: 'everyone' }, flagged: true }), 400, 'invalid_visibility');
    t.error(await t.bad('GET', `/api/v1/relationships/${MISSING}/care-plan`, { auth: A() }), 404, 'not_found');
    const mine = await t.good('POST', base, { auth: A(), body: { kind: 'reassurance', text: 'You are safe.' } });
    t.error(await t.bad('PUT', `/api/v1/care-plan/${mine.body?.id}`, { auth: B(), body: { visibility: 'partners' } }), 404, 'not_found', "Ben shares Ana's entry");
    t.error(await t.bad('DELETE', `/api/v1/care-plan/${mine.body?.id}`, { auth: B() }), 404, 'not_found', "Ben deletes Ana's entry");
    t.error(await t.bad('PUT', `/api/v1/care-plan/${MISSING}`, { auth: A(), body: { text: 'x' } }), 404, 'not_found');
    t.error(await t.bad('PUT', `/api/v1/care-plan/${mine.body?.id}`, { auth: A(), body: { kind: 'worry' }, flagged: true }), 400, 'invalid_field');
  });

  // ---- reframing worksheets ----------------------------------------------------------------------
  await flow.check('worksheets: prompts, write, share, edit with history for the author only, delete', async (t) => {
    const prompts = await t.good('GET', '/api/v1/worksheet-prompts', { auth: A() });
    t.expect(['old_script', 'notice_now', 'new_narrative'].every((step) => prompts.body?.prompts?.some((p) => p.step === step)), 'a prompt for every step');
    const base = `/api/v1/relationships/${rid()}/worksheets`;
    const made = await t.good('POST', base, { auth: A(), body: { old_script: 'I must never need anything.', visibility: 'partners' } });
    t.status(made, 201);
    const id = made.body?.id;
    t.status(await t.good('PUT', `/api/v1/worksheets/${id}`, { auth: A(), body: { new_narrative: 'My needs are welcome.' } }), 200);
    const seen = await t.good('GET', base, { auth: B() });
    const sheet = seen.body?.worksheets?.find((w) => w.id === id);
    t.expect(sheet && !sheet.mine && sheet.new_narrative === 'My needs are welcome.' && sheet.visibility === undefined, 'Ben sees the current version only');
    const history = await t.good('GET', `/api/v1/worksheets/${id}/history`, { auth: A() });
    t.expect(history.body?.versions?.length === 1 && history.body.versions[0].new_narrative === '', 'Ana sees the earlier version');
    t.error(await t.bad('GET', `/api/v1/worksheets/${id}/history`, { auth: B() }), 404, 'not_found', "Ben reads Ana's history");
    t.error(await t.bad('PUT', `/api/v1/worksheets/${id}`, { auth: B(), body: { old_script: 'x' } }), 404, 'not_found', "Ben edits Ana's worksheet");
    t.error(await t.bad('POST', base, { auth: A(), body: { old_script: ' ' } }), 400, 'missing_field', 'all three blank');
    t.error(await t.bad('POST', base, { auth: A(), body: { old_script: 'x', visibility: 'everyone' }, flagged: true }), 400, 'invalid_visibility');
    t.error(await t.bad('GET', `/api/v1/relationships/${MISSING}/worksheets`, { auth: A() }), 404, 'not_found');
    t.status(await t.good('DELETE', `/api/v1/worksheets/${id}`, { auth: A() }), 204);
    t.error(await t.bad('DELETE', `/api/v1/worksheets/${id}`, { auth: A() }), 404, 'not_found', 'already deleted');
  });

  // ---- learning together -------------------------------------------------------------------------
  await flow.check('learning: readings with sources, cards, a shared intention with its history', async (t) => {
    const list = await t.good('GET', '/api/v1/readings', { auth: A() });
    t.expect(list.body?.readings?.length >= 6 && list.body.readings.every((r) => r.sources.length > 0), 'six readings or more, each naming its sources');
    const one = await t.good('GET', `/api/v1/readings/${list.body?.readings?.[0]?.id}`, { auth: B() });
    t.expect(typeof one.body?.body === 'string' && one.body.body.length > 0, 'a reading in full');
    t.error(await t.bad('GET', `/api/v1/readings/${MISSING}`, { auth: A() }), 404, 'not_found');
    const cards = await t.good('GET', '/api/v1/conversation-cards', { auth: A() });
    t.expect(cards.body?.cards?.length > 0, 'cards');
    const path = `/api/v1/relationships/${rid()}/intention`;
    const first = await t.good('PUT', path, { auth: A(), body: { text: 'Slow evenings together.' } });
    t.expect(first.body?.current?.text === 'Slow evenings together.', 'set');
    await t.good('PUT', path, { auth: B(), body: { text: 'Slow evenings, and a walk.' } });
    const seen = await t.good('GET', path, { auth: A() });
    t.expect(seen.body?.current?.text === 'Slow evenings, and a walk.' && seen.body?.history?.length >= 2, 'changed, with its history');
    t.error(await t.bad('PUT', path, { auth: A(), body: {}, flagged: true }), 400, 'missing_field');
    t.error(await t.bad('GET', `/api/v1/relationships/${MISSING}/intention`, { auth: A() }), 404, 'not_found');
    for (const path of ['/api/v1/readings', '/api/v1/conversation-cards', '/api/v1/worksheet-prompts']) {
      t.error(await t.bad('GET', path, { flagged: true }), 401, 'unauthenticated', 'no auth');
    }
  });

  // ---- the therapist ---------------------------------------------------------------------------
  await flow.check("therapist: linked with both partners' consent; shared view, access log, notes, messages", async (t) => {
    const therapistEmail = email('therapist');
    await addTherapist(server, { email: therapistEmail, name: 'Rowan' });
    const login = await t.good('POST', '/api/v1/auth/login', { body: { email: therapistEmail, password: THERAPIST_PASSWORD } });
    s.therapist = { token: login.body?.token, id: login.body?.account?.id };
    const T = () => ({ token: s.therapist.token });
    const me = await t.good('GET', '/api/v1/me', { auth: T() });
    t.expect(me.body?.roles?.includes('therapist'), 'the therapist role');
    const code = await t.good('POST', '/api/v1/therapist/link-codes', { auth: T() });
    t.status(code, 201);
    const base = `/api/v1/relationships/${rid()}/therapist`;
    const none = await t.good('GET', base, { auth: A() });
    t.expect(none.body?.status === 'none' && none.body?.confidentiality?.body?.length > 0, 'no link yet; the limits of confidentiality');
    t.error(await t.bad('POST', base, { auth: A(), body: { code: code.body?.code } }), 422, 'acknowledgement_required');
    const requested = await t.good('POST', base, { auth: A(), body: { code: code.body?.code, understood: true } });
    t.expect(requested.status === 201 && requested.body?.status === 'pending', 'pending until Ben consents');
    t.error(await t.bad('GET', `/api/v1/therapist/relationships/${rid()}/shared`, { auth: T() }), 404, 'not_found', 'not before every consent');
    const consented = await t.good('POST', `${base}/consent`, { auth: B(), body: { understood: true } });
    t.expect(consented.body?.status === 'active', 'active once both consent');
    await t.good('POST', `/api/v1/relationships/${rid()}/intake`, { auth: A(), body: { kind: 'safe', text: 'For our therapist.', visibility: 'therapist' } });
    const caseload = await t.good('GET', '/api/v1/therapist/relationships', { auth: T() });
    t.expect(caseload.body?.relationships?.some((r) => r.id === rid()), 'in the caseload');
    const shared = await t.good('GET', `/api/v1/therapist/relationships/${rid()}/shared`, { auth: T() });
    t.expect(shared.body?.entries?.some((e) => e.feature === 'intake' && e.body?.text === 'For our therapist.'), 'the shared entry');
    const log = await t.good('GET', `/api/v1/relationships/${rid()}/access-log`, { auth: A() });
    t.expect(log.body?.entries?.some((e) => e.action === 'shared' && e.actor_id === s.therapist.id), "Ana's log shows the read");
    t.status(await t.good('POST', `/api/v1/therapist/relationships/${rid()}/notes`, { auth: T(), body: { text: 'First session.' } }), 201);
    const notes = await t.good('GET', `/api/v1/therapist/relationships/${rid()}/notes`, { auth: T() });
    t.expect(notes.body?.notes?.[0]?.text === 'First session.', 'the note');
    t.status(await t.good('POST', `${base}/messages`, { auth: B(), body: { text: 'A word just for you.' } }), 201);
    const inbox = await t.good('GET', '/api/v1/therapist/messages', { auth: T() });
    t.expect(inbox.body?.channels?.some((c) => c.partner?.id === s.ben.id && c.messages?.[0]?.from === 'partner'), "Ben's channel");
    t.status(await t.good('POST', '/api/v1/therapist/messages', { auth: T(), body: { relationship_id: rid(), partner_id: s.ben.id, text: 'Thank you.' } }), 201);
    const mine = await t.good('GET', `${base}/messages`, { auth: B() });
    t.expect(mine.body?.messages?.length === 2 && mine.body.messages[1].from === 'therapist', 'the reply');
    const offered = await t.good('POST', `/api/v1/therapist/relationships/${rid()}/programme/offer`, { auth: T(), body: {} });
    t.expect(offered.status === 200 && offered.body?.stage === 3, 'the next stage offered');
  });

  await flow.check("therapist: their own hold, the partners' safety checks, report (page and PDF), FHIR, a shared debrief", async (t) => {
    const T = () => ({ token: s.therapist.token });
    const room = `/api/v1/therapist/relationships/${rid()}`;
    const held = await t.good('PUT', `${room}/practice-hold`, { auth: T() });
    t.expect(held.body?.practice_hold === true && held.body?.you_held === true, 'my hold is in place');
    const seen = await t.good('GET', `${room}/practice-hold`, { auth: T() });
    t.expect(seen.body?.you_held === true, 'the same when read');
    const bens = await t.good('GET', `/api/v1/relationships/${rid()}/practice-hold`, { auth: B() });
    t.expect(bens.body?.practice_hold === true && bens.body?.you_paused === false, 'Ben sees only that practice is paused');
    const lifted = await t.good('DELETE', `${room}/practice-hold`, { auth: T() });
    t.expect(lifted.body?.you_held === false, 'lifted');
    t.error(await t.bad('PUT', `${room}/practice-hold`, { auth: A() }), 404, 'not_found', 'a partner');
    t.error(await t.bad('GET', `${room}/practice-hold`, { auth: A() }), 404, 'not_found', 'a partner');
    t.error(await t.bad('DELETE', `/api/v1/therapist/relationships/${MISSING}/practice-hold`, { auth: T() }), 404, 'not_found');
    const checks = await t.good('GET', `${room}/safety-checks`, { auth: T() });
    t.expect(Array.isArray(checks.body?.checks) && checks.body?.form?.questions?.length > 0, 'the form and the checks');
    t.error(await t.bad('GET', `${room}/safety-checks`, { auth: B() }), 404, 'not_found', 'a partner');
    const report = await t.good('GET', `${room}/report.html`, { auth: T() });
    t.expect(report.status === 200, 'the report');
    t.error(await t.bad('GET', `${room}/report.html`, { auth: A() }), 404, 'not_found', 'a partner');
    const pdf = await t.good('GET', `${room}/report.pdf`, { auth: T(), headers: { Accept: 'application/pdf' } });
    t.expect(pdf.status === 200 && pdf.text.startsWith('%PDF-'), 'the report as a PDF');
    t.error(await t.bad('GET', `${room}/report.pdf`, { auth: A() }), 404, 'not_found', 'a partner');
    const bundle = await t.good('GET', `${room}/fhir`, { auth: T() });
    t.expect(bundle.body?.resourceType === 'Bundle', 'a FHIR Bundle');
    t.error(await t.bad('GET', `${room}/fhir`, { auth: B() }), 404, 'not_found', 'a partner');
    const share = `/api/v1/practices/${s.pid}/debrief/therapist`;
    t.expect((await t.good('GET', share, { auth: A() })).body?.shared === false, 'off until Ana turns it on');
    t.expect((await t.good('PUT', share, { auth: A(), body: { shared: true } })).body?.shared === true, 'shared');
    const shared = await t.good('GET', `${room}/shared`, { auth: T() });
    t.expect(shared.body?.entries?.some((e) => e.feature === 'debrief' && e.body?.nourishing === 'the slow start'), "Ana's debrief reaches the therapist");
    t.error(await t.bad('PUT', share, { auth: A(), body: {}, flagged: true }), 400, 'missing_field');
    t.error(await t.bad('PUT', share, { auth: A(), body: { shared: true, mood: 1 }, flagged: true }), 400, 'invalid_field');
    t.error(await t.bad('PUT', share, { auth: T(), body: { shared: true } }), 404, 'not_found', 'the therapist');
    t.error(await t.bad('GET', share, { auth: D() }), 404, 'not_found', 'an outsider');
  });

  await flow.check('therapist: other roles, bad input, revocation at once', async (t) => {
    const T = () => ({ token: s.therapist.token });
    const base = `/api/v1/relationships/${rid()}/therapist`;
    const room = `/api/v1/therapist/relationships/${rid()}`;
    t.error(await t.bad('POST', '/api/v1/therapist/link-codes', { auth: A() }), 404, 'not_found', 'a partner');
    t.error(await t.bad('GET', '/api/v1/therapist/relationships', { auth: A() }), 404, 'not_found', 'a partner');
    t.error(await t.bad('GET', '/api/v1/therapist/messages', { auth: B() }), 404, 'not_found', 'a partner');
    t.error(await t.bad('GET', `${room}/notes`, { auth: A() }), 404, 'not_found', 'a partner');
    t.error(await t.bad('GET', `/api/v1/relationships/${rid()}/intake`, { auth: T() }), 404, 'not_found', 'the therapist on a partner route');
    t.error(await t.bad('GET', base, { auth: D() }), 404, 'not_found', 'an outsider');
    t.error(await t.bad('GET', `/api/v1/relationships/${rid()}/access-log`, { auth: D() }), 404, 'not_found', 'an outsider');
    t.error(await t.bad('POST', `${base}/consent`, { auth: D(), body: { understood: true } }), 404, 'not_found', 'an outsider');
    t.error(await t.bad('POST', `${base}/messages`, { auth: D(), body: { text: 'hi' } }), 404, 'not_found', 'an outsider');
    t.error(await t.bad('GET', `${base}/messages`, { auth: D() }), 404, 'not_found', 'an outsider');
    t.error(await t.bad('DELETE', base, { auth: D() }), 404, 'not_found', 'an outsider');
    t.error(await t.bad('POST', base, { auth: A(), body: { code: 'not-a-code', understood: true } }), 409, 'link_code_invalid');
    t.error(await t.bad('POST', base, { auth: A(), body: {}, flagged: true }), 400, 'missing_field');
    t.error(await t.bad('POST', `${room}/notes`, { auth: T(), body: {}, flagged: true }), 400, 'missing_field');
    t.error(await t.bad('POST', `${room}/programme/offer`, { auth: T(), body: { stage: 1 } }), 409, 'no_offer');
    t.error(await t.bad('POST', '/api/v1/therapist/messages', { auth: T(), body: { relationship_id: rid(), partner_id: MISSING, text: 'x' } }), 404, 'not_found');
    t.status(await t.good('DELETE', base, { auth: A() }), 204);
    t.error(await t.bad('GET', `${room}/shared`, { auth: T() }), 404, 'not_found', 'revoked: the next request fails');
    t.status(await t.good('POST', `${base}/messages`, { auth: B(), body: { text: 'Still here.' } }), 201);
  });

  // ---- measures and progress -------------------------------------------------------------------
  await flow.check('measures: placeholders, a private answer, shared, FHIR, rhythm, progress', async (t) => {
    const list = await t.good('GET', '/api/v1/measures', { auth: A() });
    const csi4 = list.body?.measures?.find((m) => m.id === 'csi-4');
    t.expect(csi4?.items?.length === 4 && csi4.items[0].points.length === 7 && csi4.items[1].points.length === 6, 'CSI-4: a 0-6 item and 0-5 items');
    t.expect(csi4?.texts_installed === false && csi4.items[2].placeholder && /Item 3 of 4/.test(csi4.items[2].text), 'placeholders until installed');
    t.expect(list.body?.measures?.find((m) => m.id === 'pulse')?.validated === false, 'the pulse is not presented as validated');
    t.status(await t.good('GET', '/api/v1/measures/gmsex', { auth: A() }), 200);
    const q = await t.good('GET', '/api/v1/measures/csi-4/fhir', { auth: A() });
    t.expect(q.body?.resourceType === 'Questionnaire' && q.body?.item?.[0]?.linkId === 'q1', 'a FHIR Questionnaire');
    const base = `/api/v1/relationships/${rid()}/measures`;
    const answered = await t.good('POST', `${base}/csi-4`, { auth: A(), body: { answers: { q1: 5, q2: 4, q3: 3, q4: 4 } } });
    t.status(answered, 201);
    t.expect(answered.body?.score === 16 && answered.body?.band === null, 'scored 16, above the cut-off');
    s.measureResult = answered.body?.id;
    const before = await t.good('GET', `${base}/results`, { auth: B() });
    t.expect(!before.body?.results?.some((r) => r.id === s.measureResult), 'private: Ben does not see it');
    t.status(await t.good('PUT', `/api/v1/measure-results/${s.measureResult}`, { auth: A(), body: { visibility: 'partners' } }), 200);
    const after = await t.good('GET', `${base}/results`, { auth: B() });
    t.expect(after.body?.results?.some((r) => r.id === s.measureResult && r.total === 16 && !r.mine), 'shared: Ben sees it');
    const bundle = await t.good('GET', `${base}/fhir`, { auth: B() });
    t.expect(bundle.body?.type === 'collection' && bundle.body?.entry?.length === 1, 'one shared QuestionnaireResponse');
    t.status(await t.good('PUT', `${base}/csi-4/schedule`, { auth: A(), body: { every_days: 14 } }), 200);
    const due = await t.good('GET', `${base}/schedule`, { auth: A() });
    t.expect(due.body?.schedules?.find((x) => x.measure_id === 'csi-4')?.due === false, 'just answered: not due');
    const progress = await t.good('GET', `/api/v1/relationships/${rid()}/progress`, { auth: A() });
    t.expect(progress.body?.scores?.some((x) => x.total === 16 && x.mine), 'my score on progress');
    t.expect(progress.body?.milestones?.some((m) => m.id === 'first-measure'), 'a first milestone');
  });

  await flow.check('measures: bad input, outsiders, someone else\'s result', async (t) => {
    const base = `/api/v1/relationships/${rid()}/measures`;
    t.error(await t.bad('GET', '/api/v1/measures', { flagged: true }), 401, 'unauthenticated', 'no auth');
    t.error(await t.bad('GET', '/api/v1/measures/nope', { auth: A() }), 404, 'not_found');
    t.error(await t.bad('GET', '/api/v1/measures/nope/fhir', { auth: A() }), 404, 'not_found');
    t.error(await t.bad('POST', `${base}/csi-4`, { auth: A(), body: { answers: { q1: 7, q2: 4, q3: 3, q4: 4 } } }), 400, 'invalid_answer', 'off the scale');
    t.error(await t.bad('POST', `${base}/csi-4`, { auth: A(), body: { answers: { q1: 5 } } }), 400, 'missing_field', 'unanswered items');
    t.error(await t.bad('POST', `${base}/csi-4`, { auth: A(), body: {}, flagged: true }), 400, 'missing_field');
    t.error(await t.bad('POST', `${base}/csi-4`, { auth: D(), body: { answers: { q1: 5, q2: 4, q3: 3, q4: 4 } } }), 404, 'not_found', 'an outsider');
    t.error(await t.bad('GET', `${base}/results`, { auth: D() }), 404, 'not_found', 'an outsider');
    t.error(await t.bad('PUT', `/api/v1/measure-results/${s.measureResult}`, { auth: B(), body: { visibility: 'private' } }), 404, 'not_found', "Ben unshares Ana's result");
    t.error(await t.bad('GET', `${base}/schedule`, { auth: D() }), 404, 'not_found', 'an outsider');
    t.error(await t.bad('PUT', `${base}/csi-4/schedule`, { auth: A(), body: { every_days: 400 }, flagged: true }), 400, 'invalid_field');
    t.error(await t.bad('GET', `${base}/fhir`, { auth: D() }), 404, 'not_found', 'an outsider');
    t.error(await t.bad('GET', `/api/v1/relationships/${rid()}/progress`, { auth: D() }), 404, 'not_found', 'an outsider');
  });

  // ---- appreciation and shared plans -----------------------------------------------------------
  await flow.check('appreciation: a note to Ana, seen by her, withdrawn by Ben', async (t) => {
    const base = `/api/v1/relationships/${rid()}/appreciations`;
    const sent = await t.good('POST', base, { auth: B(), body: { to: s.ana.id, text: 'Thank you for listening.' } });
    t.status(sent, 201);
    const everyone = await t.good('POST', base, { auth: A(), body: { text: 'Glad we are here.' } });
    t.status(everyone, 201);
    s.appreciation = everyone.body?.id;
    const seen = await t.good('GET', base, { auth: A() });
    t.expect(seen.body?.received?.some((n) => n.id === sent.body?.id && n.from?.id === s.ben.id), 'Ana sees it, from Ben');
    t.expect(seen.body?.sent?.some((n) => n.id === s.appreciation && n.to === null), 'her own note to everyone');
    t.status(await t.good('DELETE', `/api/v1/appreciations/${sent.body?.id}`, { auth: B() }), 204);
    const after = await t.good('GET', base, { auth: A() });
    t.expect(!after.body?.received?.some((n) => n.id === sent.body?.id), 'gone once withdrawn');
  });

  await flow.check('appreciation: bad input, outsiders, someone else\'s note', async (t) => {
    const base = `/api/v1/relationships/${rid()}/appreciations`;
    t.error(await t.bad('POST', base, { auth: A(), body: {}, flagged: true }), 400, 'missing_field');
    t.error(await t.bad('POST', base, { auth: A(), body: { text: 7 }, flagged: true }), 400, 'invalid_field');
    t.error(await t.bad('POST', base, { auth: A(), body: { text: 'hi', to: s.ana.id } }), 422, 'not_a_participant', 'to myself');
    t.error(await t.bad('GET', base, { auth: D() }), 404, 'not_found', 'an outsider');
    t.error(await t.bad('DELETE', `/api/v1/appreciations/${s.appreciation}`, { auth: B() }), 404, 'not_found', "Ben withdraws Ana's note");
  });

  await flow.check('plans: proposed by Ana, joined by Ben, in the calendar with a neutral title', async (t) => {
    const base = `/api/v1/relationships/${rid()}/plans`;
    const made = await t.good('POST', base, { auth: A(), body: { kind: 'rest', title: 'Lazy Sunday', starts_at: '2026-12-06T10:00:00+01:00', note: 'pancakes' } });
    t.status(made, 201);
    s.plan = made.body?.id;
    const joined = await t.good('POST', `/api/v1/plans/${s.plan}/join`, { auth: B() });
    t.expect(joined.body?.you === 'joining' && joined.body?.joining?.length === 2, 'both joining');
    const list = await t.good('GET', base, { auth: A() });
    t.expect(list.body?.plans?.some((p) => p.id === s.plan && p.starts_at === '2026-12-06T09:00:00.000Z'), 'listed, in UTC');
    const ics = await t.good('GET', `/api/v1/relationships/${rid()}/calendar.ics`, { auth: B(), headers: { Accept: 'text/calendar' } });
    t.status(ics, 200);
    t.expect(/^text\/calendar/.test(ics.headers.get('content-type') ?? ''), 'text/calendar');
    t.expect(ics.text.includes(`UID:${s.plan}@attune\r\n`) && ics.text.includes('SUMMARY:attune\r\n'), 'the plan, neutrally named');
    t.expect(!ics.text.includes('Lazy') && !ics.text.includes('pancakes'), 'nothing of its words');
    const declined = await t.good('POST', `/api/v1/plans/${s.plan}/decline`, { auth: B() });
    t.expect(declined.body?.you === 'not_joining' && declined.body?.joining?.length === 1, 'declined');
    const other = await t.good('POST', base, { auth: B(), body: { title: 'Walk' } });
    t.status(await t.good('DELETE', `/api/v1/plans/${other.body?.id}`, { auth: B() }), 204);
  });

  await flow.check('plans: bad input, outsiders, the proposer\'s own plan', async (t) => {
    const base = `/api/v1/relationships/${rid()}/plans`;
    t.error(await t.bad('POST', base, { auth: A(), body: {}, flagged: true }), 400, 'missing_field');
    t.error(await t.bad('POST', base, { auth: A(), body: { title: 'x', kind: 'party' }, flagged: true }), 400, 'invalid_field');
    t.error(await t.bad('POST', base, { auth: A(), body: { title: 'x', starts_at: 'tomorrow' } }), 400, 'invalid_field');
    t.error(await t.bad('GET', base, { auth: D() }), 404, 'not_found', 'an outsider');
    t.error(await t.bad('POST', `/api/v1/plans/${s.plan}/join`, { auth: D() }), 404, 'not_found', 'an outsider');
    t.error(await t.bad('POST', `/api/v1/plans/${s.plan}/decline`, { auth: A() }), 409, 'conflict', 'the proposer declines');
    t.error(await t.bad('DELETE', `/api/v1/plans/${s.plan}`, { auth: B() }), 404, 'not_found', "Ben withdraws Ana's plan");
    t.error(await t.bad('GET', `/api/v1/relationships/${MISSING}/calendar.ics`, { auth: A(), headers: { Accept: 'application/json' } }), 404, 'not_found');
  });

  await flow.check('reminders: off until chosen, settings saved, nothing due yet, bad input', async (t) => {
    const off = await t.good('GET', '/api/v1/me/reminders/settings', { auth: A() });
    t.expect(off.body?.kinds?.length === 0 && off.body?.email === false && off.body?.quiet_hours === null, 'everything off');
    const on = await t.good('PUT', '/api/v1/me/reminders/settings', { auth: A(), body: { kinds: ['checkin', 'plan'], quiet_hours: { start: '22:00', end: '08:00' } } });
    t.expect(on.body?.kinds?.join(',') === 'checkin,plan' && on.body?.quiet_hours?.start === '22:00', 'saved');
    const due = await t.good('GET', '/api/v1/me/reminders', { auth: A() });
    t.expect(Array.isArray(due.body?.reminders), 'a list');
    t.error(await t.bad('PUT', '/api/v1/me/reminders/settings', { auth: A(), body: { kinds: ['streak'] }, flagged: true }), 400, 'invalid_field');
    t.error(await t.bad('PUT', '/api/v1/me/reminders/settings', { auth: A(), body: { kinds: [], quiet_hours: { start: '25:00', end: '08:00' } }, flagged: true }), 400, 'invalid_field');
    t.error(await t.bad('PUT', '/api/v1/me/reminders/settings', { auth: A(), body: { kinds: ['checkin'], email: true } }), 422, 'mail_not_configured');
    t.status(await t.good('POST', `/api/v1/me/reminders/${MISSING}/dismiss`, { auth: A() }), 204, 'nothing of mine: nothing changes');
    t.error(await t.bad('POST', `/api/v1/me/reminders/${MISSING}/dismiss`, { flagged: true }), 401, 'unauthenticated');
    t.error(await t.bad('GET', '/api/v1/me/reminders', { flagged: true }), 401, 'unauthenticated');
    t.error(await t.bad('GET', '/api/v1/me/reminders/settings', { flagged: true }), 401, 'unauthenticated');
  });

  // ---- my data, other sessions, deletion ---------------------------------------------------------
  await flow.check('export: everything Ana wrote, as a download', async (t) => {
    const res = await t.good('GET', '/api/v1/me/export', { auth: A() });
    t.status(res, 200);
    t.expect(/attachment/.test(res.headers.get('content-disposition') ?? ''), 'offered as a download');
    const us = res.body?.relationships?.find((r) => r.id === rid());
    t.expect(us?.my_entries?.some((e) => e.id === s.entry), 'my intake entry');
    t.expect(us?.my_entries?.some((e) => e.id === s.checkin && e.feature === 'checkin'), 'my check-in');
    t.expect(us?.my_entries?.some((e) => e.id === s.measureResult && e.feature === 'measure'), 'my questionnaire result');
    t.expect(us?.my_custom_items?.some((i) => i.id === s.custom), 'my custom item');
    t.expect(us?.agreements?.some((a) => a.id === s.aid && a.my_signatures.length === 1), 'my signature');
    t.expect(us?.my_debriefs?.some((d) => d.practice_id === s.pid && d.nourishing === 'the slow start'), 'my debrief');
    t.expect(us?.appreciations?.sent?.some((n) => n.id === s.appreciation), 'my appreciation note');
    t.expect(us?.plans?.proposed?.some((p) => p.id === s.plan && p.title === 'Lazy Sunday'), 'my plan');
  });

  await flow.check('sessions: end the others, then log out', async (t) => {
    t.error(await t.bad('DELETE', '/api/v1/auth/sessions', { auth: { cookie: s.anaCookie.cookie, csrf: 'wrong' } }), 403, 'csrf_token_invalid');
    t.status(await t.good('DELETE', '/api/v1/auth/sessions', { auth: A() }), 204);
    t.error(await t.bad('GET', '/api/v1/me', { auth: { cookie: s.anaCookie.cookie } }), 401, 'unauthenticated', 'the other session is over');
    const out = await t.good('POST', '/api/v1/auth/logout', { auth: C() });
    t.status(out, 204);
    t.expect(/Max-Age=0/.test(out.headers.get('set-cookie') ?? ''), 'the cookie is cleared');
    t.error(await t.bad('GET', '/api/v1/me', { auth: C() }), 401, 'unauthenticated', 'after logout');
  });

  await flow.check('account deletion', async (t) => {
    t.error(await t.bad('DELETE', '/api/v1/me', { auth: D(), body: { password: 'wrong password here' } }), 401, 'invalid_credentials');
    t.error(await t.bad('DELETE', '/api/v1/me', { auth: D(), body: {}, flagged: true }), 400, 'missing_field');
    t.status(await t.good('DELETE', '/api/v1/me', { auth: D(), body: { password: 'another long password' } }), 204);
    t.error(await t.bad('GET', '/api/v1/me', { auth: D() }), 401, 'unauthenticated', 'the account is gone');
  });

  // ---- the language coach ------------------------------------------------------------------------
  await flow.check('coach: flags, a suggestion, resources for harm, limits', async (t) => {
    const flagged = await t.good('POST', '/api/v1/coach/review', { auth: A(), body: { text: 'You never listen to me.' } });
    t.status(flagged, 200);
    t.expect(flagged.body?.flags?.[0]?.kind === 'generalisation', 'a generalisation');
    t.expect(typeof flagged.body?.suggestion === 'string', 'a suggestion');
    const kind = await t.good('POST', '/api/v1/coach/review', { auth: A(), body: { text: 'You always make me laugh.' } });
    t.expect(kind.body?.flags?.length === 0 && kind.body?.suggestion === null, 'nothing to say');
    const harm = await t.good('POST', '/api/v1/coach/review', { auth: A(), body: { text: 'I was scared to stop.' } });
    t.expect(harm.body?.flags?.length === 0 && harm.body?.suggestion === null, 'no reframe');
    t.expect(harm.body?.resources?.entries?.length > 0, 'the resources instead');
    t.error(await t.bad('POST', '/api/v1/coach/review', { body: { text: 'hello' } }), 401, 'unauthenticated');
    t.error(await t.bad('POST', '/api/v1/coach/review', { auth: A(), body: {}, flagged: true }), 400, 'missing_field');
    t.error(await t.bad('POST', '/api/v1/coach/review', { auth: A(), body: { text: 'x'.repeat(16385) } }), 413, 'body_too_large');
  });

  // ---- the private safety check and the practice hold -------------------------------------------
  await flow.check('safety check: private answers; any cause holds practice the same way', async (t) => {
    const form = await t.good('GET', '/api/v1/safety-check', { auth: B() });
    t.expect(form.body?.questions?.length >= 5 && form.body?.scale?.[0]?.value === 0, 'questions and a scale from 0');
    const base = `/api/v1/relationships/${rid()}`;
    const first = form.body.questions[0].id;
    const sent = await t.good('POST', `${base}/safety-check`, { auth: A(), body: { answers: { [first]: 3 } } });
    t.status(sent, 201);
    const mine = await t.good('GET', `${base}/safety-check/mine`, { auth: A() });
    t.expect(mine.body?.checks?.[0]?.signals_danger === true && mine.body?.resources?.entries?.length > 0, 'mine, with resources');
    const bens = await t.good('GET', `${base}/safety-check/mine`, { auth: B() });
    t.expect(bens.body?.checks?.length === 0 && bens.body?.resources === undefined, "nothing of Ana's for Ben");
    const held = await t.good('GET', `${base}/practice-hold`, { auth: B() });
    t.expect(held.body?.practice_hold === true && held.body?.you_paused === false, 'held, not by Ben');
    const detail = await t.good('GET', base, { auth: B() });
    t.expect(detail.body?.practice_hold === true, 'the relationship says so too');
    const paused = await t.good('PUT', `${base}/practice-hold/mine`, { auth: B() });
    t.expect(paused.body?.you_paused === true, 'Ben paused the programme');
    const lifted = await t.good('DELETE', `${base}/practice-hold/mine`, { auth: B() });
    t.expect(lifted.body?.practice_hold === true && lifted.body?.you_paused === false, "still held: Ana's cause remains, unnamed");
    t.status(await t.good('POST', `${base}/safety-check`, { auth: A(), body: { answers: { [first]: 0 } } }), 201);
    const free = await t.good('GET', `${base}/practice-hold`, { auth: A() });
    t.expect(free.body?.practice_hold === false, 'lifted by a later check');
  });

  await flow.check('safety check: bad input and outsiders', async (t) => {
    const base = `/api/v1/relationships/${rid()}`;
    t.error(await t.bad('POST', `${base}/safety-check`, { auth: A(), body: { answers: { 'no-such-question': 1 } } }), 400, 'invalid_field');
    t.error(await t.bad('POST', `${base}/safety-check`, { auth: A(), body: { answers: [1] }, flagged: true }), 400, 'invalid_field');
    t.error(await t.bad('POST', `${base}/safety-check`, { auth: A(), body: {}, flagged: true }), 400, 'missing_field');
    t.error(await t.bad('GET', '/api/v1/safety-check', { flagged: true }), 401, 'unauthenticated');
    t.error(await t.bad('GET', `/api/v1/relationships/${MISSING}/safety-check/mine`, { auth: A() }), 404, 'not_found');
    t.error(await t.bad('GET', `/api/v1/relationships/${MISSING}/practice-hold`, { auth: A() }), 404, 'not_found');
    t.error(await t.bad('PUT', `/api/v1/relationships/${MISSING}/practice-hold/mine`, { auth: A() }), 404, 'not_found');
    t.error(await t.bad('DELETE', `/api/v1/relationships/${MISSING}/practice-hold/mine`, { auth: A() }), 404, 'not_found');
  });

  // ---- account recovery (issue 11 item 5) and account settings ------------------------------------
  await flow.check('recovery: the code shown at sign-up resets the password; no answer tells who has an account', async (t) => {
    const eve = { email: email('eve'), password: PASSWORD, display_name: 'eve', confirm_adult: true };
    const created = await t.good('POST', '/api/v1/accounts', { body: eve });
    t.status(created, 201);
    const code = created.body?.recovery_code;
    t.expect(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/.test(code ?? ''), 'a recovery code in groups of four');
    const options = await t.good('GET', '/api/v1/auth/options');
    t.expect(options.body?.email === false, 'this server sends no e-mail');
    const padded = await t.raw('GET', '/api/v1/auth/options', { 'X-Padding': 'p'.repeat(20 * 1024) });
    t.error(padded, 431, 'headers_too_large', 'options with oversized headers');
    t.judge('GET', '/api/v1/auth/options', padded);
    const fresh = 'a new long password';
    const unknown = await t.bad('POST', '/api/v1/auth/recover', { body: { email: email('nobody'), recovery_code: code, new_password: fresh } });
    const wrong = await t.bad('POST', '/api/v1/auth/recover', { body: { email: eve.email, recovery_code: '0000-0000-0000-0000-0000', new_password: fresh } });
    t.error(unknown, 401, 'invalid_credentials', 'unknown address');
    t.error(wrong, 401, 'invalid_credentials', 'wrong code');
    t.expect(JSON.stringify(unknown.body) === JSON.stringify(wrong.body), 'the same answer either way');
    t.error(await t.bad('POST', '/api/v1/auth/recover', { body: { email: eve.email, recovery_code: code, new_password: 'short' }, flagged: true }), 400, 'weak_password');
    t.error(await t.bad('POST', '/api/v1/auth/recover', { body: { email: eve.email }, flagged: true }), 400, 'missing_field');
    t.status(await t.good('POST', '/api/v1/auth/recover', { body: { email: eve.email, recovery_code: code, new_password: fresh } }), 204);
    const login = await t.good('POST', '/api/v1/auth/login', { body: { email: eve.email, password: fresh } });
    t.status(login, 200, 'log in with the new password');
    const E = () => ({ token: login.body?.token });
    const status = await t.good('GET', '/api/v1/me/recovery-code', { auth: E() });
    t.expect(status.body?.exists === false && status.body?.created_at === null, 'the code was used up');
    t.error(await t.bad('POST', '/api/v1/me/recovery-code', { auth: E(), body: { password: 'wrong password here' } }), 401, 'invalid_credentials');
    const made = await t.good('POST', '/api/v1/me/recovery-code', { auth: E(), body: { password: fresh } });
    t.status(made, 200);
    t.expect(made.body?.recovery_code !== code, 'a new code');
    t.error(await t.bad('GET', '/api/v1/me/recovery-code', { flagged: true }), 401, 'unauthenticated');
    // Without SMTP: no e-mail reset; links that do not exist are refused alike.
    t.error(await t.bad('POST', '/api/v1/auth/reset-request', { body: { email: eve.email } }), 422, 'mail_not_configured');
    t.error(await t.bad('POST', '/api/v1/auth/reset', { body: { token: 'no-such-token', new_password: fresh } }), 401, 'invalid_credentials');
    t.error(await t.bad('POST', '/api/v1/auth/confirm', { body: { token: 'no-such-token' } }), 401, 'invalid_credentials');
    t.error(await t.bad('POST', '/api/v1/auth/confirm', { body: {}, flagged: true }), 400, 'missing_field');
    // The time zone.
    const moved = await t.good('PATCH', '/api/v1/me', { auth: E(), body: { time_zone: 'America/Toronto' } });
    t.expect(moved.body?.time_zone === 'America/Toronto', 'the new time zone');
    t.error(await t.bad('PATCH', '/api/v1/me', { auth: E(), body: { time_zone: 'Mars/Olympus' } }), 400, 'invalid_time_zone');
  });
}

const spec = (t) => t.flow.spec;

/** Allow names exactly the methods the description gives the path, in any order. */
function expectAllow(t, what, res, methods) {
  const allow = (res.headers.allow ?? '')
    .split(',')
    .map((m) => m.trim().toUpperCase())
    .filter(Boolean)
    .sort();
  const want = [...methods].sort();
  t.expect(
    allow.join(',') === want.join(','),
    `${what}: Allow should name ${want.join(', ')}, got ${res.headers.allow === undefined ? 'no Allow header' : JSON.stringify(res.headers.allow)}`,
  );
}

/** Opens the per-person channel with these headers, runs `during` once open, collects frames for a moment. */
function nudgeExchange(url, headers, during, settleMs = 800) {
  return new Promise((resolve, reject) => {
    const frames = [];
    const ws = new WebSocket(url, { headers });
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`the channel did not open within 10 s on ${url}`));
    }, 10000);
    ws.on('open', async () => {
      clearTimeout(timer);
      try {
        await during(ws);
      } finally {
        setTimeout(() => ws.close(1000), settleMs);
      }
    });
    ws.on('message', (data) => frames.push(JSON.parse(String(data))));
    ws.on('close', () => resolve(frames));
    ws.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/** Opens the socket, sends each message once the first state arrived, collects frames for a moment. */
function liveExchange(url, messages, settleMs = 800) {
  return new Promise((resolve, reject) => {
    const frames = [];
    const ws = new WebSocket(url);
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`no state within 10 s on ${url.replace(/ticket=[^&]+/, 'ticket=…')}`));
    }, 10000);
    ws.on('message', (data) => {
      frames.push(JSON.parse(String(data)));
      if (frames.length === 1) {
        clearTimeout(timer);
        for (const m of messages) ws.send(JSON.stringify(m));
        setTimeout(() => ws.close(1000), settleMs);
      }
    });
    ws.on('close', () => resolve(frames));
    ws.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

let exitCode = 1;
try {
  const { passed, failed } = await main();
  console.log(`${passed} passed, ${failed} failed`);
  exitCode = failed ? 1 : 0;
} catch (err) {
  console.error(`contract: ${err?.stack ?? err}`);
  console.log('0 passed, 1 failed');
} finally {
  await runCleanups();
}
process.exit(exitCode);
