// Account recovery without e-mail: a recovery code, shown once (at sign-up, or when the
// person makes a new one) and kept only as a password-style hash, resets the password.
// Recovering answers the same, after the same hashing work, whether the address has no
// account, the account has no code, or the code is wrong: it never tells who has an account.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/accounts/password_gate.h"
#include "app/actor.h"
#include "app/context.h"
#include "base/error.h"

namespace attune::app {

struct RecoveryCodeStatus {
  std::optional<std::int64_t> created_at;  // nothing: no code (never made, or used up)
};

class Recovery {
 public:
  Recovery(Context& context, PasswordGate& gate);

  // A fresh code in its display form ("7KQ2-M9XD-…"), for sign-up to store with the account.
  static std::string new_code();

  RecoveryCodeStatus status(const Actor& actor);
  // After the current password: a new code replaces the old one; returned once, never again.
  base::Result<std::string> regenerate(const Actor& actor, const std::string& password);
  // Sets the new password, uses the code up and ends every session of the account.
  base::Status recover(const std::string& email, const std::string& code,
                       const std::string& new_password);

 private:
  Context& context_;
  PasswordGate& gate_;
  std::string dummy_hash_;  // verified against when there is no code to verify, for equal work
};

}  // namespace attune::app
