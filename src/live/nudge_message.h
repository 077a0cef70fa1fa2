// The nudge as it travels: on the bus "nudge:<topic> <id>,<id>,…" (ids and a topic only,
// never content), and to a client {"type":"nudge","topic":…} with the relationship's id
// when the topic names one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attune::live {

// The bus messages for one nudge, a few ids each so every message stays far below a
// NOTIFY's size limit. Empty when the topic is not one of the fixed set.
std::vector<std::string> nudge_bus_messages(const std::vector<std::string>& person_ids,
                                            std::string_view topic);

struct BusNudge {
  std::string topic;
  std::vector<std::string> person_ids;
};
std::optional<BusNudge> parse_bus_nudge(std::string_view message);

// What a client receives for a topic ("<kind>" or "<kind>:<relationship id>"); nothing for
// a topic outside the fixed set.
std::optional<std::string> client_nudge(std::string_view topic);

// Every open screen should fetch again: nudges may have been missed.
inline constexpr std::string_view kNudgeEverything = R"({"type":"nudge","topic":"all"})";

}  // namespace attune::live
