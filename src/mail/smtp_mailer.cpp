#include "mail/smtp_mailer.h"

#include <spdlog/spdlog.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <exception>
#include <optional>
#include <random>

#include "mail/mime_message.h"
#include "mail/smtp_session.h"

namespace attune::mail {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::chrono::milliseconds kPollInterval{50};

std::string random_hex(std::size_t bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::random_device random;
  std::string out;
  for (std::size_t i = 0; i < bytes; ++i) {
    const auto byte = static_cast<unsigned>(random()) & 0xFF;
    out += kHex[byte >> 4];
    out += kHex[byte & 15];
  }
  return out;
}

void log_failure(const SmtpDelivery& outcome) {
  if (outcome.reply != 0) {
    spdlog::warn("mail: a message was not delivered (stopped at {}, reply {})", outcome.stage,
                 outcome.reply);
  } else {
    spdlog::warn("mail: a message was not delivered (stopped at {})", outcome.stage);
  }
}

}  // namespace

SmtpMailer::SmtpMailer(SmtpOptions options)
    : options_(std::move(options)), worker_([this] { work(); }) {}

SmtpMailer::~SmtpMailer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    give_up_at_ = Clock::now() + options_.shutdown_grace;
  }
  wake_.notify_all();
  worker_.join();
}

void SmtpMailer::send(app::MailMessage message) {
  // A line break in a header field would let a value write headers of its own.
  if (!usable_address(message.to) || message.to.find_first_of("\r\n") != std::string::npos) {
    spdlog::warn("mail: a message was dropped: its address cannot be written in SMTP");
    return;
  }
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    if (queue_.size() >= options_.max_queued) {
      spdlog::warn("mail: the queue is full ({} waiting); a message was dropped", queue_.size());
      return;
    }
    queue_.push_back(std::move(message));
  }
  wake_.notify_one();
}

Clock::time_point SmtpMailer::deadline(Clock::time_point started) {
  std::lock_guard lock(mutex_);
  const auto own = started + options_.timeout;
  return stopping_ ? std::min(own, give_up_at_) : own;
}

void SmtpMailer::work() {
  for (;;) {
    app::MailMessage message;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      if (stopping_ && Clock::now() >= give_up_at_) {
        spdlog::warn("mail: stopping; {} queued message(s) were not sent", queue_.size());
        return;
      }
      message = std::move(queue_.front());
      queue_.pop_front();
    }
    deliver(message);
  }
}

void SmtpMailer::deliver(const app::MailMessage& message) {
  const auto started = Clock::now();
  const Envelope envelope{options_.from, random_hex(16) + "@" + domain_of(options_.from),
                          std::chrono::system_clock::now()};
  const SmtpTransaction transaction{options_.helo_name, options_.from, message.to,
                                    format_message(message, envelope)};
  boost::asio::io_context io;
  boost::asio::ip::tcp::resolver::results_type endpoints;
  try {
    boost::asio::ip::tcp::resolver resolver(io);
    endpoints = resolver.resolve(options_.server.host, std::to_string(options_.server.port));
  } catch (const std::exception&) {
    log_failure({false, "resolve", 0});
    return;
  }
  boost::asio::ip::tcp::socket socket(io);
  std::optional<SmtpDelivery> outcome;
  boost::asio::co_spawn(io, run_smtp(socket, endpoints, transaction),
                        [&outcome](std::exception_ptr error, SmtpDelivery delivery) {
                          outcome = error ? SmtpDelivery{false, "session", 0} : delivery;
                        });
  while (!outcome && Clock::now() < deadline(started)) io.run_for(kPollInterval);
  if (!outcome) {
    // Closing cancels whatever the conversation waits for; it then ends at once.
    boost::system::error_code ignored;
    socket.close(ignored);
    io.restart();
    io.run();
    log_failure({false, "timeout", 0});
    return;
  }
  if (!outcome->delivered) log_failure(*outcome);
}

}  // namespace attune::mail
