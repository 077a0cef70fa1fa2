// Every call the web client makes to the attune server, with typed answers. How a call
// travels (CSRF header, Idempotency-Key, retries, errors) is in transport.ts.

import type {
  Agreement,
  AgreementBody,
  AgreementStatus,
  AgreementSummary,
  AgreementVersion,
  Answer,
  Catalogue,
  Exercise,
  HistoryEntry,
  IntakeEntry,
  IntakeKind,
  LoginResult,
  Me,
  MyAnswer,
  PracticeState,
  PracticeSummary,
  RelationshipDetail,
  RelationshipSummary,
  Resources,
  SharedItem,
  Visibility,
} from './apiTypes';
import { request } from './transport';

export type * from './apiTypes';
export { ApiError, setUnauthorizedHandler, type ApiErrorShape } from './transport';

const enc = encodeURIComponent;

// ---- accounts and sessions ---------------------------------------------------

export function getResources(): Promise<Resources> {
  return request('GET', '/api/v1/resources');
}

export function signUp(input: {
  email: string;
  password: string;
  display_name: string;
  confirm_adult: boolean;
  time_zone?: string;
}): Promise<{ id: string }> {
  return request('POST', '/api/v1/accounts', input, { quiet401: true });
}

/** Logs in; the bearer token in the answer is dropped on purpose. */
export async function logIn(email: string, password: string): Promise<LoginResult> {
  const result = await request<LoginResult & { token?: string }>(
    'POST',
    '/api/v1/auth/login',
    { email, password },
    { quiet401: true },
  );
  return { csrf_token: result.csrf_token, account: result.account };
}

export function logOut(): Promise<void> {
  return request('POST', '/api/v1/auth/logout', undefined, { quiet401: true });
}

export function getMe(): Promise<Me> {
  return request('GET', '/api/v1/me');
}

// ---- relationships -------------------------------------------------------------

export async function listRelationships(): Promise<RelationshipSummary[]> {
  const r = await request<{ relationships: RelationshipSummary[] }>('GET', '/api/v1/relationships');
  return r.relationships ?? [];
}

export function createRelationship(name: string): Promise<{ id: string }> {
  return request('POST', '/api/v1/relationships', { name });
}

export function getRelationship(rid: string): Promise<RelationshipDetail> {
  return request('GET', `/api/v1/relationships/${enc(rid)}`);
}

export function createInvite(rid: string): Promise<{ code: string }> {
  return request('POST', `/api/v1/relationships/${enc(rid)}/invites`);
}

export function acceptInvite(
  code: string,
): Promise<{ relationship_id: string; status: 'active' | 'pending' }> {
  return request('POST', '/api/v1/invites/accept', { code });
}

export function approveMember(rid: string, partnerId: string): Promise<{ status: string }> {
  return request('POST', `/api/v1/relationships/${enc(rid)}/members/${enc(partnerId)}/approve`);
}

export function leaveRelationship(rid: string): Promise<void> {
  return request('POST', `/api/v1/relationships/${enc(rid)}/leave`);
}

/**
 * "I feel pressured": tells the server (which tells nobody) and returns resources to show
 * privately. When the answer carries no contact entries, the public list fills them in.
 */
export async function pressured(rid: string): Promise<Resources | null> {
  const r = await request<{ resources?: Partial<Resources> }>(
    'POST',
    `/api/v1/relationships/${enc(rid)}/pressured`,
  );
  const given = r?.resources;
  if (given?.entries && given.entries.length) return given as Resources;
  const all = await getResources().catch(() => null);
  if (!all) return given ? { title: given.title ?? '', body: given.body ?? '', entries: [] } : null;
  return { title: given?.title || all.title, body: given?.body || all.body, entries: all.entries };
}

// ---- boundaries ------------------------------------------------------------------

export async function getCatalogue(rid: string): Promise<Catalogue> {
  const c = await request<Partial<Catalogue>>('GET', `/api/v1/relationships/${enc(rid)}/catalogue`);
  const items = c.items ?? [];
  const categories =
    c.categories ??
    [...new Set(items.map((i) => i.category))].map((id) => ({ id, label: id }));
  return { categories, items };
}

export async function getMyAnswers(rid: string): Promise<MyAnswer[]> {
  const r = await request<{ answers: MyAnswer[] }>(
    'GET',
    `/api/v1/relationships/${enc(rid)}/boundaries/mine`,
  );
  return r.answers ?? [];
}

export function setMyAnswer(
  rid: string,
  itemId: string,
  answer: Answer,
  note?: string,
): Promise<unknown> {
  const body: { answer: Answer; note?: string } = { answer };
  if (note !== undefined) body.note = note;
  return request('PUT', `/api/v1/relationships/${enc(rid)}/boundaries/mine/${enc(itemId)}`, body);
}

export async function getMyHistory(rid: string): Promise<HistoryEntry[]> {
  const r = await request<Record<string, unknown> | HistoryEntry[]>(
    'GET',
    `/api/v1/relationships/${enc(rid)}/boundaries/mine/history`,
  );
  if (Array.isArray(r)) return r;
  const list = r.history ?? r.changes ?? r.entries ?? r.answers;
  return Array.isArray(list) ? (list as HistoryEntry[]) : [];
}

export async function getSharedView(rid: string, withIds?: string[]): Promise<SharedItem[]> {
  const query = withIds && withIds.length ? `?with=${withIds.map(enc).join(',')}` : '';
  const r = await request<{ items: SharedItem[] }>(
    'GET',
    `/api/v1/relationships/${enc(rid)}/boundaries/shared${query}`,
  );
  return r.items ?? [];
}

export function createCustomItem(
  rid: string,
  category: string,
  label: string,
): Promise<{ id: string }> {
  return request('POST', `/api/v1/relationships/${enc(rid)}/boundary-items`, { category, label });
}

export function proposeCustomItem(id: string): Promise<unknown> {
  return request('POST', `/api/v1/boundary-items/${enc(id)}/propose`);
}

// ---- intake ------------------------------------------------------------------------

export async function listIntake(rid: string): Promise<IntakeEntry[]> {
  const r = await request<{ entries: IntakeEntry[] }>(
    'GET',
    `/api/v1/relationships/${enc(rid)}/intake`,
  );
  return r.entries ?? [];
}

export function addIntake(
  rid: string,
  kind: IntakeKind,
  text: string,
  visibility: Visibility,
): Promise<{ id: string }> {
  return request('POST', `/api/v1/relationships/${enc(rid)}/intake`, { kind, text, visibility });
}

export function updateIntake(
  id: string,
  change: { text?: string; visibility?: Visibility },
): Promise<unknown> {
  return request('PUT', `/api/v1/intake/${enc(id)}`, change);
}

export function deleteIntake(id: string): Promise<void> {
  return request('DELETE', `/api/v1/intake/${enc(id)}`);
}

// ---- programme and agreements -------------------------------------------------------

export async function listExercises(): Promise<Exercise[]> {
  const r = await request<{ exercises: Exercise[] }>('GET', '/api/v1/exercises');
  return r.exercises ?? [];
}

export async function listAgreements(rid: string): Promise<AgreementSummary[]> {
  const r = await request<{ agreements: AgreementSummary[] }>(
    'GET',
    `/api/v1/relationships/${enc(rid)}/agreements`,
  );
  return r.agreements ?? [];
}

export function createAgreement(
  rid: string,
  body: AgreementBody,
): Promise<{ id: string; version: number; status: AgreementStatus }> {
  return request('POST', `/api/v1/relationships/${enc(rid)}/agreements`, body);
}

export function updateAgreement(
  aid: string,
  body: AgreementBody,
): Promise<{ id: string; version: number }> {
  return request('PUT', `/api/v1/agreements/${enc(aid)}`, body);
}

export function getAgreement(aid: string): Promise<Agreement> {
  return request('GET', `/api/v1/agreements/${enc(aid)}`);
}

export async function getAgreementVersions(aid: string): Promise<AgreementVersion[]> {
  const r = await request<{ versions: AgreementVersion[] }>(
    'GET',
    `/api/v1/agreements/${enc(aid)}/versions`,
  );
  return r.versions ?? [];
}

export function signAgreement(aid: string, version: number): Promise<{ status: AgreementStatus }> {
  return request('POST', `/api/v1/agreements/${enc(aid)}/sign`, { version });
}

export function withdrawAgreement(aid: string): Promise<{ status: AgreementStatus }> {
  return request('POST', `/api/v1/agreements/${enc(aid)}/withdraw`);
}

// ---- practice ---------------------------------------------------------------------------

export async function listPractices(rid: string): Promise<PracticeSummary[]> {
  const r = await request<{ practices: PracticeSummary[] }>(
    'GET',
    `/api/v1/relationships/${enc(rid)}/practices`,
  );
  return r.practices ?? [];
}

export function startPractice(aid: string, device: 'own' | 'shared'): Promise<{ id: string }> {
  return request('POST', `/api/v1/agreements/${enc(aid)}/practices`, { device });
}

export function getPractice(pid: string): Promise<PracticeState> {
  return request('GET', `/api/v1/practices/${enc(pid)}`);
}

export type PracticeAct = 'ready' | 'pause' | 'resume' | 'end';

export function practiceAct(
  pid: string,
  act: PracticeAct,
  onBehalfOf?: string[],
): Promise<PracticeState> {
  const body = onBehalfOf && onBehalfOf.length ? { on_behalf_of: onBehalfOf } : undefined;
  return request('POST', `/api/v1/practices/${enc(pid)}/${act}`, body, { urgent: act === 'pause' });
}

/**
 * Pause that survives the page going away (quick exit). keepalive lets the request
 * finish after navigation; sendBeacon cannot carry the CSRF header.
 */
export function pauseKeepalive(pid: string): void {
  void request('POST', `/api/v1/practices/${enc(pid)}/pause`, undefined, {
    keepalive: true,
    quiet401: true,
    urgent: true,
  }).catch(() => {});
}

export async function practiceTicket(pid: string): Promise<string> {
  const r = await request<{ ticket: string }>('POST', `/api/v1/practices/${enc(pid)}/tickets`);
  return r.ticket;
}

export function liveUrl(pid: string, ticket: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api/v1/practices/${enc(pid)}/live?ticket=${enc(ticket)}`;
}
