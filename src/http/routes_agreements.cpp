// Session agreements: draft, new versions, sign, withdraw, read (counts, never names).
#include "app/consent/agreement_terms_json.h"
#include "base/rfc3339.h"
#include "http/routes.h"

namespace attune::http {
namespace {

constexpr std::size_t kMaxIds = 200;

core::AgreementTerms terms_from(ApiCall& call) {
  core::AgreementTerms terms;
  terms.exercise_id = call.text("exercise_id", 128);
  terms.participants = call.text_list("participants", 8, false);
  terms.items = call.text_list("items", kMaxIds, true);
  auto minutes = call.integer("time_limit_minutes");
  if (minutes < 0 || minutes > 100000)
    reject(base::ErrorCode::invalid_field, "time_limit_minutes must be 5 to 180.");
  terms.time_limit_minutes = static_cast<int>(minutes);
  terms.role_order = call.text_list("role_order", 8, false);
  terms.pause_word = call.text("pause_word", 1024);
  terms.aftercare = call.optional_text("aftercare", 16 * 1024).value_or("");
  return terms;
}

nlohmann::json agreement_json(const app::AgreementView& view) {
  auto json = app::terms_json(view.terms);
  json["id"] = view.id;
  json["relationship_id"] = view.relationship_id;
  json["version"] = view.version;
  json["status"] = core::agreement_status_name(view.status);
  json["signature_count"] = view.signatures.signature_count;
  json["participant_count"] = view.signatures.participant_count;
  json["you_signed"] = view.signatures.you_signed;
  return json;
}

}  // namespace

void add_agreement_routes(Router& router, app::Agreements& agreements) {
  router.add("POST", "/api/v1/relationships/{}/agreements", [&](ApiCall& call) {
    auto terms = terms_from(call);
    auto view = unwrap(agreements.create(call.me(), call.param(0), std::move(terms)));
    return ok_json({{"id", view.id}, {"version", view.version}, {"status", "draft"}}, 201);
  });

  router.add("GET", "/api/v1/relationships/{}/agreements", [&](ApiCall& call) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& view : unwrap(agreements.list(call.me(), call.param(0)))) {
      list.push_back(agreement_json(view));
    }
    return ok_json({{"agreements", list}});
  });

  router.add("PUT", "/api/v1/agreements/{}", [&](ApiCall& call) {
    auto terms = terms_from(call);
    auto view = unwrap(agreements.update(call.me(), call.param(0), std::move(terms)));
    return ok_json({{"id", view.id}, {"version", view.version}});
  });

  router.add("POST", "/api/v1/agreements/{}/sign", [&](ApiCall& call) {
    auto view = unwrap(agreements.sign(call.me(), call.param(0), call.integer("version")));
    return ok_json({{"status", core::agreement_status_name(view.status)}});
  });

  router.add("POST", "/api/v1/agreements/{}/withdraw", Auth::kRequired, Limit::kNone,
             [&](ApiCall& call) {
               auto view = unwrap(agreements.withdraw(call.me(), call.param(0)));
               return ok_json({{"status", core::agreement_status_name(view.status)}});
             });

  router.add("GET", "/api/v1/agreements/{}", [&](ApiCall& call) {
    return ok_json(agreement_json(unwrap(agreements.get(call.me(), call.param(0)))));
  });

  router.add("GET", "/api/v1/agreements/{}/versions", [&](ApiCall& call) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& version : unwrap(agreements.versions(call.me(), call.param(0)))) {
      auto json = app::terms_json(version.terms);
      json["version"] = version.version;
      json["created_at"] = base::to_rfc3339_ms(version.created_at);
      list.push_back(json);
    }
    return ok_json({{"versions", list}});
  });
}

}  // namespace attune::http
