// What participants agree to before a practice (SPEC domain 3), and the rules a draft must
// meet: only mutual items, the exercise's required items, sane limits, a usable pause word.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/error.h"
#include "core/answer.h"
#include "core/exercise.h"
#include "core/reveal.h"
#include "core/time_limits.h"

namespace attune::core {

inline constexpr std::size_t kMaxAgreementItems = 200;
inline constexpr std::size_t kMaxPauseWordChars = 64;
inline constexpr std::size_t kMaxAftercareChars = 2000;

struct AgreementTerms {
  std::string exercise_id;
  std::vector<std::string> participants;
  std::vector<std::string> items;
  int time_limit_minutes = 0;
  std::vector<std::string> role_order;
  std::string pause_word;
  std::string aftercare;
};

// Checks a draft written by `author` against the current partners, their current answers
// (a partner missing from the map has answered nothing) and the exercise it names (nullptr
// when the id is unknown). Errors never say which partner blocked an item or how they
// answered: said-no and not-answered fail identically.
base::Status validate_agreement_terms(
    const AgreementTerms& terms, std::string_view author, const std::vector<std::string>& partners,
    const std::unordered_map<std::string, AnswerSheet>& answers_by_partner,
    const Exercise* exercise);

// Invariant I2: true when this answer change must void the agreement at once, i.e. a
// participant moves an in-scope item to no or unanswered.
bool answer_change_voids(const AgreementTerms& terms, std::string_view partner,
                         std::string_view item_id, Answer new_answer);

}  // namespace attune::core
