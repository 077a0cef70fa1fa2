// Sign-up, the account's own profile, password change and deletion (crypto-shredding).
#pragma once

#include <string>
#include <vector>

#include "app/actor.h"
#include "app/context.h"
#include "app/password_gate.h"
#include "core/error.h"

namespace attune::app {

struct SignupInput {
  std::string email;
  std::string password;
  std::string display_name;
  bool confirm_adult = false;
  std::string time_zone;   // "" = UTC
  bool therapist = false;  // only the operator CLI sets this
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

  core::Result<std::string> sign_up(const SignupInput& input);
  core::Result<Profile> profile(const Actor& actor);
  core::Status change_password(const Actor& actor, const std::string& current,
                               const std::string& replacement);
  // After the password: one transaction leaves every relationship and removes the
  // person's rows and key (see account_erasure.h).
  core::Status delete_account(const Actor& actor, const std::string& password);

 private:
  core::Status check_password(const Actor& actor, const std::string& password);

  Context& context_;
  PasswordGate& gate_;
};

core::Status validate_new_password(const std::string& password);
core::Result<std::string> validate_time_zone(const std::string& time_zone);

}  // namespace attune::app
