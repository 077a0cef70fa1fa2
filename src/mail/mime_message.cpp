#include "mail/mime_message.h"

#include <algorithm>
#include <array>
#include <ctime>

namespace attune::mail {
namespace {

constexpr std::size_t kMaxLine = 76;  // RFC 2045 6.7, the '=' of a soft break included

std::string base64(std::string_view bytes) {
  static constexpr char kDigits[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t group = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) group |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) group |= static_cast<unsigned char>(bytes[i + 2]);
    out += kDigits[(group >> 18) & 63];
    out += kDigits[(group >> 12) & 63];
    out += i + 1 < bytes.size() ? kDigits[(group >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kDigits[group & 63] : '=';
  }
  return out;
}

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string hex_escape(unsigned char byte) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  return {'=', kHex[byte >> 4], kHex[byte & 15]};
}

std::string without_line_breaks(std::string_view text) {
  std::string out(text);
  std::ranges::replace(out, '\r', ' ');
  std::ranges::replace(out, '\n', ' ');
  return out;
}

}  // namespace

std::string domain_of(std::string_view address) {
  const auto at = address.rfind('@');
  return at == std::string_view::npos ? std::string("localhost")
                                      : std::string(address.substr(at + 1));
}

bool is_ascii(std::string_view text) {
  return std::ranges::all_of(text, [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool usable_address(std::string_view address) {
  if (address.empty() || address.size() > 254) return false;
  if (std::ranges::count(address, '@') != 1 || address.front() == '@' || address.back() == '@')
    return false;
  return std::ranges::none_of(address, [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte <= 0x20 || byte == 0x7F || c == '<' || c == '>' || c == '"' || c == ',' ||
           c == '\\' || c == '(' || c == ')' || c == ';' || c == '[' || c == ']';
  });
}

std::string rfc5322_date(std::chrono::system_clock::time_point time) {
  static constexpr std::array<const char*, 7> kDays{"Sun", "Mon", "Tue", "Wed",
                                                    "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[40];
  std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[utc.tm_wday],
                utc.tm_mday, kMonths[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min,
                utc.tm_sec);
  return text;
}

std::string encode_header_value(std::string_view text) {
  const bool printable = std::ranges::all_of(text, [](char c) { return c >= 0x20 && c < 0x7F; });
  if (printable) return std::string(text);
  // 45 bytes make 60 base64 characters; with "=?UTF-8?B?" and "?=" a word stays under 75.
  constexpr std::size_t kChunk = 45;
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = std::min(start + kChunk, text.size());
    while (end < text.size() && end > start && is_continuation_byte(text[end])) --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(text.substr(start, end - start)) + "?=";
    start = end;
  }
  return out;
}

std::string quoted_printable(std::string_view text) {
  std::string out;
  std::size_t line_start = 0;
  while (line_start <= text.size()) {
    auto line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(line_start, line_end - line_start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t column = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const auto byte = static_cast<unsigned char>(line[i]);
      const bool last = i + 1 == line.size();
      const bool literal =
          (byte >= 33 && byte <= 126 && byte != '=') || ((byte == ' ' || byte == '\t') && !last);
      const std::string token = literal ? std::string(1, line[i]) : hex_escape(byte);
      if (column + token.size() > kMaxLine - 1) {
        out += "=\r\n";
        column = 0;
      }
      out += token;
      column += token.size();
    }
    if (line_end == text.size()) break;
    out += "\r\n";
    line_start = line_end + 1;
  }
  return out;
}

std::string dot_stuff(std::string_view message) {
  std::string out;
  out.reserve(message.size() + 16);
  bool line_start = true;
  for (char c : message) {
    if (line_start && c == '.') out += '.';
    out += c;
    line_start = c == '\n';
  }
  return out;
}

std::string format_message(const app::MailMessage& message, const Envelope& envelope) {
  std::string out;
  out += "Date: " + rfc5322_date(envelope.date) + "\r\n";
  out += "From: attune <" + envelope.from + ">\r\n";
  out += "To: <" + message.to + ">\r\n";
  out += "Subject: " + encode_header_value(without_line_breaks(message.subject)) + "\r\n";
  out += "Message-ID: <" + envelope.message_id + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=utf-8\r\n";
  out += "Content-Transfer-Encoding: quoted-printable\r\n";
  // Nothing in it is a reason to answer; an auto-responder should not try.
  out += "Auto-Submitted: auto-generated\r\n";
  out += "\r\n";
  out += quoted_printable(message.body);
  out += "\r\n";
  return out;
}

}  // namespace attune::mail
