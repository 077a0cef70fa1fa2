#include "core/agreement_terms.h"

#include <algorithm>

#include "core/text.h"

namespace attune::core {
namespace {

std::vector<std::string> sorted(std::vector<std::string> ids) {
  std::ranges::sort(ids);
  return ids;
}

bool has_duplicates(const std::vector<std::string>& sorted_ids) {
  return std::ranges::adjacent_find(sorted_ids) != sorted_ids.end();
}

bool contains(const std::vector<std::string>& ids, std::string_view id) {
  return std::ranges::find(ids, id) != ids.end();
}

base::Status check_participants(const std::vector<std::string>& participants,
                                std::string_view author, const std::vector<std::string>& partners) {
  if (has_duplicates(sorted(participants))) {
    return base::fail(base::ErrorCode::invalid_group, "participants must not repeat");
  }
  if (participants.size() < 2) {
    return base::fail(base::ErrorCode::too_few_participants,
                      "an agreement needs at least two participants");
  }
  if (!contains(participants, author)) {
    return base::fail(base::ErrorCode::not_a_participant,
                      "you must be a participant in your agreement");
  }
  if (!std::ranges::all_of(participants, [&](const auto& id) { return contains(partners, id); })) {
    return base::fail(base::ErrorCode::invalid_group,
                      "every participant must be a current partner");
  }
  return {};
}

base::Status check_exercise(std::string_view exercise_id, const Exercise* exercise) {
  if (exercise == nullptr || exercise->id != exercise_id) {
    return base::fail(base::ErrorCode::invalid_field, "unknown exercise");
  }
  return {};
}

std::vector<const AnswerSheet*> sheets_of(
    const std::vector<std::string>& participants,
    const std::unordered_map<std::string, AnswerSheet>& answers_by_partner) {
  static const AnswerSheet kNoAnswers;
  std::vector<const AnswerSheet*> sheets;
  sheets.reserve(participants.size());
  for (const auto& id : participants) {
    const auto found = answers_by_partner.find(id);
    sheets.push_back(found == answers_by_partner.end() ? &kNoAnswers : &found->second);
  }
  return sheets;
}

// The message is the same for every failing item and every reason, so it reveals nothing
// beyond what the shared view already shows.
base::Status check_items(const AgreementTerms& terms,
                         const std::unordered_map<std::string, AnswerSheet>& answers_by_partner) {
  if (terms.items.size() > kMaxAgreementItems) {
    return base::fail(base::ErrorCode::field_too_long, "items has more than 200 entries");
  }
  if (has_duplicates(sorted(terms.items))) {
    return base::fail(base::ErrorCode::invalid_field, "items must not repeat");
  }
  const auto group = sheets_of(terms.participants, answers_by_partner);
  if (!std::ranges::all_of(terms.items, [&](const auto& item) { return is_mutual(group, item); })) {
    return base::fail(base::ErrorCode::item_not_mutual,
                      "every item must be one all participants are open to; see the shared view");
  }
  return {};
}

base::Status check_required_items(const std::vector<std::string>& items, const Exercise& exercise) {
  for (const auto& required : exercise.requires_items) {
    if (!contains(items, required)) {
      return base::fail(base::ErrorCode::exercise_item_missing,
                        "this exercise needs all of its required items in scope");
    }
  }
  return {};
}

base::Status check_time_limit(int minutes) {
  if (minutes < kMinTimeLimitMinutes || minutes > kMaxTimeLimitMinutes) {
    return base::fail(base::ErrorCode::invalid_field, "time_limit_minutes must be 5 to 180");
  }
  return {};
}

base::Status check_role_order(const std::vector<std::string>& role_order,
                              const std::vector<std::string>& participants) {
  if (sorted(role_order) != sorted(participants)) {
    return base::fail(base::ErrorCode::invalid_field,
                      "role_order must name every participant exactly once");
  }
  return {};
}

}  // namespace

base::Status validate_agreement_terms(
    const AgreementTerms& terms, std::string_view author, const std::vector<std::string>& partners,
    const std::unordered_map<std::string, AnswerSheet>& answers_by_partner,
    const Exercise* exercise) {
  if (auto s = check_participants(terms.participants, author, partners); !s) return s;
  if (auto s = check_exercise(terms.exercise_id, exercise); !s) return s;
  if (auto s = check_items(terms, answers_by_partner); !s) return s;
  if (auto s = check_required_items(terms.items, *exercise); !s) return s;
  if (auto s = check_time_limit(terms.time_limit_minutes); !s) return s;
  if (auto s = check_role_order(terms.role_order, terms.participants); !s) return s;
  if (auto s = check_text("pause_word", terms.pause_word, kMaxPauseWordChars, true); !s) return s;
  return check_text("aftercare", terms.aftercare, kMaxAftercareChars, false);
}

bool answer_change_voids(const AgreementTerms& terms, std::string_view partner,
                         std::string_view item_id, Answer new_answer) {
  return !is_yes_or_maybe(new_answer) && contains(terms.participants, partner) &&
         contains(terms.items, item_id);
}

}  // namespace attune::core
