#include "core/coach/coach_vocabulary.h"

#include <algorithm>

namespace attune::core {

void CoachWords::add(std::string_view entry) {
  if (entry.ends_with('*')) {
    prefixes_.emplace_back(entry.substr(0, entry.size() - 1));
  } else {
    exact_.emplace(entry);
  }
}

bool CoachWords::contains(std::string_view word) const {
  if (exact_.contains(word)) return true;
  return std::ranges::any_of(prefixes_,
                             [&](const std::string& prefix) { return word.starts_with(prefix); });
}

void CoachPatternIndex::add(const CoachPattern& pattern, CoachPatternRef ref) {
  for (const auto& step : pattern.steps) {
    const bool any = step.choices.empty() ||
                     std::ranges::any_of(step.choices, &CoachPatternStep::Choice::prefix);
    if (any) {
      any_first_word.push_back(ref);
      return;
    }
    for (const auto& choice : step.choices) {
      auto& refs = by_first_word[choice.word];
      if (refs.empty() || refs.back() != ref) refs.push_back(ref);
    }
    if (!step.optional) return;
  }
}

void CoachPatternIndex::finish() {
  std::ranges::sort(any_first_word);
  for (auto& [word, refs] : by_first_word) {
    refs.insert(refs.end(), any_first_word.begin(), any_first_word.end());
    std::ranges::sort(refs);
    const auto repeated = std::ranges::unique(refs);
    refs.erase(repeated.begin(), repeated.end());
  }
}

const std::vector<CoachPatternRef>& CoachPatternIndex::candidates(std::string_view word) const {
  const auto it = by_first_word.find(word);
  return it == by_first_word.end() ? any_first_word : it->second;
}

void CoachVocabulary::index_patterns() {
  rule_index = {};
  harm_index = {};
  for (std::size_t r = 0; r < rules.size(); ++r) {
    for (std::size_t p = 0; p < rules[r].patterns.size(); ++p) {
      rule_index.add(rules[r].patterns[p], {r, p});
    }
  }
  for (std::size_t p = 0; p < harm.size(); ++p) harm_index.add(harm[p], {0, p});
  rule_index.finish();
  harm_index.finish();
}

}  // namespace attune::core
