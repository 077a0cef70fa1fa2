#include "app/coach/coach.h"

#include "app/safety/crisis_resources.h"
#include "core/text.h"

namespace attune::app {

base::Result<CoachAnswer> Coach::review(std::string_view text) const {
  if (text.size() > kMaxCoachTextBytes) {
    return base::fail(base::ErrorCode::body_too_large,
                      "The coach reads at most 16 KiB of text at a time.");
  }
  if (!core::is_valid_utf8(text)) {
    return base::fail(base::ErrorCode::invalid_utf8, "text is not valid UTF-8");
  }
  CoachAnswer answer;
  answer.review = core::review_language(text, context_.content.coach);
  if (answer.review.describes_harm) answer.resources = crisis_resources(context_);
  return answer;
}

}  // namespace attune::app
