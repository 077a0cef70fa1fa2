// Learning together: short readings with their sources named, conversation cards (taken in
// turns by the client; a skip is never sent, so nothing records it) and a shared intention
// for the coming weeks, with its history — never scored, never counted.
#include "base/rfc3339.h"
#include "http/routes.h"

namespace attune::http {
namespace {

nlohmann::json reading_summary_json(const content::Reading& reading) {
  return {{"id", reading.id},
          {"title", reading.title},
          {"minutes", reading.minutes},
          {"summary", reading.summary},
          {"sources", reading.sources}};
}

nlohmann::json intention_json(const app::IntentionView& view) {
  nlohmann::json history = nlohmann::json::array();
  for (const auto& version : view.versions) {
    history.push_back({{"text", version.text}, {"set_at", base::to_rfc3339_ms(version.set_at)}});
  }
  nlohmann::json current = history.empty() ? nlohmann::json(nullptr) : history.front();
  return {{"current", current}, {"history", history}};
}

}  // namespace

void add_learning_routes(Router& router, const content::CareContent& content,
                         app::Intentions& intentions) {
  router.add("GET", "/api/v1/readings", [&](ApiCall&) {
    nlohmann::json readings = nlohmann::json::array();
    for (const auto& reading : content.readings) readings.push_back(reading_summary_json(reading));
    return ok_json({{"readings", readings}});
  });

  router.add("GET", "/api/v1/readings/{}", [&](ApiCall& call) {
    const auto* reading = content.find_reading(call.param(0));
    if (!reading) reject(base::ErrorCode::not_found, "There is no such reading.");
    auto json = reading_summary_json(*reading);
    json["body"] = reading->body;
    return ok_json(json);
  });

  router.add("GET", "/api/v1/conversation-cards", [&](ApiCall&) {
    nlohmann::json cards = nlohmann::json::array();
    for (const auto& card : content.conversation_cards) {
      cards.push_back({{"id", card.id}, {"theme", card.theme}, {"text", card.text}});
    }
    return ok_json({{"cards", cards}});
  });

  router.add("GET", "/api/v1/relationships/{}/intention", [&](ApiCall& call) {
    return ok_json(intention_json(unwrap(intentions.get(call.me(), call.param(0)))));
  });

  router.add("PUT", "/api/v1/relationships/{}/intention", [&](ApiCall& call) {
    auto view = unwrap(intentions.set(call.me(), call.param(0), call.text("text", 4096)));
    return ok_json(intention_json(view));
  });
}

}  // namespace attune::http
