// The e-mail sender the server uses when the operator configured `smtp_url`.
#pragma once

#include <memory>

#include "app/mailer.h"
#include "base/error.h"
#include "cli/settings.h"

namespace attune::cli {

// Null when no smtp_url is set (no e-mail at all); an error when it cannot be used.
base::Result<std::unique_ptr<app::Mailer>> make_mailer(const Settings& settings);

}  // namespace attune::cli
