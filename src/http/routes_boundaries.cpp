// Boundary maps: my answers and history, custom items, and the mutual-only shared view.
#include "base/rfc3339.h"
#include "core/answer.h"
#include "core/reveal.h"
#include "http/id_list_param.h"
#include "http/routes.h"

namespace attune::http {

void add_boundary_routes(Router& router, const app::Context& context, app::Boundaries& boundaries) {
  router.add("GET", "/api/v1/relationships/{}/catalogue", [&](ApiCall& call) {
    nlohmann::json categories = nlohmann::json::array();
    for (const auto& c : context.content.catalogue.categories) {
      categories.push_back({{"id", c.id}, {"label", c.label}});
    }
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : unwrap(boundaries.catalogue(call.me(), call.param(0)))) {
      items.push_back({{"id", item.id},
                       {"category", item.category},
                       {"label", item.label},
                       {"description", item.description},
                       {"custom", item.custom},
                       {"mine", item.mine},
                       {"proposed", item.proposed}});
    }
    return ok_json({{"categories", categories}, {"items", items}});
  });

  router.add("PUT", "/api/v1/relationships/{}/boundaries/mine/{}", [&](ApiCall& call) {
    auto answer = core::parse_answer(call.text("answer", 16));
    if (!answer) reject(base::ErrorCode::invalid_answer, "answer must be yes, maybe, no or unset.");
    auto note = call.optional_text("note", 8 * 1024).value_or("");
    unwrap(boundaries.answer(call.me(), call.param(0), call.param(1), *answer, note));
    nlohmann::json body{{"item_id", call.param(1)}, {"answer", core::answer_name(*answer)}};
    if (!note.empty()) body["note"] = note;
    return ok_json(body);
  });

  router.add("GET", "/api/v1/relationships/{}/boundaries/mine", [&](ApiCall& call) {
    nlohmann::json answers = nlohmann::json::array();
    for (const auto& a : unwrap(boundaries.mine(call.me(), call.param(0)))) {
      nlohmann::json entry{{"item_id", a.item_id}, {"answer", core::answer_name(a.answer)}};
      if (!a.note.empty()) entry["note"] = a.note;
      answers.push_back(entry);
    }
    return ok_json({{"answers", answers}});
  });

  router.add("GET", "/api/v1/relationships/{}/boundaries/mine/history", [&](ApiCall& call) {
    nlohmann::json changes = nlohmann::json::array();
    for (const auto& c : unwrap(boundaries.history(call.me(), call.param(0)))) {
      nlohmann::json entry{{"item_id", c.item_id},
                           {"answer", core::answer_name(c.answer)},
                           {"at", base::to_rfc3339_ms(c.at)}};
      if (!c.note.empty()) entry["note"] = c.note;
      changes.push_back(entry);
    }
    return ok_json({{"changes", changes}});
  });

  router.add("GET", "/api/v1/relationships/{}/boundaries/shared", [&](ApiCall& call) {
    auto with = id_list_param(call.request, "with");
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : unwrap(boundaries.shared(call.me(), call.param(0), with))) {
      items.push_back({{"item_id", item.item_id}, {"level", core::shared_level_name(item.level)}});
    }
    return ok_json({{"items", items}});
  });

  router.add("POST", "/api/v1/relationships/{}/boundary-items", [&](ApiCall& call) {
    auto id = unwrap(boundaries.add_custom_item(call.me(), call.param(0), call.text("category", 64),
                                                call.text("label", 1024)));
    return ok_json({{"id", id}}, 201);
  });

  router.add("POST", "/api/v1/boundary-items/{}/propose", [&](ApiCall& call) {
    unwrap(boundaries.propose(call.me(), call.param(0)));
    return ok_json({{"id", call.param(0)}, {"proposed", true}});
  });
}

}  // namespace attune::http
