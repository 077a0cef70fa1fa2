#include "core/group.h"

#include <algorithm>
#include <functional>

namespace attune::core {
namespace {

std::vector<std::string> sorted_unique(std::vector<std::string> ids) {
  std::ranges::sort(ids);
  const auto tail = std::ranges::unique(ids);
  ids.erase(tail.begin(), tail.end());
  return ids;
}

bool contains(const std::vector<std::string>& sorted, std::string_view id) {
  return std::ranges::binary_search(sorted, id, std::less<>{});
}

}  // namespace

base::Result<std::vector<std::string>> resolve_group(const std::vector<std::string>& partners,
                                                     std::string_view me,
                                                     const std::vector<std::string>& requested) {
  const std::vector<std::string> members = sorted_unique(partners);
  if (!contains(members, me)) {
    return base::fail(base::ErrorCode::invalid_group, "you are not a partner in this relationship");
  }
  if (requested.empty()) return members;

  std::vector<std::string> group = sorted_unique(requested);
  if (!contains(group, me)) {
    return base::fail(base::ErrorCode::invalid_group, "the group must include you");
  }
  if (!std::ranges::all_of(group, [&](const std::string& id) { return contains(members, id); })) {
    return base::fail(base::ErrorCode::invalid_group,
                      "every member of the group must be a current partner");
  }
  if (group.size() < kMinGroupSize || group.size() > kMaxGroupSize) {
    return base::fail(base::ErrorCode::invalid_group, "a group has 2 to 8 partners");
  }
  return group;
}

}  // namespace attune::core
