// The e-mails about an account: a password reset, a sign-up to confirm, and a sign-up tried
// with an address that already has an account. Neutral on purpose — a subject or a preview
// may be read by someone else: nothing names what attune is for, a partner or anything
// intimate. Links carry their token in the URL fragment, which browsers never send to a
// server, so it stays out of every access log.
#pragma once

#include <string>

#include "app/mailer.h"

namespace attune::app {

inline constexpr int kResetLinkMinutes = 30;
inline constexpr int kConfirmLinkHours = 24;

MailMessage reset_mail(const std::string& to, const std::string& public_url,
                       const std::string& token);
MailMessage confirm_mail(const std::string& to, const std::string& public_url,
                         const std::string& token);
MailMessage signup_attempt_mail(const std::string& to, const std::string& public_url);

}  // namespace attune::app
