// Reframing worksheets: old script → what I notice now → a new narrative, with optional
// prompts; private by default, shared through the one sharing mechanism, and an edit history
// for the author alone.
#include "base/rfc3339.h"
#include "http/routes.h"

namespace attune::http {
namespace {

constexpr std::size_t kMaxStepBytes = 16 * 1024;

nlohmann::json text_json(const app::WorksheetText& text) {
  return {{"old_script", text.old_script},
          {"notice_now", text.notice_now},
          {"new_narrative", text.new_narrative}};
}

nlohmann::json worksheet_json(const app::WorksheetView& worksheet) {
  auto json = text_json(worksheet.text);
  json["id"] = worksheet.id;
  json["mine"] = worksheet.mine;
  json["author_name"] = worksheet.author_name;
  json["created_at"] = base::to_rfc3339_ms(worksheet.created_at);
  json["updated_at"] = base::to_rfc3339_ms(worksheet.updated_at);
  if (worksheet.mine) json["visibility"] = core::visibility_name(worksheet.visibility);
  return json;
}

app::WorksheetText text_from(ApiCall& call) {
  return {call.optional_text("old_script", kMaxStepBytes).value_or(""),
          call.optional_text("notice_now", kMaxStepBytes).value_or(""),
          call.optional_text("new_narrative", kMaxStepBytes).value_or("")};
}

}  // namespace

void add_worksheet_routes(Router& router, app::Worksheets& worksheets) {
  router.add("GET", "/api/v1/worksheet-prompts", [&](ApiCall&) {
    nlohmann::json prompts = nlohmann::json::array();
    for (const auto& prompt : worksheets.prompts()) {
      prompts.push_back({{"id", prompt.id}, {"step", prompt.step}, {"text", prompt.text}});
    }
    return ok_json({{"prompts", prompts}});
  });

  router.add("POST", "/api/v1/relationships/{}/worksheets", [&](ApiCall& call) {
    auto id = unwrap(worksheets.create(call.me(), call.param(0), text_from(call),
                                       visibility_from(call, core::Visibility::kPrivate)));
    return ok_json({{"id", id}}, 201);
  });

  router.add("GET", "/api/v1/relationships/{}/worksheets", [&](ApiCall& call) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& worksheet : unwrap(worksheets.list(call.me(), call.param(0)))) {
      list.push_back(worksheet_json(worksheet));
    }
    return ok_json({{"worksheets", list}});
  });

  router.add("PUT", "/api/v1/worksheets/{}", [&](ApiCall& call) {
    app::WorksheetChange change;
    change.old_script = call.optional_text("old_script", kMaxStepBytes);
    change.notice_now = call.optional_text("notice_now", kMaxStepBytes);
    change.new_narrative = call.optional_text("new_narrative", kMaxStepBytes);
    if (call.body().contains("visibility")) {
      change.visibility = visibility_from(call, core::Visibility::kPrivate);
    }
    unwrap(worksheets.update(call.me(), call.param(0), change));
    return ok_json({{"id", call.param(0)}});
  });

  router.add("GET", "/api/v1/worksheets/{}/history", [&](ApiCall& call) {
    nlohmann::json versions = nlohmann::json::array();
    for (const auto& version : unwrap(worksheets.history(call.me(), call.param(0)))) {
      auto json = text_json(version.text);
      json["replaced_at"] = base::to_rfc3339_ms(version.replaced_at);
      versions.push_back(std::move(json));
    }
    return ok_json({{"versions", versions}});
  });

  router.add("DELETE", "/api/v1/worksheets/{}", [&](ApiCall& call) {
    unwrap(worksheets.remove(call.me(), call.param(0)));
    return Response::no_content();
  });
}

}  // namespace attune::http
