// The shapes of the server's JSON answers and request bodies, as the web client uses them
// (docs/api.md is the contract; fields the client does not read are left out).

export type Answer = 'yes' | 'maybe' | 'no' | 'unset';
export type Visibility = 'private' | 'partners' | 'therapist' | 'partners_and_therapist';
export type IntakeKind = 'hurt' | 'safe' | 'desire';
export type AgreementStatus = 'draft' | 'signed' | 'void';
export type PracticeStatus = 'waiting' | 'running' | 'paused' | 'ended';

export interface Account {
  id: string;
  display_name: string;
}
export interface Me extends Account {
  time_zone: string;
  roles: string[];
}
export interface LoginResult {
  csrf_token: string;
  account: Account;
}
export interface ResourceEntry {
  name: string;
  contact: string;
  note?: string;
}
export interface Resources {
  title: string;
  body: string;
  entries: ResourceEntry[];
}
export interface RelationshipSummary {
  id: string;
  name: string;
}
export interface Person {
  id: string;
  display_name: string;
}
export interface PendingPerson extends Person {
  you_approved?: boolean;
}
export interface RelationshipDetail {
  id: string;
  name: string;
  partners: Person[];
  pending?: PendingPerson[];
}
export interface Category {
  id: string;
  label: string;
}
export interface CatalogueItem {
  id: string;
  category: string;
  label: string;
  description: string;
  custom?: boolean;
  mine?: boolean;
  proposed?: boolean;
}
export interface Catalogue {
  categories: Category[];
  items: CatalogueItem[];
}
export interface MyAnswer {
  item_id: string;
  answer: Answer;
  note?: string;
}
export interface HistoryEntry {
  item_id: string;
  answer: Answer;
  note?: string;
  at?: string;
  changed_at?: string;
  created_at?: string;
}
export interface SharedItem {
  item_id: string;
  level: 'yes' | 'ask-first';
}
export interface IntakeEntry {
  id: string;
  kind: IntakeKind;
  text: string;
  visibility: Visibility;
  mine: boolean;
  author_name?: string;
  created_at?: string;
}
export interface Exercise {
  id: string;
  stage: number;
  title: string;
  minutes: number;
  requires: string[];
  summary?: string;
}
export interface AgreementBody {
  exercise_id: string;
  participants?: string[];
  items: string[];
  time_limit_minutes: number;
  role_order: string[];
  pause_word: string;
  aftercare: string;
}
export interface AgreementSummary {
  id: string;
  version: number;
  status: AgreementStatus;
  exercise_id: string;
  signature_count: number;
  participant_count: number;
  you_signed: boolean;
}
export interface Agreement extends AgreementSummary, Partial<Omit<AgreementBody, 'exercise_id'>> {}
export interface AgreementVersion {
  version: number;
  created_at?: string;
  exercise_id: string;
  participants: string[];
  items: string[];
  time_limit_minutes: number;
  role_order: string[];
  pause_word: string;
  aftercare: string;
}
export interface PracticeSummary {
  id: string;
  agreement_id: string;
  status: PracticeStatus;
}
export interface Phase {
  index: number;
  name: string;
  instruction: string;
  giver?: string | null;
  receiver?: string | null;
  ends_at?: string | null;
}
export interface PracticeState {
  id: string;
  agreement_id?: string;
  status: PracticeStatus;
  void: boolean;
  device: 'own' | 'shared';
  phase?: Phase | null;
  participant_count: number;
  ready_count: number;
  you_ready: boolean;
  paused_by_count: number;
  resume_consent_count: number;
  you_consented: boolean;
  time_left_seconds: number;
  seq: number;
  pause_word?: string;
  participants?: Person[];
}
