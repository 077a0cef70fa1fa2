#include "app/together/reminder_mail.h"

namespace attune::app {

MailMessage reminder_mail(const std::string& to, const std::string& public_url) {
  std::string body =
      "Hello,\n\nThere is something waiting for you in attune, whenever it suits you.\n";
  if (!public_url.empty()) body += "\n" + public_url + "\n";
  body += "\nYou chose to get these e-mails. You can turn them off in attune at any time.\n";
  return {to, "attune", std::move(body)};
}

}  // namespace attune::app
