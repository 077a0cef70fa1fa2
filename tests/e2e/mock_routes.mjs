// Boundaries, intake, agreements and live practice for the e2e mock server (see
// mock_server.mjs). Reads the real content/ TOML so items and exercises match.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// A tiny reader for the subset of TOML the content files use: [[tables]], [[a.b]]
// sub-tables, strings (basic and """multi-line"""), integers and arrays of strings.
function readToml(file) {
  const out = {};
  let current = out;
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line || line.startsWith('#')) continue;
    const table = line.match(/^\[\[([\w.]+)\]\]$/);
    if (table) {
      const parts = table[1].split('.');
      let parent = out;
      for (const p of parts.slice(0, -1)) parent = parent[p][parent[p].length - 1];
      const key = parts[parts.length - 1];
      (parent[key] ??= []).push((current = {}));
      continue;
    }
    const single = line.match(/^\[([\w.]+)\]$/);
    if (single) {
      current = out[single[1]] ??= {};
      continue;
    }
    const kv = line.match(/^(\w+)\s*=\s*(.*)$/);
    if (!kv) continue;
    let [, key, raw] = kv;
    if (raw.startsWith('"""')) {
      let text = raw.slice(3);
      while (!text.includes('"""')) text += '\n' + lines[++i];
      current[key] = text.slice(0, text.indexOf('"""')).replace(/^\n/, '');
    } else if (raw.startsWith('[')) {
      current[key] = [...raw.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
    } else if (raw.startsWith('"')) {
      current[key] = JSON.parse(raw.match(/^"((?:[^"\\]|\\.)*)"/)[0]);
    } else {
      current[key] = Number(raw.split('#')[0].trim());
    }
  }
  return out;
}

export function install(x) {
  const { route, auth, memberRel, readBody, fail, person, rels, accounts, id, now } = x;
  const content = path.join(repoRoot, 'content');
  const cat = readToml(path.join(content, 'catalogue.toml'));
  const ex = readToml(path.join(content, 'exercises.toml'));
  const exercises = ex.exercises.map((e) => ({
    ...e,
    minutes: Math.round(e.steps.reduce((s, st) => s + st.seconds, 0) / 60),
  }));

  // rid -> { answers: Map(pid -> Map(item -> {answer, note})), history: Map(pid -> []), custom: [] }
  const maps = new Map();
  const mapOf = (rid) => {
    if (!maps.has(rid)) maps.set(rid, { answers: new Map(), history: new Map(), custom: [] });
    return maps.get(rid);
  };
  const intake = new Map(); // id -> entry
  const agreements = new Map();
  const practices = new Map();
  const tickets = new Map();

  const answerOf = (rid, pid, item) => mapOf(rid).answers.get(pid)?.get(item)?.answer ?? 'unset';
  const sharedFor = (rid, group) => {
    const m = mapOf(rid);
    const items = [...cat.items, ...m.custom.filter((c) => c.proposed)];
    const out = [];
    for (const item of items) {
      const answers = group.map((pid) => answerOf(rid, pid, item.id));
      if (answers.every((a) => a === 'yes' || a === 'maybe')) {
        out.push({ item_id: item.id, level: answers.every((a) => a === 'yes') ? 'yes' : 'ask-first' });
      }
    }
    return out;
  };

  route('GET', '/api/v1/catalogue', (req) => {
    auth(req, { write: false });
    return { items: cat.items };
  });

  route('GET', '/api/v1/relationships/:rid/catalogue', (req, p) => {
    const me = auth(req, { write: false });
    memberRel(p.rid, me);
    const custom = mapOf(p.rid).custom.filter((c) => c.proposed || c.owner === me.id);
    return {
      categories: cat.categories,
      items: [
        ...cat.items.map((i) => ({ ...i, custom: false, mine: false, proposed: false })),
        ...custom.map((c) => ({ id: c.id, category: c.category, label: c.label, description: '', custom: true, mine: c.owner === me.id, proposed: c.proposed })),
      ],
    };
  });

  route('PUT', '/api/v1/relationships/:rid/boundaries/mine/:item', async (req, p) => {
    const me = auth(req, { write: true });
    const r = memberRel(p.rid, me);
    const b = await readBody(req);
    if (!['yes', 'maybe', 'no', 'unset'].includes(b.answer)) fail(400, 'invalid_answer');
    const m = mapOf(p.rid);
    if (!m.answers.has(me.id)) m.answers.set(me.id, new Map());
    m.answers.get(me.id).set(p.item, { answer: b.answer, note: b.note ?? '' });
    if (!m.history.has(me.id)) m.history.set(me.id, []);
    m.history.get(me.id).unshift({ item_id: p.item, answer: b.answer, note: b.note ?? '', at: new Date().toISOString() });
    if (b.answer === 'no' || b.answer === 'unset') {
      for (const a of agreements.values()) {
        if (a.rid === r.id && a.status !== 'void' && a.body.participants.includes(me.id) && a.body.items.includes(p.item)) voidAgreement(a);
      }
    }
    return {};
  });

  route('GET', '/api/v1/relationships/:rid/boundaries/mine', (req, p) => {
    const me = auth(req, { write: false });
    memberRel(p.rid, me);
    const mine = mapOf(p.rid).answers.get(me.id) ?? new Map();
    return { answers: [...mine].filter(([, v]) => v.answer !== 'unset' || v.note).map(([item_id, v]) => ({ item_id, ...v })) };
  });

  route('GET', '/api/v1/relationships/:rid/boundaries/mine/history', (req, p) => {
    const me = auth(req, { write: false });
    memberRel(p.rid, me);
    return { changes: mapOf(p.rid).history.get(me.id) ?? [] };
  });

  route('GET', '/api/v1/relationships/:rid/boundaries/shared', (req, p) => {
    const me = auth(req, { write: false });
    const r = memberRel(p.rid, me);
    const withParam = p.query.get('with');
    const group = withParam ? withParam.split(',') : [...r.members];
    if (!group.includes(me.id) || group.some((g) => !r.members.has(g))) fail(422, 'invalid_group');
    return { items: sharedFor(p.rid, group) };
  });

  route('POST', '/api/v1/relationships/:rid/boundary-items', async (req, p) => {
    const me = auth(req, { write: true });
    memberRel(p.rid, me);
    const b = await readBody(req);
    const item = { id: `custom-${id()}`, category: b.category, label: b.label, owner: me.id, proposed: false };
    mapOf(p.rid).custom.push(item);
    return [201, { id: item.id }];
  });

  route('POST', '/api/v1/boundary-items/:id/propose', (req, p) => {
    const me = auth(req, { write: true });
    for (const m of maps.values()) {
      const c = m.custom.find((c) => c.id === p.id && c.owner === me.id);
      if (c) {
        c.proposed = true;
        return {};
      }
    }
    fail(404, 'not_found');
  });

  // ---- intake ----
  const canSee = (e, me, r) => {
    if (e.author === me.id) return true;
    if (e.visibility === 'partners' || e.visibility === 'partners_and_therapist') {
      return r.members.has(me.id) && e.audience.has(me.id);
    }
    return false;
  };
  route('POST', '/api/v1/relationships/:rid/intake', async (req, p) => {
    const me = auth(req, { write: true });
    const r = memberRel(p.rid, me);
    const b = await readBody(req);
    if (!['hurt', 'safe', 'desire'].includes(b.kind) || !b.text) fail(400, 'invalid_field');
    const e = { id: id(), rid: r.id, author: me.id, kind: b.kind, text: b.text, visibility: b.visibility ?? 'private', audience: new Set(r.members), created_at: new Date().toISOString() };
    intake.set(e.id, e);
    return [201, { id: e.id }];
  });
  route('GET', '/api/v1/relationships/:rid/intake', (req, p) => {
    const me = auth(req, { write: false });
    const r = memberRel(p.rid, me);
    return {
      entries: [...intake.values()]
        .filter((e) => e.rid === r.id && canSee(e, me, r))
        .map((e) => ({ id: e.id, kind: e.kind, text: e.text, visibility: e.visibility, mine: e.author === me.id, author_name: person(e.author).display_name, created_at: e.created_at })),
    };
  });
  route('PUT', '/api/v1/intake/:id', async (req, p) => {
    const me = auth(req, { write: true });
    const e = intake.get(p.id);
    if (!e || e.author !== me.id) fail(404, 'not_found');
    const b = await readBody(req);
    if (b.text !== undefined) e.text = b.text;
    if (b.visibility !== undefined) {
      e.visibility = b.visibility;
      e.audience = new Set(rels.get(e.rid).members);
    }
    return {};
  });
  route('DELETE', '/api/v1/intake/:id', (req, p) => {
    const me = auth(req, { write: true });
    const e = intake.get(p.id);
    if (!e || e.author !== me.id) fail(404, 'not_found');
    intake.delete(p.id);
    return [204];
  });

  // ---- exercises and agreements ----
  route('GET', '/api/v1/exercises', (req) => {
    auth(req, { write: false });
    return { exercises: exercises.map(({ id, stage, title, minutes, requires }) => ({ id, stage, title, minutes, requires })) };
  });

  function validateBody(r, me, b) {
    const participants = b.participants ?? [...r.members];
    if (participants.length < 2 || !participants.includes(me.id)) fail(422, 'too_few_participants');
    if (participants.some((pid) => !r.members.has(pid))) fail(422, 'not_a_participant');
    const e = exercises.find((e) => e.id === b.exercise_id);
    if (!e) fail(400, 'invalid_field', 'Unknown exercise.');
    const t = b.time_limit_minutes;
    if (!Number.isInteger(t) || t < 5 || t > 180) fail(400, 'invalid_field', 'Time limit must be 5..180.');
    const shared = new Set(sharedFor(r.id, participants).map((s) => s.item_id));
    if ((b.items ?? []).some((i) => !shared.has(i))) fail(422, 'item_not_mutual');
    if (e.requires.some((i) => !(b.items ?? []).includes(i))) fail(422, 'exercise_item_missing');
    return { exercise_id: b.exercise_id, participants, items: b.items ?? [], time_limit_minutes: t, role_order: b.role_order?.length ? b.role_order : participants, pause_word: b.pause_word ?? '', aftercare: b.aftercare ?? '' };
  }

  const agreementView = (a, me) => ({
    id: a.id,
    version: a.versions.length,
    status: a.status,
    exercise_id: a.body.exercise_id,
    signature_count: a.signatures.size,
    participant_count: a.body.participants.length,
    you_signed: a.signatures.has(me.id),
  });

  route('POST', '/api/v1/relationships/:rid/agreements', async (req, p) => {
    const me = auth(req, { write: true });
    const r = memberRel(p.rid, me);
    const body = validateBody(r, me, await readBody(req));
    const a = { id: id(), rid: r.id, status: 'draft', body, versions: [{ ...body, version: 1, created_at: new Date().toISOString() }], signatures: new Set() };
    agreements.set(a.id, a);
    return [201, { id: a.id, version: 1, status: 'draft' }];
  });
  const myAgreement = (aid, me) => {
    const a = agreements.get(aid);
    if (!a || !a.body.participants.includes(me.id) || !rels.get(a.rid).members.has(me.id)) fail(404, 'not_found');
    return a;
  };
  route('PUT', '/api/v1/agreements/:aid', async (req, p) => {
    const me = auth(req, { write: true });
    const a = myAgreement(p.aid, me);
    if (a.status === 'void') fail(409, 'agreement_void');
    a.body = validateBody(rels.get(a.rid), me, await readBody(req));
    a.versions.push({ ...a.body, version: a.versions.length + 1, created_at: new Date().toISOString() });
    a.signatures.clear();
    a.status = 'draft';
    return { id: a.id, version: a.versions.length };
  });
  route('GET', '/api/v1/agreements/:aid', (req, p) => {
    const me = auth(req, { write: false });
    const a = myAgreement(p.aid, me);
    return { ...a.body, ...agreementView(a, me) };
  });
  route('GET', '/api/v1/agreements/:aid/versions', (req, p) => {
    const me = auth(req, { write: false });
    return { versions: myAgreement(p.aid, me).versions };
  });
  route('GET', '/api/v1/relationships/:rid/agreements', (req, p) => {
    const me = auth(req, { write: false });
    const r = memberRel(p.rid, me);
    return { agreements: [...agreements.values()].filter((a) => a.rid === r.id && a.body.participants.includes(me.id)).map((a) => agreementView(a, me)) };
  });
  route('POST', '/api/v1/agreements/:aid/sign', async (req, p) => {
    const me = auth(req, { write: true });
    const a = myAgreement(p.aid, me);
    const b = await readBody(req);
    if (a.status === 'void') fail(409, 'agreement_void');
    if (b.version !== a.versions.length) fail(409, 'stale_version');
    a.signatures.add(me.id);
    if (a.signatures.size === a.body.participants.length) a.status = 'signed';
    return { status: a.status };
  });
  route('POST', '/api/v1/agreements/:aid/withdraw', (req, p) => {
    const me = auth(req, { write: true });
    voidAgreement(myAgreement(p.aid, me));
    return { status: 'void' };
  });

  function voidAgreement(a) {
    a.status = 'void';
    for (const pr of practices.values()) {
      if (pr.agreement === a && pr.status !== 'ended') {
        pr.void = true;
        if (pr.status === 'running') pause(pr, null);
        else touch(pr);
      }
    }
  }
  x.onPressured = (r, me) => x.onLeave(r, me);
  x.onLeave = (r, me) => {
    for (const a of agreements.values()) if (a.rid === r.id && a.body.participants.includes(me.id) && a.status !== 'void') voidAgreement(a);
  };

  // ---- practice ----
  function segments(pr) {
    const e = exercises.find((e) => e.id === pr.agreement.body.exercise_id);
    const order = pr.agreement.body.role_order;
    let k = 0;
    let start = 0;
    return e.steps.map((s, index) => {
      const seg = { index, name: s.name, instruction: s.instruction, start, end: start + s.seconds * 1000, giver: null, receiver: null };
      if (s.roles === 'giver_receiver') {
        seg.giver = order[k % order.length];
        seg.receiver = order[(k + 1) % order.length];
        k++;
      }
      start = seg.end;
      return seg;
    });
  }
  const elapsed = (pr) => pr.runMs + (pr.status === 'running' ? now() - pr.segStart : 0);
  function settle(pr) {
    if (pr.status === 'paused' && now() - pr.pausedAt > 30 * 60 * 1000) pr.status = 'ended';
    if (pr.status !== 'running') return;
    const limit = Math.min(segments(pr).at(-1).end, pr.agreement.body.time_limit_minutes * 60000);
    if (elapsed(pr) >= limit) {
      pr.runMs = limit;
      pr.status = 'ended';
      pr.seq++;
    }
  }
  function stateFor(pr, pid) {
    settle(pr);
    const segs = segments(pr);
    const e = elapsed(pr);
    const limit = Math.min(segs.at(-1).end, pr.agreement.body.time_limit_minutes * 60000);
    const started = pr.startedOnce;
    const seg = started ? segs.find((s) => e < s.end) ?? segs.at(-1) : null;
    return {
      id: pr.id,
      agreement_id: pr.agreement.id,
      status: pr.status,
      void: pr.void,
      device: pr.device,
      phase: seg
        ? { index: seg.index, name: seg.name, instruction: seg.instruction, giver: seg.giver, receiver: seg.receiver, ends_at: pr.status === 'running' ? new Date(now() + Math.min(seg.end, limit) - e).toISOString() : null }
        : null,
      participant_count: pr.participants.length,
      ready_count: pr.ready.size,
      you_ready: pr.ready.has(pid),
      paused_by_count: pr.pausedBy.size,
      resume_consent_count: pr.consent.size,
      you_consented: pr.consent.has(pid),
      time_left_seconds: Math.max(0, Math.round((limit - e) / 1000)),
      seq: pr.seq,
      pause_word: pr.agreement.body.pause_word,
    };
  }
  function touch(pr) {
    pr.seq++;
    for (const sub of pr.subs) sub.send(JSON.stringify({ type: 'state', state: stateFor(pr, sub.pid) }));
  }
  function pause(pr, who) {
    if (pr.status === 'running') {
      pr.runMs = elapsed(pr);
      pr.status = 'paused';
      pr.pausedAt = now();
      pr.consent.clear();
    }
    if (who && pr.status === 'paused') pr.pausedBy.add(who);
    touch(pr);
  }
  function act(pr, me, kind, onBehalf = []) {
    settle(pr);
    if (pr.status === 'ended' && kind !== 'end') fail(409, 'practice_ended');
    const people = [me.id, ...(pr.device === 'shared' ? onBehalf.filter((o) => pr.participants.includes(o)) : [])];
    if (kind === 'ready') {
      if (pr.status !== 'waiting') return;
      if (pr.void) fail(409, 'agreement_void');
      people.forEach((pid) => pr.ready.add(pid));
      if (pr.ready.size === pr.participants.length) {
        pr.status = 'running';
        pr.startedOnce = true;
        pr.segStart = now();
      }
    } else if (kind === 'pause') {
      if (pr.status === 'waiting' || pr.status === 'paused' || pr.status === 'running') return pause(pr, me.id);
    } else if (kind === 'resume') {
      if (pr.void) fail(409, 'agreement_void');
      if (pr.status !== 'paused') return;
      people.forEach((pid) => pr.consent.add(pid));
      if (pr.consent.size === pr.participants.length) {
        pr.status = 'running';
        pr.segStart = now();
        pr.pausedBy.clear();
        pr.consent.clear();
      }
    } else if (kind === 'end') {
      if (pr.status === 'running') pr.runMs = elapsed(pr);
      pr.status = 'ended';
    }
    touch(pr);
  }
  const myPractice = (pid, me) => {
    const pr = practices.get(pid);
    if (!pr || !pr.participants.includes(me.id)) fail(404, 'not_found');
    return pr;
  };

  route('POST', '/api/v1/agreements/:aid/practices', async (req, p) => {
    const me = auth(req, { write: true });
    const a = myAgreement(p.aid, me);
    if (a.status !== 'signed') fail(409, 'agreement_not_signed');
    const b = await readBody(req);
    const pr = { id: id(), agreement: a, rid: a.rid, device: b.device === 'shared' ? 'shared' : 'own', participants: [...a.body.participants], status: 'waiting', ready: new Set(), pausedBy: new Set(), consent: new Set(), void: false, seq: 1, runMs: 0, segStart: 0, startedOnce: false, subs: new Set() };
    practices.set(pr.id, pr);
    return [201, { id: pr.id }];
  });
  route('GET', '/api/v1/relationships/:rid/practices', (req, p) => {
    const me = auth(req, { write: false });
    const r = memberRel(p.rid, me);
    return { practices: [...practices.values()].filter((pr) => pr.rid === r.id && pr.participants.includes(me.id)).map((pr) => (settle(pr), { id: pr.id, agreement_id: pr.agreement.id, status: pr.status })) };
  });
  route('GET', '/api/v1/practices/:pid', (req, p) => {
    const me = auth(req, { write: false });
    return stateFor(myPractice(p.pid, me), me.id);
  });
  for (const kind of ['ready', 'pause', 'resume', 'end']) {
    route('POST', `/api/v1/practices/:pid/${kind}`, async (req, p) => {
      const me = auth(req, { write: true });
      const pr = myPractice(p.pid, me);
      const b = await readBody(req);
      act(pr, me, kind, b.on_behalf_of ?? []);
      return stateFor(pr, me.id);
    });
  }
  route('POST', '/api/v1/practices/:pid/tickets', (req, p) => {
    const me = auth(req, { write: true });
    myPractice(p.pid, me);
    const t = crypto.randomBytes(16).toString('hex');
    tickets.set(t, { pid: p.pid, account: me.id, expires: now() + 60000 });
    return [201, { ticket: t }];
  });

  // Minimal RFC 6455 server side: text frames only, enough for the live channel.
  x.server.on('upgrade', (req, socket) => {
    const url = new URL(req.url, 'http://x');
    const m = url.pathname.match(/^\/api\/v1\/practices\/([^/]+)\/live$/);
    const t = tickets.get(url.searchParams.get('ticket') ?? '');
    if (!m || !t || t.pid !== m[1] || t.expires < now()) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    tickets.delete(url.searchParams.get('ticket'));
    const pr = practices.get(m[1]);
    const accept = crypto.createHash('sha1').update(req.headers['sec-websocket-key'] + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    const sub = {
      pid: t.account,
      send(text) {
        const payload = Buffer.from(text);
        const len = payload.length;
        const head = len < 126 ? Buffer.from([0x81, len]) : len < 65536 ? Buffer.from([0x81, 126, len >> 8, len & 255]) : null;
        if (head && !socket.destroyed) socket.write(Buffer.concat([head, payload]));
      },
    };
    pr.subs.add(sub);
    sub.send(JSON.stringify({ type: 'state', state: stateFor(pr, t.account) }));
    let buf = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      while (buf.length >= 6) {
        const op = buf[0] & 15;
        let len = buf[1] & 127;
        let off = 2;
        if (len === 126) {
          len = buf.readUInt16BE(2);
          off = 4;
        }
        if (buf.length < off + 4 + len) return;
        const mask = buf.subarray(off, off + 4);
        const data = Buffer.from(buf.subarray(off + 4, off + 4 + len)).map((b, i) => b ^ mask[i % 4]);
        buf = buf.subarray(off + 4 + len);
        if (op === 8) return socket.end(Buffer.from([0x88, 0]));
        if (op !== 1) continue;
        try {
          const msg = JSON.parse(data.toString());
          const me = accounts.get(t.account);
          if (msg.type === 'ping') sub.send(JSON.stringify({ type: 'pong', t: msg.t }));
          else if (['ready', 'pause', 'resume', 'end'].includes(msg.type)) act(pr, me, msg.type, msg.on_behalf_of ?? []);
        } catch (err) {
          sub.send(JSON.stringify({ type: 'error', error: { code: err.code ?? 'invalid_json', message: err.message } }));
        }
      }
    });
    const drop = () => pr.subs.delete(sub);
    socket.on('close', drop);
    socket.on('error', drop);
  });

  // Step boundaries and time limits change the state by themselves: push them.
  setInterval(() => {
    for (const pr of practices.values()) {
      if (pr.status !== 'running') continue;
      const before = stateFor(pr, '');
      const idx = before.phase?.index;
      if (pr.lastIndex !== idx || before.status !== 'running') {
        pr.lastIndex = idx;
        touch(pr);
      }
    }
  }, 500).unref();
}
