// Every call the web client makes to the attune server. Paths, bodies and answers are typed
// by docs/openapi.yaml (contract.ts); how a call travels (CSRF header, Idempotency-Key,
// retries, errors) is in transport.ts.

import type {
  Agreement,
  AgreementBody,
  AgreementVersion,
  Answer,
  Catalogue,
  DebriefBody,
  CheckinBody,
  CheckinList,
  CoachReview,
  Device,
  Exercise,
  ExerciseDetail,
  HistoryEntry,
  IntakeEntry,
  IntakeKind,
  LoginResult,
  MyAnswer,
  NextStep,
  PracticeSummary,
  Programme,
  RelationshipSummary,
  RoleOrderProposal,
  Resources,
  SharedItem,
  Visibility,
} from './apiTypes';
import { call } from './contract';

export type * from './apiTypes';
export {
  ApiError,
  setUnauthorizedHandler,
  type ApiErrorCode,
  type ApiErrorShape,
  type ClientErrorCode,
} from './transport';

const enc = encodeURIComponent;

// ---- accounts and sessions ---------------------------------------------------

export function getResources() {
  return call('GET', '/api/v1/resources', {});
}

export function signUp(input: {
  email: string;
  password: string;
  display_name: string;
  confirm_adult: true;
  time_zone?: string;
}) {
  return call('POST', '/api/v1/accounts', { body: input }, { quiet401: true });
}

/** Logs in; the bearer token in the answer is dropped on purpose. */
export async function logIn(email: string, password: string): Promise<LoginResult> {
  const result = await call(
    'POST',
    '/api/v1/auth/login',
    { body: { email, password } },
    { quiet401: true },
  );
  return { csrf_token: result.csrf_token, account: result.account };
}

export function logOut() {
  return call('POST', '/api/v1/auth/logout', {}, { quiet401: true });
}

/**
 * Quick exit's log-out: outlives the page (keepalive) and carries the practices open on
 * this device, so the server pauses them before the session ends.
 */
export function logOutKeepalive(pausePracticeIds: string[]): void {
  void call(
    'POST',
    '/api/v1/auth/logout',
    { body: { pause_practice_ids: pausePracticeIds } },
    { keepalive: true, quiet401: true, urgent: true },
  ).catch(() => {});
}

export function getMe() {
  return call('GET', '/api/v1/me', {});
}

// ---- relationships -------------------------------------------------------------

export async function listRelationships(): Promise<RelationshipSummary[]> {
  return (await call('GET', '/api/v1/relationships', {})).relationships;
}

export function createRelationship(name: string) {
  return call('POST', '/api/v1/relationships', { body: { name } });
}

export function getRelationship(rid: string) {
  return call('GET', '/api/v1/relationships/{rid}', { params: { rid } });
}

export function createInvite(rid: string) {
  return call('POST', '/api/v1/relationships/{rid}/invites', { params: { rid } });
}

export function acceptInvite(code: string) {
  return call('POST', '/api/v1/invites/accept', { body: { code } });
}

export function approveMember(rid: string, partnerId: string) {
  return call('POST', '/api/v1/relationships/{rid}/members/{partner_id}/approve', {
    params: { rid, partner_id: partnerId },
  });
}

export function leaveRelationship(rid: string) {
  return call('POST', '/api/v1/relationships/{rid}/leave', { params: { rid } });
}

/**
 * "I feel pressured": tells the server (which tells nobody) and returns the crisis and
 * safety resources to show privately (the same as GET /api/v1/resources).
 */
export async function pressured(rid: string): Promise<Resources> {
  return (await call('POST', '/api/v1/relationships/{rid}/pressured', { params: { rid } }))
    .resources;
}

// ---- boundaries ------------------------------------------------------------------

export function getCatalogue(rid: string): Promise<Catalogue> {
  return call('GET', '/api/v1/relationships/{rid}/catalogue', { params: { rid } });
}

export async function getMyAnswers(rid: string): Promise<MyAnswer[]> {
  return (await call('GET', '/api/v1/relationships/{rid}/boundaries/mine', { params: { rid } }))
    .answers;
}

export function setMyAnswer(rid: string, itemId: string, answer: Answer, note?: string) {
  const body: { answer: Answer; note?: string } = { answer };
  if (note !== undefined) body.note = note;
  return call('PUT', '/api/v1/relationships/{rid}/boundaries/mine/{item_id}', {
    params: { rid, item_id: itemId },
    body,
  });
}

export async function getMyHistory(rid: string): Promise<HistoryEntry[]> {
  const r = await call('GET', '/api/v1/relationships/{rid}/boundaries/mine/history', {
    params: { rid },
  });
  return r.changes;
}

export async function getSharedView(rid: string, withIds?: string[]): Promise<SharedItem[]> {
  const query = withIds && withIds.length ? { with: withIds.join(',') } : undefined;
  const r = await call('GET', '/api/v1/relationships/{rid}/boundaries/shared', {
    params: { rid },
    query,
  });
  return r.items;
}

export function createCustomItem(rid: string, category: string, label: string) {
  return call('POST', '/api/v1/relationships/{rid}/boundary-items', {
    params: { rid },
    body: { category, label },
  });
}

export function proposeCustomItem(id: string) {
  return call('POST', '/api/v1/boundary-items/{item_id}/propose', { params: { item_id: id } });
}

// ---- intake ------------------------------------------------------------------------

export async function listIntake(rid: string): Promise<IntakeEntry[]> {
  return (await call('GET', '/api/v1/relationships/{rid}/intake', { params: { rid } })).entries;
}

export function addIntake(rid: string, kind: IntakeKind, text: string, visibility: Visibility) {
  return call('POST', '/api/v1/relationships/{rid}/intake', {
    params: { rid },
    body: { kind, text, visibility },
  });
}

export function updateIntake(id: string, change: { text?: string; visibility?: Visibility }) {
  return call('PUT', '/api/v1/intake/{entry_id}', { params: { entry_id: id }, body: change });
}

export function deleteIntake(id: string) {
  return call('DELETE', '/api/v1/intake/{entry_id}', { params: { entry_id: id } });
}

// ---- programme and agreements -------------------------------------------------------

export async function listExercises(): Promise<Exercise[]> {
  return (await call('GET', '/api/v1/exercises', {})).exercises;
}

export function getExercise(id: string): Promise<ExerciseDetail> {
  return call('GET', '/api/v1/exercises/{exercise_id}', { params: { exercise_id: id } });
}

/** Who is proposed to start in the next agreement for these participants (default: all). */
export function getRoleOrder(rid: string, participants?: string[]): Promise<RoleOrderProposal> {
  const query = participants && participants.length ? { participants: participants.join(',') } : undefined;
  return call('GET', '/api/v1/relationships/{rid}/role-order', { params: { rid }, query });
}

export async function listAgreements(rid: string): Promise<Agreement[]> {
  return (await call('GET', '/api/v1/relationships/{rid}/agreements', { params: { rid } }))
    .agreements;
}

export function createAgreement(rid: string, body: AgreementBody) {
  return call('POST', '/api/v1/relationships/{rid}/agreements', { params: { rid }, body });
}

export function updateAgreement(aid: string, body: AgreementBody) {
  return call('PUT', '/api/v1/agreements/{aid}', { params: { aid }, body });
}

export function getAgreement(aid: string): Promise<Agreement> {
  return call('GET', '/api/v1/agreements/{aid}', { params: { aid } });
}

export async function getAgreementVersions(aid: string): Promise<AgreementVersion[]> {
  return (await call('GET', '/api/v1/agreements/{aid}/versions', { params: { aid } })).versions;
}

export function signAgreement(aid: string, version: number) {
  return call('POST', '/api/v1/agreements/{aid}/sign', { params: { aid }, body: { version } });
}

export function withdrawAgreement(aid: string) {
  return call('POST', '/api/v1/agreements/{aid}/withdraw', { params: { aid } });
}

// ---- practice ---------------------------------------------------------------------------

export async function listPractices(rid: string): Promise<PracticeSummary[]> {
  return (await call('GET', '/api/v1/relationships/{rid}/practices', { params: { rid } }))
    .practices;
}

export function startPractice(aid: string, device: Device) {
  return call('POST', '/api/v1/agreements/{aid}/practices', { params: { aid }, body: { device } });
}

export function getPractice(pid: string) {
  return call('GET', '/api/v1/practices/{pid}', { params: { pid } });
}

export type PracticeAct = 'ready' | 'pause' | 'resume' | 'end';

export function practiceAct(pid: string, act: PracticeAct, onBehalfOf?: string[]) {
  const urgent = { urgent: act === 'pause' };
  const params = { pid };
  switch (act) {
    case 'ready':
    case 'resume': {
      // Only ready and resume take a body, and only for people confirming in person.
      const body = onBehalfOf && onBehalfOf.length ? { on_behalf_of: onBehalfOf } : undefined;
      return act === 'ready'
        ? call('POST', '/api/v1/practices/{pid}/ready', { params, body }, urgent)
        : call('POST', '/api/v1/practices/{pid}/resume', { params, body }, urgent);
    }
    case 'pause':
      return call('POST', '/api/v1/practices/{pid}/pause', { params }, urgent);
    case 'end':
      return call('POST', '/api/v1/practices/{pid}/end', { params }, urgent);
  }
}

/**
 * Pause that survives the page going away (quick exit). keepalive lets the request
 * finish after navigation; sendBeacon cannot carry the CSRF header.
 */
export function pauseKeepalive(pid: string): void {
  void call(
    'POST',
    '/api/v1/practices/{pid}/pause',
    { params: { pid } },
    { keepalive: true, quiet401: true, urgent: true },
  ).catch(() => {});
}

export async function practiceTicket(pid: string): Promise<string> {
  return (await call('POST', '/api/v1/practices/{pid}/tickets', { params: { pid } })).ticket;
}

export function liveUrl(pid: string, ticket: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api/v1/practices/${enc(pid)}/live?ticket=${enc(ticket)}`;
}

// ---- debriefs ---------------------------------------------------------------------------------

export function giveDebrief(pid: string, body: DebriefBody) {
  return call('POST', '/api/v1/practices/{pid}/debrief', { params: { pid }, body });
}

export function getDebriefs(pid: string) {
  return call('GET', '/api/v1/practices/{pid}/debriefs', { params: { pid } });
}

// ---- check-ins and the programme ------------------------------------------------------

export function listCheckins(rid: string): Promise<CheckinList> {
  return call('GET', '/api/v1/relationships/{rid}/checkins', { params: { rid } });
}

export function addCheckin(body: CheckinBody) {
  return call('POST', '/api/v1/checkins', { body });
}

export function shareCheckin(id: string, visibility: Visibility) {
  return call('PUT', '/api/v1/checkins/{checkin_id}', {
    params: { checkin_id: id },
    body: { visibility },
  });
}

export function getProgramme(rid: string): Promise<Programme> {
  return call('GET', '/api/v1/relationships/{rid}/programme', { params: { rid } });
}

export function acceptStage(rid: string, stage: number): Promise<Programme> {
  return call('POST', '/api/v1/relationships/{rid}/programme/accept', {
    params: { rid },
    body: { stage },
  });
}

// ---- language coach ------------------------------------------------------------------------

/**
 * The coach's review of what a person is writing. The server neither stores nor logs the
 * text; offsets in the answer count code points (Array.from(text)).
 */
export function reviewLanguage(text: string): Promise<CoachReview> {
  // A background nicety: an expired session must not bounce the writer to the log-in screen
  // mid-sentence (submitting the form will, as any write does).
  return call('POST', '/api/v1/coach/review', { body: { text } }, { quiet401: true });
}

// ---- the next step --------------------------------------------------------------------

export async function getNextStep(): Promise<NextStep | null> {
  return (await call('GET', '/api/v1/me/next-step', {})).next ?? null;
}

// ---- account recovery and settings (issue 11 item 5) ------------------------------------

/** Whether the server sends e-mail (reset by e-mail, sign-up confirmed by e-mail). */
export async function getAuthOptions(): Promise<{ email: boolean }> {
  return call('GET', '/api/v1/auth/options', {}, { quiet401: true });
}

export function recoverWithCode(email: string, recoveryCode: string, newPassword: string) {
  return call(
    'POST',
    '/api/v1/auth/recover',
    { body: { email, recovery_code: recoveryCode, new_password: newPassword } },
    { quiet401: true },
  );
}

export function requestPasswordReset(email: string) {
  return call('POST', '/api/v1/auth/reset-request', { body: { email } }, { quiet401: true });
}

export function resetPassword(token: string, newPassword: string) {
  return call(
    'POST',
    '/api/v1/auth/reset',
    { body: { token, new_password: newPassword } },
    { quiet401: true },
  );
}

export async function confirmSignUp(token: string): Promise<string> {
  return (await call('POST', '/api/v1/auth/confirm', { body: { token } }, { quiet401: true }))
    .recovery_code;
}

export function getRecoveryCodeStatus() {
  return call('GET', '/api/v1/me/recovery-code', {});
}

// A wrong password answers 401 invalid_credentials: that must not end the session here.
export async function makeRecoveryCode(password: string): Promise<string> {
  return (await call('POST', '/api/v1/me/recovery-code', { body: { password } }, { quiet401: true }))
    .recovery_code;
}

export function setTimeZone(timeZone: string) {
  return call('PATCH', '/api/v1/me', { body: { time_zone: timeZone } });
}

export function changePassword(currentPassword: string, newPassword: string) {
  return call(
    'POST',
    '/api/v1/me/password',
    { body: { current_password: currentPassword, new_password: newPassword } },
    { quiet401: true },
  );
}

export async function listSessions() {
  return (await call('GET', '/api/v1/auth/sessions', {})).sessions;
}

export function endOtherSessions() {
  return call('DELETE', '/api/v1/auth/sessions', {});
}

export function deleteAccount(password: string) {
  return call('DELETE', '/api/v1/me', { body: { password } }, { quiet401: true });
}
