// The language coach: POST /api/v1/coach/review. The text is read, reviewed and forgotten:
// never stored (not even as an Idempotency-Key's kept answer) and never logged.
#include <limits>

#include "http/routes.h"

namespace attune::http {
namespace {

nlohmann::json answer_json(const app::CoachAnswer& answer) {
  nlohmann::json flags = nlohmann::json::array();
  for (const auto& flag : answer.review.flags) {
    flags.push_back({{"kind", core::coach_kind_name(flag.kind)},
                     {"start", flag.start},
                     {"end", flag.end},
                     {"message", flag.message}});
  }
  nlohmann::json body = {{"flags", std::move(flags)}, {"suggestion", nullptr}};
  if (answer.review.suggestion) body["suggestion"] = *answer.review.suggestion;
  if (answer.resources) body["resources"] = resources_json(*answer.resources);
  return body;
}

}  // namespace

void add_coach_routes(Router& router, const app::Coach& coach) {
  // Limit::kNone, like every read: a review changes nothing and its cost is bounded (16 KiB,
  // one linear pass, well under a millisecond — docs/benchmarks.md). Counting it as a write
  // would let a long, debounced typing session use up the write budget of the very debrief
  // the person is writing.
  Route& review =
      router.add("POST", "/api/v1/coach/review", Auth::kRequired, Limit::kNone, [&](ApiCall& call) {
        // Read whole, so an over-long text is 413 body_too_large rather than a 400.
        const std::string text = call.text("text", std::numeric_limits<std::size_t>::max());
        return ok_json(answer_json(unwrap(coach.review(text))));
      });
  review.replayable = false;
}

}  // namespace attune::http
