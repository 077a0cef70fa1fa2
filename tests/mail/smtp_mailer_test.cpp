#include "mail/smtp_mailer.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <thread>

#include "support/smtp_sink.h"

namespace attune::mail {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

SmtpOptions options_for(std::uint16_t port) {
  SmtpOptions options;
  options.server = {"127.0.0.1", port};
  options.from = "attune@example.net";
  options.helo_name = "attune.test";
  options.timeout = 5s;
  options.shutdown_grace = 1s;
  return options;
}

// A loopback port where nothing listens (bound, then released).
std::uint16_t closed_port() {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor acceptor(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
  return acceptor.local_endpoint().port();
}

std::string unix_lines(std::string text) {
  std::string out;
  for (char c : text) {
    if (c != '\r') out += c;
  }
  return out;
}

// What the mailer logs while a test runs, kept in memory.
class CapturedLog {
 public:
  CapturedLog() : sink_(std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(64)) {
    previous_ = spdlog::default_logger();
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("captured", sink_));
  }
  ~CapturedLog() { spdlog::set_default_logger(previous_); }
  std::string text() const {
    std::string all;
    for (const auto& line : sink_->last_formatted()) all += line;
    return all;
  }
  bool wait_for(const std::string& part, std::chrono::milliseconds timeout = 10s) const {
    const auto until = Clock::now() + timeout;
    while (Clock::now() < until) {
      if (text().find(part) != std::string::npos) return true;
      std::this_thread::sleep_for(20ms);
    }
    return false;
  }

 private:
  std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> sink_;
  std::shared_ptr<spdlog::logger> previous_;
};

TEST(SmtpMailer, AMessageArrivesIntact) {
  test::SmtpSink sink;
  SmtpMailer mailer(options_for(sink.port()));
  const std::string subject = "Un petit mot \xE2\x80\x94 attune \xE2\x9C\x93";
  const std::string body =
      "Bonjour, \xC3\xA7"
      "a va ?\n"
      ".a line that starts with a dot\n"
      ".\n"
      "..two dots\n"
      "an equals sign = and a long line: " +
      std::string(120, 'w') +
      "\n"
      "last line";
  mailer.send({"sam@example.org", subject, body});
  const auto mails = sink.wait_for(1);
  ASSERT_EQ(mails.size(), 1u);
  const auto& mail = mails[0];
  EXPECT_EQ(mail.mail_from, "attune@example.net");
  EXPECT_EQ(mail.rcpt_to, std::vector<std::string>{"sam@example.org"});
  EXPECT_EQ(mail.subject, subject);
  EXPECT_EQ(mail.content_type, "text/plain");
  EXPECT_EQ(mail.charset, "utf-8");
  EXPECT_EQ(unix_lines(mail.body), body + "\n");
  EXPECT_TRUE(mail.raw.starts_with("Date: ")) << mail.raw;
  EXPECT_NE(mail.raw.find("\r\nMessage-ID: <"), std::string::npos);
  EXPECT_NE(mail.raw.find("@example.net>\r\n"), std::string::npos);
  EXPECT_NE(mail.raw.find("\r\nMIME-Version: 1.0\r\n"), std::string::npos);
  EXPECT_NE(mail.raw.find("\r\nContent-Transfer-Encoding: quoted-printable\r\n"),
            std::string::npos);
  EXPECT_FALSE(mail.smtputf8);
}

TEST(SmtpMailer, MessagesArriveInTheOrderSent) {
  test::SmtpSink sink;
  SmtpMailer mailer(options_for(sink.port()));
  for (int i = 0; i < 5; ++i) {
    mailer.send({"person" + std::to_string(i) + "@example.org", "Note", "n" + std::to_string(i)});
  }
  const auto mails = sink.wait_for(5);
  ASSERT_EQ(mails.size(), 5u);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(mails[i].rcpt_to.at(0), "person" + std::to_string(i) + "@example.org");
    EXPECT_EQ(unix_lines(mails[i].body), "n" + std::to_string(i) + "\n");
  }
}

TEST(SmtpMailer, AnAddressBeyondAsciiTravelsWithSmtputf8) {
  test::SmtpSink sink;
  SmtpMailer mailer(options_for(sink.port()));
  mailer.send({"s\xC3\xA9n@example.org", "Note", "hello"});
  const auto mails = sink.wait_for(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_TRUE(mails[0].smtputf8);
  EXPECT_EQ(mails[0].rcpt_to.at(0), "s\xC3\xA9n@example.org");
}

TEST(SmtpMailer, AnAddressThatWouldInjectCommandsIsDropped) {
  test::SmtpSink sink;
  CapturedLog log;
  SmtpMailer mailer(options_for(sink.port()));
  mailer.send({"sam@example.org>\r\nRCPT TO:<eve@example.org", "Note", "first"});
  mailer.send({"sam@example.org", "Note", "second"});
  const auto mails = sink.wait_for(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].rcpt_to, std::vector<std::string>{"sam@example.org"});
  EXPECT_EQ(unix_lines(mails[0].body), "second\n");
  EXPECT_NE(log.text().find("dropped"), std::string::npos);
  EXPECT_EQ(log.text().find("eve@"), std::string::npos);
}

TEST(SmtpMailer, ARefusalIsLoggedWithoutTheAddressOrTheContent) {
  test::SmtpSink sink(/*refuse_recipients=*/true);
  CapturedLog log;
  {
    SmtpMailer mailer(options_for(sink.port()));
    mailer.send({"private.person@example.org", "A private subject", "a private body"});
    ASSERT_TRUE(log.wait_for("stopped at rcpt, reply 550")) << log.text();
  }
  EXPECT_TRUE(sink.messages().empty());
  const auto text = log.text();
  for (const char* secret : {"private.person", "example.org", "private subject", "private body"}) {
    EXPECT_EQ(text.find(secret), std::string::npos) << secret << " in " << text;
  }
}

TEST(SmtpMailer, ADownServerNeitherBlocksTheSenderNorCrashes) {
  CapturedLog log;
  const auto started = Clock::now();
  {
    auto options = options_for(closed_port());
    options.max_queued = 16;
    SmtpMailer mailer(options);
    for (int i = 0; i < 100; ++i) mailer.send({"sam@example.org", "Note", "body"});
    // A hundred hand-overs take no time, whatever the server does.
    EXPECT_LT(Clock::now() - started, 500ms);
  }
  // Stopping gives up within its grace (1 s) even with messages left.
  EXPECT_LT(Clock::now() - started, 3s);
  EXPECT_NE(log.text().find("stopped at connect"), std::string::npos) << log.text();
  EXPECT_NE(log.text().find("queue is full"), std::string::npos) << log.text();
}

TEST(SmtpMailer, ASilentServerIsGivenUpAfterTheTimeout) {
  // Accepts connections (the kernel completes them) but never says a word.
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor silent(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
  CapturedLog log;
  auto options = options_for(silent.local_endpoint().port());
  options.timeout = 300ms;
  options.shutdown_grace = 5s;
  SmtpMailer mailer(options);
  const auto started = Clock::now();
  mailer.send({"sam@example.org", "Note", "body"});
  EXPECT_LT(Clock::now() - started, 100ms);
  ASSERT_TRUE(log.wait_for("stopped at timeout", 3s)) << log.text();
}

TEST(SmtpMailer, StoppingWhileAConversationHangsEndsWithinTheGrace) {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor silent(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
  auto options = options_for(silent.local_endpoint().port());
  options.timeout = 60s;
  options.shutdown_grace = 500ms;
  const auto started = Clock::now();
  {
    SmtpMailer mailer(options);
    mailer.send({"sam@example.org", "Note", "body"});
    mailer.send({"sam@example.org", "Note", "body"});
  }
  EXPECT_LT(Clock::now() - started, 2s);
}

}  // namespace
}  // namespace attune::mail
