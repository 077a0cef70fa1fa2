#include "cli/mail_setup.h"

#include <spdlog/spdlog.h>

#include "mail/smtp_mailer.h"

namespace attune::cli {
namespace {

// "https://attune.example.org:8443/app" → "attune.example.org"; "" when there is none.
std::string host_of(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  std::string rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (rest.starts_with('[')) return rest.substr(0, rest.find(']') + 1);
  return rest.substr(0, rest.find(':'));
}

}  // namespace

base::Result<std::unique_ptr<app::Mailer>> make_mailer(const Settings& settings) {
  if (settings.app.smtp_url.empty()) return std::unique_ptr<app::Mailer>();
  auto server = mail::parse_smtp_url(settings.app.smtp_url);
  if (!server) return base::error_of(server);
  std::string host = host_of(settings.app.public_url);
  if (host.empty()) {
    spdlog::warn("smtp_url is set but public_url is not: links in e-mail cannot point to attune");
    host = "localhost";
  }
  mail::SmtpOptions options;
  options.server = *server;
  options.from = settings.smtp_from.empty() ? "attune@" + host : settings.smtp_from;
  options.helo_name = host;
  spdlog::info("e-mail goes out through {}:{}", server->host, server->port);
  return std::unique_ptr<app::Mailer>(std::make_unique<mail::SmtpMailer>(std::move(options)));
}

}  // namespace attune::cli
