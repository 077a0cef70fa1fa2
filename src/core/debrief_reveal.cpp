#include "core/debrief_reveal.h"

#include <algorithm>
#include <tuple>

namespace attune::core {
namespace {

std::vector<std::string> sorted(std::vector<std::string> ids) {
  std::ranges::sort(ids);
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::ranges::find(ids, id) != ids.end();
}

}  // namespace

std::string_view debrief_status_name(DebriefStatus status) {
  return status == DebriefStatus::kRevealed ? "revealed" : "waiting";
}

DebriefOpening debrief_opening(std::optional<base::TimePoint> ended_at, base::TimePoint now) {
  if (!ended_at) return DebriefOpening::kNotEnded;
  return now < *ended_at + kDebriefWindow ? DebriefOpening::kOpen : DebriefOpening::kClosed;
}

std::size_t earlier_ended_practices(const std::vector<PracticeMark>& practices,
                                    const PracticeMark& self) {
  if (!self.ended_at) return 0;
  const auto group = sorted(self.participants);
  std::size_t count = 0;
  for (const auto& other : practices) {
    if (!other.ended_at || sorted(other.participants) != group) continue;
    // Ended first, then (same instant) created first, then by id: a total order.
    if (std::tie(*other.ended_at, other.created_at, other.id) <
        std::tie(*self.ended_at, self.created_at, self.id)) {
      ++count;
    }
  }
  return count;
}

std::vector<std::string> speaking_order(std::vector<std::string> participants, std::size_t turn) {
  auto order = sorted(std::move(participants));
  if (!order.empty()) {
    std::ranges::rotate(order, order.begin() + static_cast<std::ptrdiff_t>(turn % order.size()));
  }
  return order;
}

DebriefReveal reveal_debriefs(const std::vector<std::string>& order,
                              const std::vector<std::string>& expected,
                              const std::vector<DebriefAnswer>& answers) {
  auto answer_of = [&](const std::string& who) -> const DebriefAnswer* {
    auto it = std::ranges::find(answers, who, &DebriefAnswer::author);
    return it == answers.end() ? nullptr : &*it;
  };
  for (const auto& who : expected) {
    if (!answer_of(who)) return {};
  }
  DebriefReveal reveal{DebriefStatus::kRevealed, {}};
  for (const auto& who : order) {
    if (!contains(expected, who)) continue;
    reveal.debriefs.push_back({static_cast<int>(reveal.debriefs.size()) + 1, *answer_of(who)});
  }
  return reveal;
}

}  // namespace attune::core
