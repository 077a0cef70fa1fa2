// A small in-memory stand-in for `attune serve`, used by the e2e harness only when no
// build/attune binary exists (ATTUNE_E2E_SERVER=mock forces it). It follows
// shared/API.md closely enough to drive the web client; the real server is the reference.
// Same command line and readiness line as the real server.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const [host, port] = opt('--listen', '127.0.0.1:8080').split(':');
const webDir = path.resolve(opt('--web-dir', 'web/dist'));

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

// ---- state --------------------------------------------------------------------------
const id = () => crypto.randomBytes(8).toString('hex');
const now = () => Date.now();
const accounts = new Map(); // id -> {id, email, password, display_name, time_zone}
const sessions = new Map(); // cookie -> {account, csrf}
const rels = new Map(); // rid -> {id, name, members:Set, pending:Map(pid -> Set(approvers)), inviter}
const invites = new Map(); // code -> {rid, inviter, used}

const resources = {
  title: 'Support and safety',
  body: 'If you feel unsafe or overwhelmed, you can reach someone now. These services are free and confidential.',
  entries: [
    { name: 'Emergency services', contact: '112', note: 'If you are in immediate danger.' },
    { name: 'Crisis line (example)', contact: '0800 000 000', note: 'Open every day, all day.' },
  ],
};

// ---- helpers -------------------------------------------------------------------------
class HttpError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}
const fail = (status, code, message = code.replace(/_/g, ' ')) => {
  throw new HttpError(status, code, message);
};

function send(res, status, body, headers = {}) {
  const h = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', ...headers };
  if (body === undefined) {
    res.writeHead(status, h);
    return res.end();
  }
  res.writeHead(status, { 'Content-Type': 'application/json', ...h });
  res.end(JSON.stringify(body));
}

function cookies(req) {
  const out = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k) out[k] = v.join('=');
  }
  return out;
}

function auth(req, { write }) {
  const token = cookies(req).attune_session;
  const s = token && sessions.get(token);
  if (!s) fail(401, 'unauthorized', 'Please log in.');
  if (write && req.headers['x-csrf-token'] !== s.csrf) fail(403, 'csrf_failed', 'Missing CSRF token.');
  return accounts.get(s.account);
}

async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    fail(400, 'bad_json', 'The request body is not valid JSON.');
  }
}

function memberRel(rid, me) {
  const r = rels.get(rid);
  if (!r || !r.members.has(me.id)) fail(404, 'not_found', 'Not found.');
  return r;
}

const person = (pid) => ({ id: pid, display_name: accounts.get(pid)?.display_name ?? '' });

// ---- routes -----------------------------------------------------------------------------
const routes = [];
const route = (method, pattern, handler) => {
  const keys = [];
  const re = new RegExp(
    '^' + pattern.replace(/:(\w+)/g, (_, k) => (keys.push(k), '([^/]+)')) + '$',
  );
  routes.push({ method, re, keys, handler });
};

route('GET', '/healthz', () => ({ status: 'ok' }));
route('GET', '/api/v1/resources', () => resources);

route('POST', '/api/v1/accounts', async (req) => {
  const b = await readBody(req);
  if (b.confirm_adult !== true) fail(400, 'adult_confirmation_required', 'Please confirm you are an adult.');
  if (typeof b.password !== 'string' || b.password.length < 10) fail(400, 'password_too_short');
  if (!b.email || !b.display_name) fail(400, 'invalid_input');
  for (const a of accounts.values()) if (a.email === b.email.toLowerCase()) fail(409, 'email_taken');
  const acc = { id: id(), email: b.email.toLowerCase(), password: b.password, display_name: b.display_name, time_zone: b.time_zone ?? 'UTC' };
  accounts.set(acc.id, acc);
  return [201, { id: acc.id }];
});

route('POST', '/api/v1/auth/login', async (req, _p, res) => {
  const b = await readBody(req);
  const acc = [...accounts.values()].find((a) => a.email === String(b.email).toLowerCase());
  if (!acc || acc.password !== b.password) fail(401, 'invalid_credentials', 'Email or password is wrong.');
  const token = crypto.randomBytes(24).toString('hex');
  const csrf = crypto.randomBytes(16).toString('hex');
  sessions.set(token, { account: acc.id, csrf });
  res.setHeader('Set-Cookie', `attune_session=${token}; Path=/; HttpOnly; SameSite=Strict`);
  return { token, csrf_token: csrf, account: { id: acc.id, display_name: acc.display_name } };
});

route('POST', '/api/v1/auth/logout', (req, _p, res) => {
  auth(req, { write: true });
  sessions.delete(cookies(req).attune_session);
  res.setHeader('Set-Cookie', 'attune_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict');
  return [204];
});

route('GET', '/api/v1/me', (req) => {
  const me = auth(req, { write: false });
  return { id: me.id, display_name: me.display_name, time_zone: me.time_zone, roles: ['partner'] };
});

route('GET', '/api/v1/relationships', (req) => {
  const me = auth(req, { write: false });
  return {
    relationships: [...rels.values()]
      .filter((r) => r.members.has(me.id))
      .map((r) => ({ id: r.id, name: r.name })),
  };
});

route('POST', '/api/v1/relationships', async (req) => {
  const me = auth(req, { write: true });
  const b = await readBody(req);
  if (!b.name) fail(400, 'invalid_input');
  const r = { id: id(), name: b.name, members: new Set([me.id]), pending: new Map() };
  rels.set(r.id, r);
  return [201, { id: r.id }];
});

route('GET', '/api/v1/relationships/:rid', (req, p) => {
  const me = auth(req, { write: false });
  const r = memberRel(p.rid, me);
  return {
    id: r.id,
    name: r.name,
    partners: [...r.members].map(person),
    pending: [...r.pending].map(([pid, approvers]) => ({ ...person(pid), you_approved: approvers.has(me.id) })),
  };
});

route('POST', '/api/v1/relationships/:rid/invites', (req, p) => {
  const me = auth(req, { write: true });
  memberRel(p.rid, me);
  const code = crypto.randomBytes(6).toString('base64url');
  invites.set(code, { rid: p.rid, inviter: me.id, used: false });
  return [201, { code }];
});

function maybeActivate(r, pid) {
  const approvers = r.pending.get(pid);
  const needed = [...r.members].filter((m) => m !== approvers.inviter);
  if (needed.every((m) => approvers.has(m))) {
    r.pending.delete(pid);
    r.members.add(pid);
    return 'active';
  }
  return 'pending';
}

route('POST', '/api/v1/invites/accept', async (req) => {
  const me = auth(req, { write: true });
  const b = await readBody(req);
  const inv = invites.get(String(b.code ?? ''));
  if (!inv || inv.used) fail(404, 'invite_invalid', 'That code is not valid.');
  inv.used = true;
  const r = rels.get(inv.rid);
  const approvers = new Set();
  approvers.inviter = inv.inviter;
  r.pending.set(me.id, approvers);
  return { relationship_id: r.id, status: maybeActivate(r, me.id) };
});

route('POST', '/api/v1/relationships/:rid/members/:pid/approve', (req, p) => {
  const me = auth(req, { write: true });
  const r = memberRel(p.rid, me);
  const approvers = r.pending.get(p.pid);
  if (!approvers) fail(404, 'not_found');
  approvers.add(me.id);
  return { status: maybeActivate(r, p.pid) };
});

route('POST', '/api/v1/relationships/:rid/leave', (req, p) => {
  const me = auth(req, { write: true });
  const r = memberRel(p.rid, me);
  r.members.delete(me.id);
  extra.onLeave?.(r, me);
  return [204];
});

route('POST', '/api/v1/relationships/:rid/pressured', (req, p) => {
  const me = auth(req, { write: true });
  const r = memberRel(p.rid, me);
  extra.onPressured?.(r, me); // like the real server: agreements naming me are set aside
  // Like the real server: title and body only; the client adds the entries.
  return { status: 'ok', resources: { title: resources.title, body: resources.body } };
});

// Later phases add their routes here.
export const extra = { route, auth, memberRel, readBody, fail, person, rels, accounts, id, now, resources };

// ---- static files ----------------------------------------------------------------------
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json' };

function serveStatic(req, res, urlPath) {
  let file = urlPath === '/' ? '/index.html' : urlPath;
  const full = path.join(webDir, path.normalize(file));
  if (!full.startsWith(webDir) || !fs.existsSync(full) || fs.statSync(full).isDirectory()) {
    res.writeHead(404, { 'Content-Type': 'text/plain', 'Content-Security-Policy': CSP });
    return res.end('not found');
  }
  res.writeHead(200, {
    'Content-Type': types[path.extname(full)] ?? 'application/octet-stream',
    'Content-Security-Policy': CSP,
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  });
  fs.createReadStream(full).pipe(res);
}

export const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  for (const r of routes) {
    if (r.method !== req.method) continue;
    const m = url.pathname.match(r.re);
    if (!m) continue;
    const params = Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1])]));
    params.query = url.searchParams;
    try {
      const out = await r.handler(req, params, res);
      if (Array.isArray(out)) send(res, out[0], out[1]);
      else send(res, 200, out);
    } catch (err) {
      if (err instanceof HttpError) send(res, err.status, { error: { code: err.code, message: err.message } });
      else {
        console.error(err);
        send(res, 500, { error: { code: 'internal', message: 'Something went wrong.' } });
      }
    }
    return;
  }
  if (url.pathname.startsWith('/api/')) return send(res, 404, { error: { code: 'not_found', message: 'Not found.' } });
  if (req.method !== 'GET') return send(res, 405, undefined);
  serveStatic(req, res, url.pathname);
});

extra.server = server;
const moreRoutes = path.join(path.dirname(new URL(import.meta.url).pathname), 'mock_routes.mjs');
if (fs.existsSync(moreRoutes)) (await import(moreRoutes)).install(extra);
server.listen(Number(port), host, () => {
  console.log(`attune listening on http://${host}:${port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
