// The bookkeeping of the contract flow: named checks that collect problems instead of
// stopping at the first, requests through one of the two Prism proxies with every answer
// judged by the description, and which operations were seen answering good and bad input.
import http from 'node:http';

export class Flow {
  constructor({ spec, strict, report, direct }) {
    this.spec = spec;
    this.proxies = { strict, report };
    this.direct = direct; // the server itself, for what Prism cannot carry
    this.results = [];
    this.good = new Set(); // "METHOD template" answered 2xx/101
    this.bad = new Set(); // "METHOD template" answered 4xx
  }

  /** Runs one named check; a thrown error is a problem of that check, not the end of the flow. */
  async check(name, fn) {
    const t = new Check(this, name);
    const started = Date.now();
    try {
      await fn(t);
    } catch (err) {
      t.problems.push(`threw: ${err?.stack ?? err}`);
    }
    const ok = t.problems.length === 0;
    this.results.push({ name, ok, problems: t.problems });
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name} (${Date.now() - started} ms)`);
    for (const p of t.problems) console.log(`     ${p.split('\n').join('\n     ')}`);
    return ok;
  }

  record(method, path, status) {
    const found = this.spec.operation(method, path);
    if (!found) return;
    const key = `${found.method.toUpperCase()} ${found.template}`;
    if ((status >= 200 && status < 300) || status === 101) this.good.add(key);
    else if (status >= 400 && status < 500) this.bad.add(key);
  }
}

const PRISM_ERROR = 'https://stoplight.io/prism/errors#';

export class Check {
  constructor(flow, name) {
    this.flow = flow;
    this.name = name;
    this.problems = [];
  }

  expect(condition, message) {
    if (!condition) this.problems.push(message);
    return Boolean(condition);
  }

  /**
   * One request. `via`: 'strict' (Prism with --errors; for input the description allows),
   * 'report' (Prism without --errors, which forwards anything and reports; for bad
   * input). Options: auth {token} (Bearer) or {cookie, csrf}; body (JSON); raw (a string
   * body as is); type (Content-Type); headers.
   */
  async send(via, method, path, options = {}) {
    const base = this.flow.proxies[via].baseUrl;
    const headers = { Accept: 'application/json', ...(options.headers ?? {}) };
    const auth = options.auth;
    if (auth?.token) headers.Authorization = `Bearer ${auth.token}`;
    if (auth?.cookie) headers.Cookie = `attune_session=${auth.cookie}`;
    if (auth?.csrf) headers['X-CSRF-Token'] = auth.csrf;
    let body;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['Content-Type'] = options.type ?? 'application/json';
    const response = await fetch(base + path, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    const violations = parseViolations(response.headers.get('sl-violations'));
    const res = {
      status: response.status,
      headers: response.headers,
      body: json,
      text,
      requestViolations: violations.filter((v) => v.location?.[0] === 'request'),
      responseViolations: violations.filter((v) => v.location?.[0] === 'response'),
      fromPrism: typeof json?.type === 'string' && json.type.startsWith(PRISM_ERROR),
    };
    const label = `${method} ${path}`;
    if (res.fromPrism) {
      const details = (json.validation ?? []).map((v) => `${(v.location ?? []).join('.')} ${v.message}`);
      this.problems.push(`${label}: Prism answered ${res.status} (${json.title})${details.length ? `: ${details.join('; ')}` : ''}`);
      return res;
    }
    for (const v of res.responseViolations) {
      this.problems.push(`${label} → ${res.status}: the description does not allow this answer: ${v.location.join('.')} ${v.message}`);
    }
    // The description's own verdict too: Prism accepts anything `default` covers.
    for (const p of this.flow.spec.checkAnswer(method, path.split('?')[0], res.status, res.body)) {
      this.problems.push(p);
    }
    this.flow.record(method, path.split('?')[0], res.status);
    return res;
  }

  /** A request the description allows, through the strict proxy. */
  good(method, path, options) {
    return this.send('strict', method, path, options);
  }

  /**
   * A request with bad input, through the reporting proxy (the strict one would refuse it
   * itself). `flagged` says whether the description itself forbids this input, in which
   * case Prism must report a request violation.
   */
  async bad(method, path, { flagged, ...options } = {}) {
    const res = await this.send('report', method, path, options);
    if (flagged === true) {
      this.expect(res.requestViolations.length > 0, `${method} ${path}: the description should forbid this request, but Prism found nothing wrong with it`);
    } else if (flagged === false) {
      this.expect(
        res.requestViolations.length === 0,
        `${method} ${path}: the description forbids a request it should allow: ${res.requestViolations.map((v) => v.message).join('; ')}`,
      );
    }
    return res;
  }

  status(res, want, what = '') {
    return this.expect(
      res.status === want,
      `${what ? `${what}: ` : ''}expected ${want}, got ${res.status} ${truncate(res.text)}`,
    );
  }

  error(res, want, code, what = '') {
    if (!this.status(res, want, what)) return false;
    return this.expect(res.body?.error?.code === code, `${what ? `${what}: ` : ''}expected error code ${code}, got ${truncate(res.text)}`);
  }

  /** A raw request straight to the server (HEAD, upgrades): Prism cannot carry these. */
  raw(method, path, headers = {}, body) {
    const { hostname, port } = new URL(this.flow.direct);
    return new Promise((resolve, reject) => {
      const req = http.request({ host: hostname, port, method, path, headers }, (response) => {
        const chunks = [];
        response.on('data', (c) => chunks.push(c));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode, headers: response.headers, text, body: json });
        });
      });
      req.on('upgrade', (response, socket) => {
        socket.destroy();
        resolve({ status: response.statusCode, headers: response.headers, text: '', body: undefined });
      });
      req.on('error', reject);
      req.setTimeout(10000, () => req.destroy(new Error('timed out')));
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  /** Judges a direct answer by the description, as Prism would, and records coverage. */
  judge(method, path, res) {
    for (const p of this.flow.spec.checkAnswer(method, path.split('?')[0], res.status, res.body)) {
      this.problems.push(p);
    }
    this.flow.record(method, path.split('?')[0], res.status);
  }
}

function parseViolations(header) {
  if (!header) return [];
  try {
    const parsed = JSON.parse(header);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [{ location: ['response'], message: `unreadable sl-violations header: ${header}` }];
  }
}

/** A body for a failure report: short, and without session tokens, even throwaway ones. */
function truncate(text, max = 300) {
  if (!text) return '(no body)';
  const safe = text.replace(/"(token|csrf_token|ticket|code)":"[^"]*"/g, '"$1":"…"');
  return safe.length > max ? `${safe.slice(0, max)}…` : safe;
}
