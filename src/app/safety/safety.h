// The private "I feel pressured" control: it withdraws the person's signatures and pauses
// their practices exactly as an ordinary withdrawal would, so nobody else can tell.
#pragma once

#include <string>

#include "app/actor.h"
#include "app/context.h"
#include "base/error.h"

namespace attune::app {

class Safety {
 public:
  explicit Safety(Context& context) : context_(context) {}
  base::Status feel_pressured(const Actor& actor, const std::string& rid);

 private:
  Context& context_;
};

}  // namespace attune::app
