#include "app/recovery/account_mail.h"

namespace attune::app {
namespace {

std::string base_of(const std::string& public_url) {
  std::string base = public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base;
}

}  // namespace

MailMessage reset_mail(const std::string& to, const std::string& public_url,
                       const std::string& token) {
  return {to, "Your password reset link",
          "Hello,\n\n"
          "Someone asked to set a new password for the account that uses this e-mail "
          "address. If that was you, open this link within " +
              std::to_string(kResetLinkMinutes) + " minutes and choose a new password:\n\n" +
              base_of(public_url) + "/#/reset/" + token +
              "\n\n"
              "The link works once. Setting a new password logs the account out everywhere.\n\n"
              "If you did not ask for this, you can ignore this message: nothing changes.\n"};
}

MailMessage confirm_mail(const std::string& to, const std::string& public_url,
                         const std::string& token) {
  return {to, "Please confirm your e-mail address",
          "Hello,\n\n"
          "Someone signed up with this e-mail address. If that was you, open this link within " +
              std::to_string(kConfirmLinkHours) + " hours to finish:\n\n" + base_of(public_url) +
              "/#/confirm/" + token +
              "\n\n"
              "If it was not you, you can ignore this message: without the link, nothing is "
              "kept for long and no account starts.\n"};
}

MailMessage signup_attempt_mail(const std::string& to, const std::string& public_url) {
  return {to, "A sign-up with your e-mail address",
          "Hello,\n\n"
          "Someone just tried to sign up with this e-mail address, which already has an "
          "account. If that was you, you can log in instead — and if you have forgotten "
          "your password, \"Forgot password\" on the log-in page sends you a link:\n\n" +
              base_of(public_url) +
              "/#/login\n\n"
              "If it was not you, you can ignore this message: nothing has changed.\n"};
}

}  // namespace attune::app
