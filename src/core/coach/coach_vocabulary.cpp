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
  if (exact_.contains(std::string(word))) return true;
  return std::ranges::any_of(prefixes_,
                             [&](const std::string& prefix) { return word.starts_with(prefix); });
}

}  // namespace attune::core
