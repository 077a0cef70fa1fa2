// A throwaway SMTP server for a test: tests/support/smtp_sink.py (aiosmtpd) on a free
// loopback port, writing each accepted message into a temp directory. Stopped (its stdin
// closed, then SIGKILL) and cleaned up on destruction; killed with the test program.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace attune::test {

struct SunkMail {
  std::string mail_from;
  std::vector<std::string> rcpt_to;
  bool smtputf8 = false;
  std::string raw;  // as received, after the DATA phase's dot-unstuffing
  // As Python's e-mail parser reads the message:
  std::string subject;
  std::string content_type;
  std::string charset;
  std::string body;
};

class SmtpSink {
 public:
  // refuse_recipients: every RCPT TO gets a 550 that echoes the address.
  explicit SmtpSink(bool refuse_recipients = false);
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  std::uint16_t port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  // The messages received so far, in order.
  std::vector<SunkMail> messages() const;
  // Waits until at least `count` messages arrived (or the timeout passed); returns them all.
  std::vector<SunkMail> wait_for(
      std::size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;

 private:
  std::filesystem::path dir_;
  pid_t pid_ = -1;
  int stdin_ = -1;
  std::uint16_t port_ = 0;
};

}  // namespace attune::test
