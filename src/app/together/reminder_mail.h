// The one e-mail a reminder sends: the same neutral words whatever it is about, so that a
// lock screen, a shared inbox or a mail server learns nothing — no feature, no partner, no
// time, no content; only "attune" and a link to open it.
#pragma once

#include <string>

#include "app/mailer.h"

namespace attune::app {

MailMessage reminder_mail(const std::string& to, const std::string& public_url);

}  // namespace attune::app
