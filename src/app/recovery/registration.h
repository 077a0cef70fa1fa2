// The public sign-up. Without e-mail configured: the account is usable at once and comes with
// a recovery code (shown once); a taken address is answered 409 email_taken. With e-mail, the
// answer is the same whether or not the address has an account: a new account waits for its
// confirmation link (and gets its recovery code there), and the owner of a taken address is
// told by e-mail that someone tried.
#pragma once

#include <string>

#include "app/accounts/accounts.h"
#include "app/accounts/password_gate.h"
#include "app/context.h"
#include "base/error.h"

namespace attune::app {

struct SignupOutcome {
  std::string id;             // "" when a confirmation was sent instead
  std::string recovery_code;  // shown once; "" when a confirmation was sent instead
  bool confirmation_sent = false;
};

class Registration {
 public:
  Registration(Context& context, Accounts& accounts, PasswordGate& gate)
      : context_(context), accounts_(accounts), gate_(gate) {}

  base::Result<SignupOutcome> sign_up(SignupInput input);
  // The confirmation link: the account becomes usable; returns its first recovery code.
  base::Result<std::string> confirm(const std::string& token);

 private:
  Context& context_;
  Accounts& accounts_;
  PasswordGate& gate_;
};

}  // namespace attune::app
