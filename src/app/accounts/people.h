// Reading a person's own sealed profile fields (for screens that show partners).
#pragma once

#include <string>

#include "app/context.h"

namespace attune::app {

std::string display_name_of(const Context& context, store::Transaction& tx,
                            const std::string& account_id);

}  // namespace attune::app
