// Every call the web client makes to the attune server. Paths, bodies and answers are typed
// by docs/openapi.yaml (contract.ts); how a call travels (CSRF header, Idempotency-Key,
// retries, errors) is in transport.ts.

import type {
  Reminder,
  ReminderSettings,
  AppreciationList,
  Plan,
  PlanBody,
  Agreement,
  AgreementBody,
  AgreementVersion,
  Answer,
  CarePlanEntry,
  CarePlanKind,
  Catalogue,
  DebriefBody,
  CheckinBody,
  CheckinList,
  CoachReview,
  Device,
  Exercise,
  ExerciseDetail,
  HistoryEntry,
  InPersonProof,
  IntakeEntry,
  IntakeKind,
  LoginResult,
  MyAnswer,
  NextStep,
  PracticeHold,
  PracticeSummary,
  Programme,
  RelationshipSummary,
  RoleOrderProposal,
  Resources,
  SafetyCheckForm,
  SharedItem,
  ConversationCard,
  Intention,
  Reading,
  ReadingSummary,
  Visibility,
  Worksheet,
  WorksheetPrompt,
  WorksheetText,
  WorksheetVersion,
  TherapistLink,
  AccessLogEntry,
  ChannelMessage,
  Caseload,
  SharedWithTherapistEntry,
  TherapistNote,
  TherapistChannel,
  TherapistHold,
  PartnersSafetyChecks,
  Measure,
  MeasureResult,
  MeasureSchedule,
  Progress,
} from './apiTypes';
import { call } from './contract';
import { requestFile } from './transport';

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

/** My requests to join that still wait for approval: ids and times, nothing inside. */
export async function listJoinRequests() {
  return (await call('GET', '/api/v1/relationships', {})).pending;
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

export function practiceAct(pid: string, act: PracticeAct, proofs?: InPersonProof[]) {
  const urgent = { urgent: act === 'pause' };
  const params = { pid };
  switch (act) {
    case 'ready':
    case 'resume': {
      // Only ready and resume take a body, and only for people confirming in person, each
      // with their own proof.
      const body =
        proofs && proofs.length
          ? { on_behalf_of: proofs.map((p) => p.account_id), proofs }
          : undefined;
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

// ---- the private safety check and the practice hold --------------------------------------

export function getSafetyCheckForm(): Promise<SafetyCheckForm> {
  return call('GET', '/api/v1/safety-check', {});
}

/** My answers, sealed and seen only by me; the answer is the same whatever they are. */
export function submitSafetyCheck(rid: string, answers: Record<string, number>) {
  return call('POST', '/api/v1/relationships/{rid}/safety-check', {
    params: { rid },
    body: { answers },
  });
}

export function getMySafetyChecks(rid: string) {
  return call('GET', '/api/v1/relationships/{rid}/safety-check/mine', { params: { rid } });
}

export function getPracticeHold(rid: string): Promise<PracticeHold> {
  return call('GET', '/api/v1/relationships/{rid}/practice-hold', { params: { rid } });
}

/** My own "pause the programme": no reason asked, and nobody is told who or why. */
export function pauseProgramme(rid: string): Promise<PracticeHold> {
  return call('PUT', '/api/v1/relationships/{rid}/practice-hold/mine', { params: { rid } });
}

export function resumeProgramme(rid: string): Promise<PracticeHold> {
  return call('DELETE', '/api/v1/relationships/{rid}/practice-hold/mine', { params: { rid } });
}

/** Whether I have a PIN for confirming in person on a shared device. */
export async function getMyPin(): Promise<boolean> {
  return (await call('GET', '/api/v1/me/pin', {})).set;
}

export function setMyPin(password: string, pin: string) {
  return call('PUT', '/api/v1/me/pin', { body: { password, pin } });
}

export function removeMyPin(password: string) {
  return call('DELETE', '/api/v1/me/pin', { body: { password } });
}

// ---- care plan -------------------------------------------------------------------------

export async function listCarePlan(rid: string): Promise<CarePlanEntry[]> {
  return (await call('GET', '/api/v1/relationships/{rid}/care-plan', { params: { rid } })).entries;
}

export function addCarePlanEntry(
  rid: string,
  body: { kind: CarePlanKind; text: string; visibility: Visibility; show_name: boolean },
) {
  return call('POST', '/api/v1/relationships/{rid}/care-plan', { params: { rid }, body });
}

export function updateCarePlanEntry(
  id: string,
  change: { kind?: CarePlanKind; text?: string; visibility?: Visibility; show_name?: boolean },
) {
  return call('PUT', '/api/v1/care-plan/{entry_id}', { params: { entry_id: id }, body: change });
}

export function deleteCarePlanEntry(id: string) {
  return call('DELETE', '/api/v1/care-plan/{entry_id}', { params: { entry_id: id } });
}

// ---- reframing worksheets -----------------------------------------------------------------

export async function listWorksheetPrompts(): Promise<WorksheetPrompt[]> {
  return (await call('GET', '/api/v1/worksheet-prompts', {})).prompts;
}

export async function listWorksheets(rid: string): Promise<Worksheet[]> {
  return (await call('GET', '/api/v1/relationships/{rid}/worksheets', { params: { rid } })).worksheets;
}

export function addWorksheet(rid: string, body: WorksheetText & { visibility: Visibility }) {
  return call('POST', '/api/v1/relationships/{rid}/worksheets', { params: { rid }, body });
}

export function updateWorksheet(id: string, change: Partial<WorksheetText> & { visibility?: Visibility }) {
  return call('PUT', '/api/v1/worksheets/{worksheet_id}', { params: { worksheet_id: id }, body: change });
}

export async function worksheetHistory(id: string): Promise<WorksheetVersion[]> {
  return (await call('GET', '/api/v1/worksheets/{worksheet_id}/history', { params: { worksheet_id: id } })).versions;
}

export function deleteWorksheet(id: string) {
  return call('DELETE', '/api/v1/worksheets/{worksheet_id}', { params: { worksheet_id: id } });
}

// ---- learning together ------------------------------------------------------------------

export async function listReadings(): Promise<ReadingSummary[]> {
  return (await call('GET', '/api/v1/readings', {})).readings;
}

export function getReading(id: string): Promise<Reading> {
  return call('GET', '/api/v1/readings/{reading_id}', { params: { reading_id: id } });
}

export async function listConversationCards(): Promise<ConversationCard[]> {
  return (await call('GET', '/api/v1/conversation-cards', {})).cards;
}

export function getIntention(rid: string): Promise<Intention> {
  return call('GET', '/api/v1/relationships/{rid}/intention', { params: { rid } });
}

export function setIntention(rid: string, text: string): Promise<Intention> {
  return call('PUT', '/api/v1/relationships/{rid}/intention', { params: { rid }, body: { text } });
}

// ---- the therapist ----------------------------------------------------------------------

export function getTherapistLink(rid: string): Promise<TherapistLink> {
  return call('GET', '/api/v1/relationships/{rid}/therapist', { params: { rid } });
}

/** Sent only after the person ticked "I understand" under the limits of confidentiality. */
export function requestTherapistLink(rid: string, code: string) {
  return call('POST', '/api/v1/relationships/{rid}/therapist', {
    params: { rid },
    body: { code, understood: true },
  });
}

export function consentToTherapistLink(rid: string) {
  return call('POST', '/api/v1/relationships/{rid}/therapist/consent', {
    params: { rid },
    body: { understood: true },
  });
}

export function revokeTherapistLink(rid: string) {
  return call('DELETE', '/api/v1/relationships/{rid}/therapist', { params: { rid } });
}

export async function getAccessLog(rid: string): Promise<AccessLogEntry[]> {
  return (await call('GET', '/api/v1/relationships/{rid}/access-log', { params: { rid } })).entries;
}

export async function getMyTherapistMessages(rid: string): Promise<ChannelMessage[]> {
  return (await call('GET', '/api/v1/relationships/{rid}/therapist/messages', { params: { rid } }))
    .messages;
}

export function sendTherapistMessage(rid: string, text: string) {
  return call('POST', '/api/v1/relationships/{rid}/therapist/messages', {
    params: { rid },
    body: { text },
  });
}

export async function createLinkCode(): Promise<string> {
  return (await call('POST', '/api/v1/therapist/link-codes', {})).code;
}

export async function getCaseload(): Promise<Caseload> {
  return (await call('GET', '/api/v1/therapist/relationships', {})).relationships;
}

export async function getSharedWithTherapist(rid: string): Promise<SharedWithTherapistEntry[]> {
  return (await call('GET', '/api/v1/therapist/relationships/{rid}/shared', { params: { rid } }))
    .entries;
}

export async function getTherapistNotes(rid: string): Promise<TherapistNote[]> {
  return (await call('GET', '/api/v1/therapist/relationships/{rid}/notes', { params: { rid } }))
    .notes;
}

export function addTherapistNote(rid: string, text: string) {
  return call('POST', '/api/v1/therapist/relationships/{rid}/notes', {
    params: { rid },
    body: { text },
  });
}

export async function getTherapistInbox(): Promise<TherapistChannel[]> {
  return (await call('GET', '/api/v1/therapist/messages', {})).channels;
}

export function replyOnChannel(rid: string, partnerId: string, text: string) {
  return call('POST', '/api/v1/therapist/messages', {
    body: { relationship_id: rid, partner_id: partnerId, text },
  });
}

/** The linked therapist offers the programme's next stage; the partners still accept. */
export async function offerNextStage(rid: string): Promise<number> {
  return (
    await call('POST', '/api/v1/therapist/relationships/{rid}/programme/offer', {
      params: { rid },
      body: {},
    })
  ).stage;
}

// ---- measures and progress --------------------------------------------------------------------

export async function listMeasures(): Promise<Measure[]> {
  return (await call('GET', '/api/v1/measures', {})).measures;
}

export function getMeasure(id: string): Promise<Measure> {
  return call('GET', '/api/v1/measures/{measure_id}', { params: { measure_id: id } });
}

export function answerMeasure(
  rid: string,
  id: string,
  answers: Record<string, number>,
  visibility: Visibility = 'private',
) {
  return call('POST', '/api/v1/relationships/{rid}/measures/{measure_id}', {
    params: { rid, measure_id: id },
    body: { answers, visibility },
  });
}

export async function listMeasureResults(rid: string): Promise<MeasureResult[]> {
  return (await call('GET', '/api/v1/relationships/{rid}/measures/results', { params: { rid } }))
    .results;
}

export function shareMeasureResult(id: string, visibility: Visibility) {
  return call('PUT', '/api/v1/measure-results/{result_id}', {
    params: { result_id: id },
    body: { visibility },
  });
}

export async function listMeasureSchedules(rid: string): Promise<MeasureSchedule[]> {
  return (await call('GET', '/api/v1/relationships/{rid}/measures/schedule', { params: { rid } }))
    .schedules;
}

export function setMeasureSchedule(rid: string, id: string, everyDays: number) {
  return call('PUT', '/api/v1/relationships/{rid}/measures/{measure_id}/schedule', {
    params: { rid, measure_id: id },
    body: { every_days: everyDays },
  });
}

export function getProgress(rid: string): Promise<Progress> {
  return call('GET', '/api/v1/relationships/{rid}/progress', { params: { rid } });
}

// ---- appreciation and shared plans ------------------------------------------------------

export function listAppreciations(rid: string): Promise<AppreciationList> {
  return call('GET', '/api/v1/relationships/{rid}/appreciations', { params: { rid } });
}

/** A note to one partner, or to every partner when `to` is left out. */
export function sendAppreciation(rid: string, text: string, to?: string) {
  return call('POST', '/api/v1/relationships/{rid}/appreciations', {
    params: { rid },
    body: to ? { text, to } : { text },
  });
}

export function withdrawAppreciation(id: string) {
  return call('DELETE', '/api/v1/appreciations/{appreciation_id}', {
    params: { appreciation_id: id },
  });
}

export async function listPlans(rid: string): Promise<Plan[]> {
  return (await call('GET', '/api/v1/relationships/{rid}/plans', { params: { rid } })).plans;
}

export function proposePlan(rid: string, body: PlanBody) {
  return call('POST', '/api/v1/relationships/{rid}/plans', { params: { rid }, body });
}

export function answerPlan(id: string, join: boolean): Promise<Plan> {
  return join
    ? call('POST', '/api/v1/plans/{plan_id}/join', { params: { plan_id: id } })
    : call('POST', '/api/v1/plans/{plan_id}/decline', { params: { plan_id: id } });
}

export function withdrawPlan(id: string) {
  return call('DELETE', '/api/v1/plans/{plan_id}', { params: { plan_id: id } });
}

/** The calendar download: a plain link, so the browser saves it with the session cookie. */
export function calendarUrl(rid: string): string {
  return `/api/v1/relationships/${enc(rid)}/calendar.ics`;
}

// ---- gentle reminders -----------------------------------------------------------------

export async function listReminders(): Promise<Reminder[]> {
  return (await call('GET', '/api/v1/me/reminders', {})).reminders;
}

export function dismissReminder(id: string) {
  return call('POST', '/api/v1/me/reminders/{reminder_id}/dismiss', { params: { reminder_id: id } });
}

export function getReminderSettings(): Promise<ReminderSettings> {
  return call('GET', '/api/v1/me/reminders/settings', {});
}

export function setReminderSettings(settings: ReminderSettings): Promise<ReminderSettings> {
  return call('PUT', '/api/v1/me/reminders/settings', { body: settings });
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

// ---- the therapist's care of a linked relationship ---------------------------------------

export function getTherapistHold(rid: string): Promise<TherapistHold> {
  return call('GET', '/api/v1/therapist/relationships/{rid}/practice-hold', { params: { rid } });
}

/** The linked therapist pauses practice for now, or lifts their own hold (and nothing else). */
export function setTherapistHold(rid: string, held: boolean): Promise<TherapistHold> {
  return held
    ? call('PUT', '/api/v1/therapist/relationships/{rid}/practice-hold', { params: { rid } })
    : call('DELETE', '/api/v1/therapist/relationships/{rid}/practice-hold', { params: { rid } });
}

export function getPartnersSafetyChecks(rid: string): Promise<PartnersSafetyChecks> {
  return call('GET', '/api/v1/therapist/relationships/{rid}/safety-checks', { params: { rid } });
}

/** The report download: a plain link, so the browser saves it with the session cookie. */
export function therapistReportUrl(rid: string): string {
  return `/api/v1/therapist/relationships/${enc(rid)}/report.html`;
}

/**
 * The report printed to PDF. Fetched rather than linked, so that a server that cannot print
 * it just now says so on the page instead of the browser saving its answer as a file.
 */
export function getTherapistReportPdf(rid: string): Promise<Blob> {
  return requestFile(therapistReportPdfUrl(rid));
}

export function therapistReportPdfUrl(rid: string): string {
  return `/api/v1/therapist/relationships/${enc(rid)}/report.pdf`;
}

export async function getDebriefShare(pid: string): Promise<boolean> {
  return (await call('GET', '/api/v1/practices/{pid}/debrief/therapist', { params: { pid } }))
    .shared;
}

/** `understood` only after the person ticked "I understand" under the limits of confidentiality. */
export async function setDebriefShare(pid: string, shared: boolean, understood: boolean): Promise<boolean> {
  const body = understood ? { shared, understood } : { shared };
  return (await call('PUT', '/api/v1/practices/{pid}/debrief/therapist', { params: { pid }, body }))
    .shared;
}
