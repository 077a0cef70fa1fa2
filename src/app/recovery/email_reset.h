// A password reset by e-mail, where the operator configured SMTP. Asking always answers the
// same, and the message (a single-use link, valid 30 minutes) goes only to an address that
// has an account. Using the link sets the new password and ends every session.
#pragma once

#include <string>

#include "app/accounts/password_gate.h"
#include "app/context.h"
#include "base/error.h"

namespace attune::app {

class EmailReset {
 public:
  EmailReset(Context& context, PasswordGate& gate) : context_(context), gate_(gate) {}

  // mail_not_configured without SMTP; otherwise the same for every well-formed address.
  base::Status request(const std::string& email);
  base::Status reset(const std::string& token, const std::string& new_password);

 private:
  Context& context_;
  PasswordGate& gate_;
};

}  // namespace attune::app
