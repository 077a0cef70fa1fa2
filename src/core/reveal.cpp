#include "core/reveal.h"

#include <algorithm>
#include <optional>

namespace attune::core {
namespace {

// The shared level of one item, or nullopt when some sheet lacks a yes/maybe for it.
std::optional<SharedLevel> level_for(const std::vector<const AnswerSheet*>& group,
                                     const std::string& item_id) {
  bool all_yes = true;
  for (const AnswerSheet* sheet : group) {
    const auto found = sheet->find(item_id);
    if (found == sheet->end() || !is_yes_or_maybe(found->second)) return std::nullopt;
    all_yes = all_yes && found->second == Answer::kYes;
  }
  return all_yes ? SharedLevel::kYes : SharedLevel::kAskFirst;
}

bool is_shareable_group(const std::vector<const AnswerSheet*>& group) {
  return group.size() >= 2 && std::ranges::none_of(group, [](auto* s) { return s == nullptr; });
}

}  // namespace

std::string_view shared_level_name(SharedLevel level) {
  switch (level) {
    case SharedLevel::kYes:
      return "yes";
    case SharedLevel::kAskFirst:
      return "ask-first";
  }
  return "ask-first";
}

std::vector<SharedItem> mutual_items(const std::vector<const AnswerSheet*>& group) {
  if (!is_shareable_group(group)) return {};
  const AnswerSheet* smallest = *std::ranges::min_element(
      group, [](const AnswerSheet* a, const AnswerSheet* b) { return a->size() < b->size(); });
  std::vector<SharedItem> shared;
  for (const auto& [item_id, answer] : *smallest) {
    if (!is_yes_or_maybe(answer)) continue;
    if (const auto level = level_for(group, item_id)) shared.push_back({item_id, *level});
  }
  std::ranges::sort(shared, {}, &SharedItem::item_id);
  return shared;
}

bool is_mutual(const std::vector<const AnswerSheet*>& group, std::string_view item_id) {
  return is_shareable_group(group) && level_for(group, std::string(item_id)).has_value();
}

}  // namespace attune::core
