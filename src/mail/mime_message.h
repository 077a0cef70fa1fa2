// A message as it travels over SMTP: RFC 5322 headers (Date, Message-ID, an encoded
// Subject), a UTF-8 plain-text body in quoted-printable (7-bit, so any relay carries it),
// CRLF line ends, and the dot-stuffing of the DATA phase. Pure functions, no I/O.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "app/mailer.h"

namespace attune::mail {

struct Envelope {
  std::string from;        // the sender address, e.g. attune@example.org
  std::string message_id;  // without the angle brackets, e.g. 3f2a…@example.org
  std::chrono::system_clock::time_point date{};
};

// True when the address can be written in MAIL FROM / RCPT TO and a header unchanged:
// no spaces, controls, angle brackets, quotes or commas, exactly one '@'.
bool usable_address(std::string_view address);
bool is_ascii(std::string_view text);
// What follows the '@' ("localhost" when there is none): the Message-ID's right side.
std::string domain_of(std::string_view address);

// The complete message (headers, blank line, body), every line ending in CRLF, not yet
// dot-stuffed. The subject loses any line breaks.
std::string format_message(const app::MailMessage& message, const Envelope& envelope);

// RFC 5322 date in UTC: "Wed, 02 Dec 2026 16:26:31 +0000".
std::string rfc5322_date(std::chrono::system_clock::time_point time);
// A header value as it is if printable ASCII, else RFC 2047 encoded words (UTF-8, base64),
// never splitting a character, folded onto continuation lines.
std::string encode_header_value(std::string_view text);
// Quoted-printable (RFC 2045) with CRLF hard breaks and soft breaks under 76 characters.
std::string quoted_printable(std::string_view text);
// The DATA payload: a line that starts with '.' gets a second one (RFC 5321 4.5.2).
std::string dot_stuff(std::string_view message);

}  // namespace attune::mail
