// Sign-up, the account's own profile, password change and deletion (crypto-shredding).
#pragma once

#include <string>
#include <vector>

#include "app/accounts/password_gate.h"
#include "app/actor.h"
#include "app/context.h"
#include "base/error.h"

namespace attune::app {

struct SignupInput {
  std::string email;
  std::string password;
  std::string display_name;
  bool confirm_adult = false;
  std::string time_zone;        // "" = UTC
  bool therapist = false;       // only the operator CLI sets this
  std::string recovery_code{};  // when set, kept (as a hash) with the account
  // When set, the account waits for its address's confirmation (app/recovery/registration.h):
  // this link's token hash, valid until confirm_by.
  std::string confirm_token_hash{};
  std::int64_t confirm_by = 0;
  // What the request must commit with the new account (its Idempotency-Key's claim): a
  // sign-up has no Actor to carry it.
  store::CommitHook on_commit{};
};

struct Profile {
  std::string id;
  std::string display_name;
  std::string time_zone;
  std::vector<std::string> roles;
};

class Relationships;

class Accounts {
 public:
  Accounts(Context& context, PasswordGate& gate) : context_(context), gate_(gate) {}

  base::Result<std::string> sign_up(const SignupInput& input);
  base::Result<Profile> profile(const Actor& actor);
  base::Result<Profile> set_time_zone(const Actor& actor, const std::string& time_zone);
  base::Status change_password(const Actor& actor, const std::string& current,
                               const std::string& replacement);
  // After the password: one transaction leaves every relationship and removes the
  // person's rows and key (see account_erasure.h).
  base::Status delete_account(const Actor& actor, const std::string& password);

 private:
  base::Status check_password(const Actor& actor, const std::string& password);

  Context& context_;
  PasswordGate& gate_;
};

base::Status validate_new_password(const std::string& password);
base::Result<std::string> validate_time_zone(const std::string& time_zone);

}  // namespace attune::app
