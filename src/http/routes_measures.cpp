// Measures: the instruments (with placeholders where the wording is not installed), a
// private answer and its sharing, rhythms and what is due, and the FHIR R4 shapes.
#include "http/routes_measures.h"

#include <algorithm>

#include "base/rfc3339.h"
#include "http/routes.h"

namespace attune::http {
namespace {

constexpr std::size_t kMaxAnswers = 60;

nlohmann::json measure_json(const app::MeasureView& view) {
  const auto& measure = *view.measure;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : view.items) {
    items.push_back({{"id", item.id},
                     {"points", item.points},
                     {"text", item.text},
                     {"low_label", item.low_label},
                     {"high_label", item.high_label},
                     {"placeholder", item.placeholder}});
  }
  nlohmann::json cutoffs = nlohmann::json::array();
  for (const auto& cutoff : measure.cutoffs) {
    cutoffs.push_back({{"below", cutoff.below}, {"meaning", cutoff.meaning}});
  }
  return {{"id", measure.id},
          {"name", measure.name},
          {"short_name", measure.short_name},
          {"validated", measure.validated},
          {"citation", measure.citation},
          {"scoring_note", measure.scoring_note},
          {"min_total", measure.min_total},
          {"max_total", measure.max_total},
          {"cutoffs", cutoffs},
          {"suggested_every_days", measure.suggested_every_days},
          {"texts_installed", view.texts_installed},
          {"items", items}};
}

core::MeasureAnswers answers_from(ApiCall& call) {
  const auto& body = call.body();
  if (!body.contains("answers")) reject(base::ErrorCode::missing_field, "answers is required.");
  const auto& answers = body["answers"];
  if (!answers.is_object() || answers.size() > kMaxAnswers) {
    reject(base::ErrorCode::invalid_field, "answers must be an object of at most 60 items.");
  }
  core::MeasureAnswers parsed;
  for (const auto& [item, value] : answers.items()) {
    if (!is_id_shaped(item) || item.size() > 64 || !value.is_number_integer()) {
      reject(base::ErrorCode::invalid_field, "Each answer is an item id and a whole number.");
    }
    // Out of range stays out of range as an int; scoring refuses it.
    parsed[item] = static_cast<int>(std::clamp<std::int64_t>(value.get<std::int64_t>(), -1, 100));
  }
  return parsed;
}

nlohmann::json result_json(const app::MeasureResultView& result) {
  nlohmann::json json{{"id", result.id},
                      {"measure_id", result.measure->id},
                      {"short_name", result.measure->short_name},
                      {"total", result.total},
                      {"min_total", result.measure->min_total},
                      {"max_total", result.measure->max_total},
                      {"band", result.band ? nlohmann::json(*result.band) : nlohmann::json()},
                      {"mine", result.mine},
                      {"author_name", result.author_name},
                      {"created_at", base::to_rfc3339_ms(result.created_at)}};
  if (result.mine) json["visibility"] = core::visibility_name(result.visibility);
  return json;
}

Response fhir_json(const nlohmann::json& resource) {
  auto response = ok_json(resource);
  response.content_type = "application/fhir+json";
  return response;
}

}  // namespace

void add_measure_routes(Router& router, app::Measures& measures) {
  router.add("GET", "/api/v1/measures", Auth::kRequired, Limit::kNone, [&](ApiCall&) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& view : measures.list()) list.push_back(measure_json(view));
    return ok_json({{"measures", list}});
  });

  router.add("GET", "/api/v1/measures/{}", Auth::kRequired, Limit::kNone, [&](ApiCall& call) {
    return ok_json(measure_json(unwrap(measures.get(call.param(0)))));
  });

  router.add("GET", "/api/v1/measures/{}/fhir", Auth::kRequired, Limit::kNone, [&](ApiCall& call) {
    return fhir_json(unwrap(measures.questionnaire_fhir(call.param(0))));
  });

  router.add("POST", "/api/v1/relationships/{}/measures/{}", [&](ApiCall& call) {
    const auto answers = answers_from(call);
    const auto visibility = visibility_from(call, core::Visibility::kPrivate);
    auto outcome =
        unwrap(measures.answer(call.me(), call.param(0), call.param(1), answers, visibility));
    return ok_json(
        {{"id", outcome.id},
         {"score", outcome.score.total},
         {"band", outcome.score.band ? nlohmann::json(*outcome.score.band) : nlohmann::json()}},
        201);
  });

  router.add("GET", "/api/v1/relationships/{}/measures/results", [&](ApiCall& call) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& result : unwrap(measures.results(call.me(), call.param(0)))) {
      list.push_back(result_json(result));
    }
    return ok_json({{"results", list}});
  });

  router.add("PUT", "/api/v1/measure-results/{}", [&](ApiCall& call) {
    if (!call.body().contains("visibility")) {
      reject(base::ErrorCode::missing_field, "visibility is required.");
    }
    unwrap(measures.set_visibility(call.me(), call.param(0),
                                   visibility_from(call, core::Visibility::kPrivate)));
    return ok_json({{"id", call.param(0)}});
  });

  router.add("GET", "/api/v1/relationships/{}/measures/schedule", [&](ApiCall& call) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& view : unwrap(measures.schedules(call.me(), call.param(0)))) {
      list.push_back(
          {{"measure_id", view.measure_id},
           {"every_days", view.every_days},
           {"last_answered_at", view.last_answered_at
                                    ? nlohmann::json(base::to_rfc3339_ms(*view.last_answered_at))
                                    : nlohmann::json()},
           {"due", view.due}});
    }
    return ok_json({{"schedules", list}});
  });

  router.add("PUT", "/api/v1/relationships/{}/measures/{}/schedule", [&](ApiCall& call) {
    const auto every = std::clamp<std::int64_t>(call.integer("every_days"), -1, 10000);
    unwrap(measures.set_schedule(call.me(), call.param(0), call.param(1), static_cast<int>(every)));
    return ok_json({{"measure_id", call.param(1)}, {"every_days", every}});
  });

  router.add("GET", "/api/v1/relationships/{}/measures/fhir", [&](ApiCall& call) {
    return fhir_json(unwrap(measures.shared_results_fhir(call.me(), call.param(0))));
  });
}

}  // namespace attune::http
