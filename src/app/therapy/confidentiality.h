// The limits of confidentiality a partner reads before first sharing with a therapist: the
// operator's text for their region (confidentiality_file), or the shipped neutral default.
#pragma once

#include "app/context.h"
#include "content/resources.h"

namespace attune::app {

content::Resources confidentiality_text(const Context& context);

}  // namespace attune::app
