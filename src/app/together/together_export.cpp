#include "app/together/together_export.h"

#include "base/rfc3339.h"

namespace attune::app {
namespace {

using nlohmann::json;

json notes_json(const std::vector<AppreciationRecord>& notes, bool sent) {
  json result = json::array();
  for (const auto& note : notes) {
    json one{{"id", note.id},
             {"text", note.text},
             {"to_everyone", note.to_everyone},
             {"created_at", base::to_rfc3339_ms(note.created_at)}};
    if (sent) {
      one["to"] = note.recipients;
    } else {
      one["from"] = note.author_id;
    }
    result.push_back(std::move(one));
  }
  return result;
}

json plans_json(const std::vector<PlanRecord>& plans) {
  json result = json::array();
  for (const auto& plan : plans) {
    result.push_back(
        {{"id", plan.id},
         {"kind", core::plan_kind_name(plan.kind)},
         {"title", plan.title},
         {"note", plan.note},
         {"starts_at", plan.starts_at ? json(base::to_rfc3339_ms(*plan.starts_at)) : json(nullptr)},
         {"created_at", base::to_rfc3339_ms(plan.created_at)}});
  }
  return result;
}

}  // namespace

ExportedTogether together_export(const Context& context, store::Transaction& tx,
                                 const policy::MembershipAccess& own) {
  return {sent_appreciations(context, tx, own), received_appreciations(context, tx, own),
          own_plans(context, tx, own), own_plan_answers(context, tx, own)};
}

json together_json(const ExportedTogether& together) {
  json answers = json::array();
  for (const auto& answer : together.my_answers) {
    answers.push_back({{"plan_id", answer.plan_id},
                       {"response", core::plan_response_name(answer.response)},
                       {"answered_at", base::to_rfc3339_ms(answer.answered_at)}});
  }
  return {{"appreciations",
           {{"sent", notes_json(together.sent, true)},
            {"received", notes_json(together.received, false)}}},
          {"plans", {{"proposed", plans_json(together.proposed)}, {"my_answers", answers}}}};
}

}  // namespace attune::app
