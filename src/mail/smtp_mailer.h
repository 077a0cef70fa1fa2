// app::Mailer over plain SMTP. send() only queues (bounded; a full queue drops the message)
// and returns at once; one background thread delivers the queue in order, one connection
// per message, each bounded by a timeout. Failures are logged by stage and reply code only,
// never with an address or any content. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "app/mailer.h"
#include "mail/smtp_url.h"

namespace attune::mail {

struct SmtpOptions {
  SmtpAddress server;
  std::string from;                                 // sender address (envelope and From header)
  std::string helo_name = "localhost";              // how we name ourselves in EHLO
  std::chrono::milliseconds timeout{30'000};        // per message, connection included
  std::chrono::milliseconds shutdown_grace{5'000};  // for what is queued when stopping
  std::size_t max_queued = 256;
};

class SmtpMailer final : public app::Mailer {
 public:
  explicit SmtpMailer(SmtpOptions options);
  // Delivers what is still queued for at most shutdown_grace, then drops the rest.
  ~SmtpMailer() override;
  SmtpMailer(const SmtpMailer&) = delete;
  SmtpMailer& operator=(const SmtpMailer&) = delete;

  void send(app::MailMessage message) override;

 private:
  void work();
  void deliver(const app::MailMessage& message);
  // When the message now being delivered must be given up.
  std::chrono::steady_clock::time_point deadline(std::chrono::steady_clock::time_point started);

  const SmtpOptions options_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<app::MailMessage> queue_;
  bool stopping_ = false;
  std::chrono::steady_clock::time_point give_up_at_{};
  std::thread worker_;
};

}  // namespace attune::mail
