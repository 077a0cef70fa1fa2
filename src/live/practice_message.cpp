#include "live/practice_message.h"

#include <nlohmann/json.hpp>

#include "core/strict_json.h"
#include "live/in_person_proofs.h"

namespace attune::live {
namespace {

constexpr std::size_t kMaxOnBehalfOf = 8;

}  // namespace

std::optional<std::string> pong_for(std::string_view text) {
  auto json = nlohmann::json::parse(text, nullptr, false);
  // json.value("type", "") would throw for a "type" that is not text ({"type":7}).
  if (!json.is_object() || !json.contains("type") || json["type"] != "ping") return std::nullopt;
  return nlohmann::json{{"type", "pong"}, {"t", json.value("t", nlohmann::json(nullptr))}}.dump();
}

base::Result<PracticeMessage> parse_practice_message(std::string_view text) {
  const auto json = core::parse_strict_json(text);
  std::optional<core::PracticeCommand> command;
  if (json && json->is_object() && json->contains("type") && (*json)["type"].is_string()) {
    command = core::parse_practice_command((*json)["type"].get<std::string>());
  }
  if (!command) return base::fail(base::ErrorCode::invalid_json, "Unknown message.");
  PracticeMessage message;
  message.command = *command;
  if (auto list = json->find("on_behalf_of");
      list != json->end() && list->is_array() && list->size() <= kMaxOnBehalfOf) {
    for (const auto& who : *list) {
      if (who.is_string()) message.on_behalf_of.push_back(who.get<std::string>());
    }
  }
  const bool confirms =
      *command == core::PracticeCommand::kReady || *command == core::PracticeCommand::kResume;
  if (confirms) {
    auto proofs = proofs_from(*json);
    if (!proofs) {
      return base::fail(base::ErrorCode::invalid_field,
                        "proofs must be a list of {account_id, pin} or {account_id, password}.");
    }
    message.proofs = std::move(*proofs);
  }
  return message;
}

}  // namespace attune::live
