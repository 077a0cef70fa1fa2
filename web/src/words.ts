// Calm, plain wording for things that did not go as planned.
import { ApiError, type ClientErrorCode, type ErrorCode } from './api';

// Keyed by the server's ErrorCode enum (generated from docs/openapi.yaml) and the client's
// own codes: a code the server never sends does not compile here.
const byCode: { readonly [C in ErrorCode | ClientErrorCode]?: string } = {
  network: "We couldn't reach the server just now. Your connection may be down; please try again in a moment.",
  adult_confirmation_required: 'attune is for adults. Please confirm that you are 18 or older to continue.',
  email_taken: 'That email already has an account. You can log in instead.',
  invalid_credentials: "That email and password didn't match. Please try again.",
  unauthenticated: 'Please log in to continue.',
  csrf_token_invalid: 'Your session needs a refresh. Please log in again.',
  invalid_time_zone: 'Please check the time zone, for example Europe/Berlin, or leave it as it is.',
  agreement_not_signed: 'A practice can start once everyone taking part has signed this version.',
  practice_ended: 'This practice has ended.',
  already_member: 'You are already part of this relationship.',
  relationship_full: 'This relationship already has eight members, so nobody else can join.',
  too_few_participants: 'An agreement needs at least two people, including you.',
  not_a_participant: 'Everyone named needs to be a current member who takes part.',
  invalid_group: 'Please choose a group that includes you and current members only.',
  field_too_long: 'That is a bit too long. Could you shorten it?',
  missing_field: 'Something in the form is still empty.',
  invalid_field: 'Something in the form needs another look.',
  invalid_answer: 'Please choose yes, maybe, no or not answered.',
  invalid_visibility: 'Please choose who can see this.',
  rate_limited: "Let's slow down for a moment. Please try again shortly.",
  busy: 'The server is busy right now. Please try again in a moment.',
  pdf_unavailable:
    "The PDF can't be made on this server just now. You can download the report as a page and print it instead.",
  item_not_mutual: 'One of the chosen items is not in your shared view any more. Please review the list.',
  exercise_item_missing: 'This exercise needs a few items in scope that are not chosen yet.',
  stale_version: 'The agreement changed since you opened it. Please look at the latest version.',
  agreement_void: 'This agreement is no longer in force, so the practice can only end now.',
  invite_invalid: "That code didn't work. It may have been used or expired; you can ask for a new one.",
  not_found: "This isn't available. It may have changed or you may no longer have access.",
  weak_password: 'Please choose a password with at least 10 characters.',
  invalid_email: 'Please check the email address.',
  idempotency_outcome_unknown:
    'This was most likely saved, but the answer got lost on the way. Please reload to see it.',
  acknowledgement_required: 'Please read the limits of confidentiality and tick "I understand" first.',
  link_code_invalid: "That code didn't work. It may have been used or expired; your therapist can make a new one.",
  already_linked: 'A therapist is already linked here. End that link first if you want another.',
};

const byStatus: Record<number, string> = {
  400: 'Something in the form needs another look.',
  401: 'Please log in to continue.',
  404: "This isn't available. It may have changed or you may no longer have access.",
  409: 'Things changed in the meantime. Please take another look.',
  413: 'That is a bit too long to save. Could you shorten it?',
  422: "That couldn't be saved as it is.",
  429: "Let's slow down for a moment. Please try again shortly.",
  503: 'The server is busy right now. Please try again in a moment.',
};

/** A sentence to show a person when a request fails. */
export function calmMessage(err: unknown): string {
  if (err instanceof ApiError) {
    const known = Object.hasOwn(byCode, err.code) ? byCode[err.code as keyof typeof byCode] : undefined;
    if (known) return known;
    if (err.message && err.status < 500) return err.message;
    return byStatus[err.status] ?? 'Something went wrong on our side. Please try again.';
  }
  return 'Something went wrong on our side. Please try again.';
}
