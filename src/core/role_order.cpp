#include "core/role_order.h"

#include <algorithm>

namespace attune::core {
namespace {

bool names_exactly(std::vector<std::string> order, std::vector<std::string> participants) {
  std::ranges::sort(order);
  std::ranges::sort(participants);
  return order == participants;
}

}  // namespace

std::vector<std::string> next_role_order(const std::vector<std::string>& participants,
                                         std::string_view caller,
                                         const std::optional<std::vector<std::string>>& last) {
  if (last && !last->empty() && names_exactly(*last, participants)) {
    std::vector<std::string> order = *last;
    std::ranges::rotate(order, order.begin() + 1);
    return order;
  }
  std::vector<std::string> order = participants;
  const auto at = std::ranges::find(order, caller);
  if (at != order.end()) std::rotate(order.begin(), at, at + 1);
  return order;
}

}  // namespace attune::core
