// The shapes of the server's JSON answers and request bodies under the names the screens
// use. Each is the schema of docs/openapi.yaml (generated into src/generated/openapi.ts by
// `npm run gen:api`), never a shape written by hand.

import type { Schemas } from './contract';

export type { ErrorCode } from './contract';

export type Answer = Schemas['Answer'];
export type Visibility = Schemas['Visibility'];
export type IntakeKind = Schemas['IntakeKind'];
export type AgreementStatus = Schemas['AgreementStatus'];
export type PracticeStatus = Schemas['PracticeStatus'];
export type MembershipStatus = Schemas['MembershipStatus'];
export type Device = Schemas['Device'];

export type Account = Schemas['LoginResponse']['account'];
export type Me = Schemas['Profile'];
/** The login answer without the bearer token, which the web client drops. */
export type LoginResult = Omit<Schemas['LoginResponse'], 'token'>;
export type Resources = Schemas['Resources'];
export type ResourceEntry = Resources['entries'][number];
export type RelationshipSummary = Schemas['RelationshipSummary'];
export type Person = Schemas['Partner'];
export type PendingPerson = Schemas['RelationshipDetail']['pending'][number];
export type RelationshipDetail = Schemas['RelationshipDetail'];
export type Category = Schemas['Category'];
/** An item of one relationship's catalogue (shipped, custom or proposed). */
export type CatalogueItem = Schemas['RelationshipCatalogueItem'];
export interface Catalogue {
  categories: Category[];
  items: CatalogueItem[];
}
export type MyAnswer = Schemas['MyAnswer'];
export type HistoryEntry = Schemas['AnswerChange'];
export type SharedItem = Schemas['SharedItem'];
export type IntakeEntry = Schemas['IntakeEntry'];
export type Exercise = Schemas['Exercise'];
/** One exercise in full: purpose, check-in prompts and debrief prompts as well. */
export type ExerciseDetail = Schemas['ExerciseDetail'];
export type RoleOrderProposal = Schemas['RoleOrderProposal'];
/** The terms sent to create or edit an agreement. */
export type AgreementBody = Schemas['AgreementTerms'];
export type Agreement = Schemas['Agreement'];
export type AgreementVersion = Schemas['AgreementVersion'];
export type PracticeSummary = Schemas['PracticeSummary'];
export type Phase = Schemas['Phase'];
export type PracticeState = Schemas['PracticeState'];
/** A frame the server sends on the live WebSocket. */
export type LiveServerMessage = Schemas['LiveServerMessage'];
/** A frame the client sends on the live WebSocket. */
export type LiveClientMessage = Schemas['LiveClientMessage'];
/** A frame the server sends on the per-person channel (GET /api/v1/me/live). */
export type NudgeMessage = Schemas['NudgeMessage'];
/** A debrief as sent: the three answers, or a skip alone. */
export type DebriefBody = Schemas['DebriefCreate'];
/** A practice's debriefs: waiting (nothing in it) or revealed, in speaking order. */
export type Debriefs = Schemas['Debriefs'];
export type RevealedDebrief = Schemas['RevealedDebrief'];
export type CheckinKind = Schemas['CheckinKind'];
export type Checkin = Schemas['Checkin'];
/** What is sent to check in. */
export type CheckinBody = Schemas['CheckinCreate'];
export type CheckinList = Schemas['CheckinList'];
export type Shift = Schemas['Shift'];
export type Programme = Schemas['ProgrammeState'];
/** The language coach's answer: flagged spans, one suggestion, or only resources. */
export type CoachReview = Schemas['CoachReview'];
export type CoachFlag = Schemas['CoachFlag'];
export type NextStep = Schemas['NextStep'];
/** The private safety check's questions and scale (the danger rule stays on the server). */
export type SafetyCheckForm = Schemas['SafetyCheckForm'];
/** Whether practice is paused for now (the same for everyone), and whether I paused it. */
export type PracticeHold = Schemas['PracticeHold'];
/** A participant's proof of being at a shared device: their PIN or their password. */
export type InPersonProof = Schemas['InPersonProof'];
export type CarePlanKind = Schemas['CarePlanKind'];
export type CarePlanEntry = Schemas['CarePlanEntry'];
/** A care-plan entry as a paused practice shows it: whose only when its author chose so. */
export type CareNote = Schemas['CareNote'];
export type Worksheet = Schemas['Worksheet'];
export type WorksheetVersion = Schemas['WorksheetVersion'];
export type WorksheetPrompt = Schemas['WorksheetPrompt'];
/** The three steps of a reframing worksheet, as written. */
export type WorksheetText = Pick<Worksheet, 'old_script' | 'notice_now' | 'new_narrative'>;
export type ReadingSummary = Schemas['ReadingSummary'];
export type Reading = Schemas['Reading'];
export type ConversationCard = Schemas['ConversationCard'];
export type Intention = Schemas['Intention'];
/** The therapist link as a partner sees it, with the limits of confidentiality. */
export type TherapistLink = Schemas['TherapistLink'];
export type TherapistHold = Schemas['TherapistHold'];
export type PartnersSafetyChecks = Schemas['PartnersSafetyChecks'];
export type Caseload = Schemas['Caseload']['relationships'];
export type SharedWithTherapistEntry = Schemas['SharedWithTherapist']['entries'][number];
export type AccessLogEntry = Schemas['AccessLog']['entries'][number];
export type TherapistNote = Schemas['TherapistNotes']['notes'][number];
export type ChannelMessage = Schemas['ChannelMessage'];
export type TherapistChannel = Schemas['TherapistInbox']['channels'][number];
export type Measure = Schemas['Measure'];
export type MeasureItem = Schemas['MeasureItem'];
export type MeasureResult = Schemas['MeasureResult'];
export type MeasureSchedule = Schemas['MeasureSchedule'];
export type Progress = Schemas['Progress'];
export type ProgressScore = Progress['scores'][number];
export type Milestone = Progress['milestones'][number];
export type AppreciationList = Schemas['AppreciationList'];
export type SentAppreciation = AppreciationList['sent'][number];
export type ReceivedAppreciation = AppreciationList['received'][number];
export type Plan = Schemas['Plan'];
export type PlanKind = Schemas['PlanKind'];
/** What is sent to propose a plan. */
export type PlanBody = Schemas['PlanCreate'];
export type Reminder = Schemas['Reminder'];
export type ReminderKind = Schemas['ReminderKind'];
export type ReminderSettings = Schemas['ReminderSettings'];
