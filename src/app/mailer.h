// The way out for e-mail (reminders, account recovery, sign-up confirmation). The use
// cases only hand a message over; the implementation (mail/, set up by the CLI when the
// operator configured `smtp_url`) sends it in the background, so a request never waits on
// a mail server. No mailer configured means no e-mail at all.
#pragma once

#include <string>

namespace attune::app {

struct MailMessage {
  std::string to;
  std::string subject;  // neutral: never names a feature, a partner or anything intimate
  std::string body;     // plain text
};

class Mailer {
 public:
  virtual ~Mailer() = default;
  // Queues the message and returns at once; delivery is best effort and never blocks.
  virtual void send(MailMessage message) = 0;
};

}  // namespace attune::app
