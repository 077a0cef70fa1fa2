// The language coach as a use case: checks the text a signed-in person is writing and
// returns the core review, or — when the text describes harm — the crisis resources instead
// of any reframe. Nothing is stored and nothing is logged: the text lives only in this call.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "app/context.h"
#include "base/error.h"
#include "content/resources.h"
#include "core/coach/coach_review.h"

namespace attune::app {

// 16 KiB of UTF-8: a long debrief answer and then some. Beyond it: body_too_large (413).
inline constexpr std::size_t kMaxCoachTextBytes = 16 * 1024;

struct CoachAnswer {
  core::CoachReview review;
  std::optional<content::Resources> resources;  // exactly when review.describes_harm
};

class Coach {
 public:
  explicit Coach(Context& context) : context_(context) {}

  // invalid_utf8 (400) or body_too_large (413) for text it will not read. Thread-safe.
  base::Result<CoachAnswer> review(std::string_view text) const;

 private:
  Context& context_;
};

}  // namespace attune::app
