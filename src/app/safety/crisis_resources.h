// The crisis and safety resources shown on every screen: the operator's own file when
// configured (read on each request, so an edit needs no restart), else the shipped default.
#pragma once

#include "app/context.h"
#include "content/resources.h"

namespace attune::app {

content::Resources crisis_resources(const Context& context);

}  // namespace attune::app
