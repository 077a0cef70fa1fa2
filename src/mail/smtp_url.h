// The operator's `smtp_url` setting, smtp://host[:port], taken apart. Plain SMTP only: a
// relay on the same host or a trusted network (see README: Configuration).
#pragma once

#include <cstdint>
#include <string>

#include "base/error.h"

namespace attune::mail {

struct SmtpAddress {
  std::string host;
  std::uint16_t port = 25;
};

base::Result<SmtpAddress> parse_smtp_url(const std::string& url);

}  // namespace attune::mail
