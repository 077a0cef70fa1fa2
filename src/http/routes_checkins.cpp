// Check-ins: before and after a practice and any day, with shift notices for the caller's
// own series only.
#include <algorithm>

#include "base/rfc3339.h"
#include "http/routes.h"

namespace attune::http {
namespace {

app::NewCheckin checkin_from(ApiCall& call) {
  app::NewCheckin checkin;
  checkin.relationship_id = call.text("relationship_id", 128);
  if (!is_id_shaped(checkin.relationship_id)) {
    reject(base::ErrorCode::invalid_field, "relationship_id must be an id.");
  }
  auto kind = core::parse_checkin_kind(call.text("kind", 16));
  if (!kind) reject(base::ErrorCode::invalid_field, "kind must be pre, post or daily.");
  checkin.kind = *kind;
  checkin.practice_id = call.optional_text("practice_id", 128);
  if (checkin.practice_id && !is_id_shaped(*checkin.practice_id)) {
    reject(base::ErrorCode::invalid_field, "practice_id must be an id.");
  }
  for (auto score : core::kScores) {
    const std::string name(core::score_name(score));
    // Out of range stays out of range as an int; the use case refuses it.
    const auto value = std::clamp<std::int64_t>(call.integer(name.c_str()), -1, 11);
    checkin.scores.values[static_cast<std::size_t>(score)] = static_cast<int>(value);
  }
  checkin.note = call.optional_text("note", 64 * 1024).value_or("");
  checkin.visibility = visibility_from(call, core::Visibility::kPrivate);
  return checkin;
}

nlohmann::json checkin_json(const app::CheckinView& checkin) {
  nlohmann::json json{{"id", checkin.id},
                      {"kind", core::checkin_kind_name(checkin.kind)},
                      {"note", checkin.note},
                      {"mine", checkin.mine},
                      {"author_name", checkin.author_name},
                      {"created_at", base::to_rfc3339_ms(checkin.created_at)}};
  for (auto score : core::kScores)
    json[std::string(core::score_name(score))] = checkin.scores.of(score);
  json["practice_id"] =
      checkin.practice_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(checkin.practice_id);
  if (checkin.mine) json["visibility"] = core::visibility_name(checkin.visibility);
  return json;
}

nlohmann::json shift_json(const app::ShiftNotice& shift) {
  nlohmann::json offers = nlohmann::json::array();
  for (const auto& offer : shift.offers)
    offers.push_back({{"kind", offer.kind}, {"text", offer.text}});
  return {{"score", core::score_name(shift.score)},
          {"direction", shift.direction},
          {"since", base::to_rfc3339_ms(shift.since)},
          {"message", shift.message},
          {"offers", offers}};
}

}  // namespace

void add_checkin_routes(Router& router, app::Checkins& checkins) {
  router.add("POST", "/api/v1/checkins", [&](ApiCall& call) {
    auto id = unwrap(checkins.create(call.me(), checkin_from(call)));
    return ok_json({{"id", id}}, 201);
  });

  router.add("GET", "/api/v1/relationships/{}/checkins", [&](ApiCall& call) {
    auto list = unwrap(checkins.list(call.me(), call.param(0)));
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& checkin : list.checkins) entries.push_back(checkin_json(checkin));
    nlohmann::json shifts = nlohmann::json::array();
    for (const auto& shift : list.shifts) shifts.push_back(shift_json(shift));
    return ok_json({{"checkins", entries}, {"shifts", shifts}});
  });

  router.add("PUT", "/api/v1/checkins/{}", [&](ApiCall& call) {
    if (!call.body().contains("visibility")) {
      reject(base::ErrorCode::missing_field, "visibility is required.");
    }
    unwrap(checkins.set_visibility(call.me(), call.param(0),
                                   visibility_from(call, core::Visibility::kPrivate)));
    return ok_json({{"id", call.param(0)}});
  });
}

}  // namespace attune::http
