// Progress: my own series and what others shared with me, and my milestones.
#include "base/rfc3339.h"
#include "http/api_call.h"
#include "http/routes_measures.h"

namespace attune::http {
namespace {

nlohmann::json checkins_json(const std::vector<app::ProgressCheckin>& checkins) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& checkin : checkins) {
    nlohmann::json json{{"mine", checkin.mine},
                        {"author_name", checkin.author_name},
                        {"kind", core::checkin_kind_name(checkin.kind)},
                        {"at", base::to_rfc3339_ms(checkin.at)}};
    for (auto score : core::kScores) {
      json[std::string(core::score_name(score))] = checkin.scores.of(score);
    }
    list.push_back(json);
  }
  return list;
}

nlohmann::json scores_json(const std::vector<app::ProgressScore>& scores) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& score : scores) {
    list.push_back({{"measure_id", score.measure->id},
                    {"short_name", score.measure->short_name},
                    {"total", score.total},
                    {"min_total", score.measure->min_total},
                    {"max_total", score.measure->max_total},
                    {"mine", score.mine},
                    {"author_name", score.author_name},
                    {"at", base::to_rfc3339_ms(score.at)}});
  }
  return list;
}

}  // namespace

void add_progress_routes(Router& router, app::Progress& progress) {
  router.add("GET", "/api/v1/relationships/{}/progress", [&](ApiCall& call) {
    const auto view = unwrap(progress.get(call.me(), call.param(0)));
    nlohmann::json practices = nlohmann::json::array();
    for (const auto& practice : view.practices) {
      practices.push_back(
          {{"stage", practice.stage}, {"ended_at", base::to_rfc3339_ms(practice.ended_at)}});
    }
    nlohmann::json milestones = nlohmann::json::array();
    for (const auto& milestone : view.milestones) {
      milestones.push_back({{"id", milestone.id},
                            {"text", milestone.text},
                            {"at", base::to_rfc3339_ms(milestone.at)}});
    }
    return ok_json({{"checkins", checkins_json(view.checkins)},
                    {"scores", scores_json(view.scores)},
                    {"practices", practices},
                    {"milestones", milestones}});
  });
}

}  // namespace attune::http
