#include "live/nudge_message.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

#include "app/nudge_topics.h"
#include "live/event_bus.h"

namespace attune::live {
namespace {

namespace topic = app::nudge_topic;

constexpr std::array kKinds{topic::kRelationships, topic::kAgreements, topic::kIntake,
                            topic::kCheckins,      topic::kCarePlan,   topic::kWorksheets,
                            topic::kAppreciation,  topic::kPlans};
constexpr std::size_t kIdsPerMessage = 32;
constexpr std::size_t kMaxIdLength = 64;

// An id or a relationship id: short, and free of the bus's separators.
bool plain(std::string_view text) {
  return !text.empty() && text.size() <= kMaxIdLength && std::ranges::all_of(text, [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
           c == '_';
  });
}

struct Topic {
  std::string_view kind;
  std::string_view relationship_id;  // empty when the topic names none
};

std::optional<Topic> split(std::string_view text) {
  Topic parsed{text, {}};
  if (auto colon = text.find(':'); colon != std::string_view::npos) {
    parsed = {text.substr(0, colon), text.substr(colon + 1)};
    if (!plain(parsed.relationship_id)) return std::nullopt;
  }
  if (std::ranges::find(kKinds, parsed.kind) == kKinds.end()) return std::nullopt;
  return parsed;
}

}  // namespace

std::vector<std::string> nudge_bus_messages(const std::vector<std::string>& person_ids,
                                            std::string_view topic) {
  std::vector<std::string> messages;
  if (!split(topic)) return messages;
  std::vector<std::string> ids;
  for (const auto& id : person_ids) {
    if (plain(id) && std::ranges::find(ids, id) == ids.end()) ids.push_back(id);
  }
  for (std::size_t start = 0; start < ids.size(); start += kIdsPerMessage) {
    std::string message = std::string(kNudgePrefix) + std::string(topic) + " ";
    const std::size_t end = std::min(ids.size(), start + kIdsPerMessage);
    for (std::size_t i = start; i < end; ++i) {
      if (i > start) message += ",";
      message += ids[i];
    }
    messages.push_back(std::move(message));
  }
  return messages;
}

std::optional<BusNudge> parse_bus_nudge(std::string_view message) {
  if (!message.starts_with(kNudgePrefix)) return std::nullopt;
  message.remove_prefix(kNudgePrefix.size());
  const auto space = message.find(' ');
  if (space == std::string_view::npos || !split(message.substr(0, space))) return std::nullopt;
  BusNudge nudge{std::string(message.substr(0, space)), {}};
  std::string_view ids = message.substr(space + 1);
  while (!ids.empty()) {
    const auto comma = ids.find(',');
    const auto id = ids.substr(0, comma);
    if (!plain(id)) return std::nullopt;
    nudge.person_ids.emplace_back(id);
    ids = comma == std::string_view::npos ? std::string_view{} : ids.substr(comma + 1);
  }
  if (nudge.person_ids.empty()) return std::nullopt;
  return nudge;
}

std::optional<std::string> client_nudge(std::string_view text) {
  auto parsed = split(text);
  if (!parsed) return std::nullopt;
  nlohmann::json message{{"type", "nudge"}, {"topic", parsed->kind}};
  if (!parsed->relationship_id.empty()) message["relationship_id"] = parsed->relationship_id;
  return message.dump();
}

}  // namespace attune::live
