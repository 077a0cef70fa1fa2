// Mutual-only reveal (invariant I1): a shared view lists an item only when every partner in
// the group answered yes or maybe. Said-no and not-answered give identical results.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/answer.h"

namespace attune::core {

// One partner's answers by item id; an absent item is unanswered.
using AnswerSheet = std::unordered_map<std::string, Answer>;

enum class SharedLevel { kYes, kAskFirst };

// "yes", "ask-first".
std::string_view shared_level_name(SharedLevel level);

struct SharedItem {
  std::string item_id;
  SharedLevel level;

  friend bool operator==(const SharedItem&, const SharedItem&) = default;
};

// Items every sheet in the group answered yes or maybe, sorted by item id; kYes only when
// all said yes. A group of fewer than two sheets shares nothing, and a null sheet counts as
// one with no answers. Cost is linear in the smallest sheet times the group size.
std::vector<SharedItem> mutual_items(const std::vector<const AnswerSheet*>& group);

// Whether one item would appear in mutual_items for the same group.
bool is_mutual(const std::vector<const AnswerSheet*>& group, std::string_view item_id);

}  // namespace attune::core
