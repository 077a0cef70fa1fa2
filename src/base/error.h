// Expected failures as values: every domain and validation error carries a stable
// snake_case code (sent in the API's error body) and the kind that decides its HTTP status.
#pragma once

#include <expected>
#include <string>
#include <string_view>

namespace attune::base {

enum class ErrorKind {
  kBadInput,              // 400
  kUnauthenticated,       // 401
  kForbidden,             // 403 (only where existence is already known to the caller)
  kNotFound,              // 404, also "not yours": existence is never leaked
  kMethodNotAllowed,      // 405 (with an Allow header)
  kConflict,              // 409
  kTooLarge,              // 413
  kUnsupportedMediaType,  // 415
  kRuleViolated,          // 422
  kRateLimited,           // 429
  kBusy,                  // 503
  kInternal,              // 500, never for bad input
};

// X(code, kind). Append only: the names are part of the public API.
#define ATTUNE_ERROR_CODES(X)                      \
  X(invalid_json, kBadInput)                       \
  X(invalid_field, kBadInput)                      \
  X(missing_field, kBadInput)                      \
  X(field_too_long, kBadInput)                     \
  X(invalid_utf8, kBadInput)                       \
  X(adult_confirmation_required, kBadInput)        \
  X(invalid_email, kBadInput)                      \
  X(weak_password, kBadInput)                      \
  X(invalid_time_zone, kBadInput)                  \
  X(invalid_answer, kBadInput)                     \
  X(invalid_visibility, kBadInput)                 \
  X(unauthenticated, kUnauthenticated)             \
  X(invalid_credentials, kUnauthenticated)         \
  X(invalid_ticket, kUnauthenticated)              \
  X(csrf_token_invalid, kForbidden)                \
  X(origin_not_allowed, kForbidden)                \
  X(forbidden, kForbidden)                         \
  X(not_found, kNotFound)                          \
  X(method_not_allowed, kMethodNotAllowed)         \
  X(email_taken, kConflict)                        \
  X(conflict, kConflict)                           \
  X(stale_version, kConflict)                      \
  X(agreement_void, kConflict)                     \
  X(agreement_not_signed, kConflict)               \
  X(practice_ended, kConflict)                     \
  X(already_member, kConflict)                     \
  X(relationship_full, kConflict)                  \
  X(invite_invalid, kConflict)                     \
  X(body_too_large, kTooLarge)                     \
  X(idempotency_key_reused, kRuleViolated)         \
  X(item_not_mutual, kRuleViolated)                \
  X(exercise_item_missing, kRuleViolated)          \
  X(too_few_participants, kRuleViolated)           \
  X(not_a_participant, kRuleViolated)              \
  X(invalid_group, kRuleViolated)                  \
  X(rule_violated, kRuleViolated)                  \
  X(rate_limited, kRateLimited)                    \
  X(busy, kBusy)                                   \
  X(internal, kInternal)                           \
  X(idempotency_outcome_unknown, kConflict)        \
  X(unsupported_media_type, kUnsupportedMediaType) \
  X(stage_not_open, kRuleViolated)                 \
  X(practice_not_ended, kConflict)                 \
  X(debrief_closed, kConflict)                     \
  X(debrief_already_given, kConflict)              \
  X(no_offer, kConflict)                           \
  X(proof_required, kForbidden)                    \
  X(practice_on_hold, kConflict)                   \
  X(acknowledgement_required, kRuleViolated)       \
  X(link_code_invalid, kConflict)                  \
  X(already_linked, kConflict)                     \
  X(too_many_entries, kRuleViolated)               \
  X(already_answered, kConflict)                   \
  X(mail_not_configured, kRuleViolated)            \
  X(pdf_unavailable, kBusy)

enum class ErrorCode {
#define ATTUNE_ERROR_ENUM(code, kind) code,
  ATTUNE_ERROR_CODES(ATTUNE_ERROR_ENUM)
#undef ATTUNE_ERROR_ENUM
};

std::string_view code_name(ErrorCode code);
ErrorKind kind_of(ErrorCode code);

struct Error {
  ErrorCode code;
  std::string message;
  int retry_after_seconds = 0;  // set with kRateLimited and kBusy
};

template <class T>
using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(ErrorCode code, std::string message) {
  return std::unexpected(Error{code, std::move(message)});
}

// The error of a failed Result or Status, to be returned as the caller's own.
template <class T>
std::unexpected<Error> error_of(const std::expected<T, Error>& failed) {
  return std::unexpected(failed.error());
}

}  // namespace attune::base

// Returns from the enclosing function with the error of `expr` (a Result or Status) when
// it failed; the value, if any, is dropped.
#define ATTUNE_TRY(expr)                               \
  do {                                                 \
    if (auto attune_tried_ = (expr); !attune_tried_) { \
      return ::attune::base::error_of(attune_tried_);  \
    }                                                  \
  } while (false)
