// Settings the use cases need, filled by the CLI from flags, the config file and ATTUNE_*.
#pragma once

#include <chrono>
#include <string>

#include "crypto/password.h"

namespace attune::app {

struct RateLimit {
  int max_hits = 0;
  std::chrono::seconds window{60};
};

struct AppConfig {
  crypto::PasswordCost password_cost = crypto::PasswordCost::kInteractive;
  std::chrono::minutes session_idle{60 * 24 * 7};
  std::chrono::hours session_absolute{24 * 30};
  RateLimit login_limit{10, std::chrono::seconds(60)};
  RateLimit signup_limit{5, std::chrono::seconds(60)};
  RateLimit write_limit{120, std::chrono::seconds(60)};
  std::chrono::hours idempotency_ttl{24};
  std::chrono::hours invite_ttl{72};
  std::string smtp_url;        // "" = no e-mail; smtp://host:port (loopback or a relay)
  std::string public_url;      // where people open the app, for links in e-mail
  std::string resources_file;  // operator's own crisis resources; "" = the shipped default
  // The limits of confidentiality for the operator's region (resources.toml's format, title
  // and body); the CLI fills in the shipped content/confidentiality.toml when unset.
  std::string confidentiality_file;
};

}  // namespace attune::app
