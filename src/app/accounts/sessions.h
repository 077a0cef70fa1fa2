// Log-in sessions: 256-bit tokens stored only as hashes, idle and absolute expiry, a CSRF
// token per session for the web client, and "log out everywhere".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/accounts/password_gate.h"
#include "app/actor.h"
#include "app/context.h"
#include "base/error.h"

namespace attune::app {

struct LoginResult {
  std::string token;
  std::string csrf_token;
  std::string account_id;
  std::string display_name;
};

struct SessionInfo {
  std::string id;
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
  bool current = false;
};

class Sessions {
 public:
  Sessions(Context& context, PasswordGate& gate);

  base::Result<LoginResult> log_in(const std::string& email, const std::string& password);
  // Checks a bearer or cookie token; refreshes the idle deadline.
  base::Result<Actor> authenticate(const std::string& token);
  bool csrf_matches(const Actor& actor, const std::string& csrf_token);
  void log_out(const Actor& actor);
  std::vector<SessionInfo> list(const Actor& actor);
  void revoke_others(const Actor& actor);

 private:
  Context& context_;
  PasswordGate& gate_;
  std::string dummy_hash_;  // verified against when the e-mail is unknown, to equalize timing
};

}  // namespace attune::app
