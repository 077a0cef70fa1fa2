#include "mail/smtp_session.h"

#include <boost/asio/buffer.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <cctype>

#include "mail/mime_message.h"

namespace attune::mail {
namespace {

using boost::asio::awaitable;
using boost::asio::use_awaitable;
using boost::asio::ip::tcp;

constexpr std::size_t kMaxReply = 16 * 1024;

struct Reply {
  int code = 0;
  bool smtputf8 = false;  // an EHLO reply that offers the SMTPUTF8 extension
};

bool positive(const Reply& reply) { return reply.code >= 200 && reply.code < 300; }

bool names_smtputf8(std::string line) {
  for (auto& c : line) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return line.size() > 4 && line.substr(4).starts_with("SMTPUTF8");
}

// Reads one (possibly multi-line, "250-…" then "250 …") reply; code 0 when malformed.
awaitable<Reply> read_reply(tcp::socket& socket, std::string& pending) {
  Reply reply;
  for (;;) {
    auto input = boost::asio::dynamic_buffer(pending, kMaxReply);
    const std::size_t length =
        co_await boost::asio::async_read_until(socket, input, "\r\n", use_awaitable);
    const std::string line = pending.substr(0, length - 2);
    pending.erase(0, length);
    if (line.size() < 3 || !std::isdigit(static_cast<unsigned char>(line[0])) ||
        !std::isdigit(static_cast<unsigned char>(line[1])) ||
        !std::isdigit(static_cast<unsigned char>(line[2]))) {
      co_return Reply{};
    }
    reply.code = std::stoi(line.substr(0, 3));
    reply.smtputf8 = reply.smtputf8 || names_smtputf8(line);
    if (line.size() == 3 || line[3] == ' ') co_return reply;
    if (line[3] != '-') co_return Reply{};
  }
}

awaitable<Reply> exchange(tcp::socket& socket, std::string& pending, const std::string& text) {
  auto output = boost::asio::buffer(text);
  co_await boost::asio::async_write(socket, output, use_awaitable);
  co_return co_await read_reply(socket, pending);
}

}  // namespace

awaitable<SmtpDelivery> run_smtp(tcp::socket& socket, const tcp::resolver::results_type& endpoints,
                                 const SmtpTransaction& transaction) {
  SmtpDelivery result;
  std::string pending;
  Reply reply;
  try {
    result.stage = "connect";
    co_await boost::asio::async_connect(socket, endpoints, use_awaitable);
    result.stage = "greeting";
    reply = co_await read_reply(socket, pending);
    if (!positive(reply)) co_return SmtpDelivery{false, result.stage, reply.code};
    result.stage = "hello";
    const std::string ehlo = "EHLO " + transaction.helo_name + "\r\n";
    reply = co_await exchange(socket, pending, ehlo);
    if (reply.code >= 500) {
      const std::string helo = "HELO " + transaction.helo_name + "\r\n";
      reply = co_await exchange(socket, pending, helo);
    }
    if (!positive(reply)) co_return SmtpDelivery{false, result.stage, reply.code};
    // An address beyond ASCII travels only where the server says it can (RFC 6531).
    const bool needs_utf8 = !is_ascii(transaction.from) || !is_ascii(transaction.to);
    if (needs_utf8 && !reply.smtputf8) co_return SmtpDelivery{false, "smtputf8", 0};
    result.stage = "mail";
    const std::string mail_from =
        "MAIL FROM:<" + transaction.from + ">" + (needs_utf8 ? " SMTPUTF8" : "") + "\r\n";
    reply = co_await exchange(socket, pending, mail_from);
    if (!positive(reply)) co_return SmtpDelivery{false, result.stage, reply.code};
    result.stage = "rcpt";
    const std::string rcpt_to = "RCPT TO:<" + transaction.to + ">\r\n";
    reply = co_await exchange(socket, pending, rcpt_to);
    if (!positive(reply)) co_return SmtpDelivery{false, result.stage, reply.code};
    result.stage = "data";
    const std::string data = "DATA\r\n";
    reply = co_await exchange(socket, pending, data);
    if (reply.code != 354) co_return SmtpDelivery{false, result.stage, reply.code};
    result.stage = "message";
    const std::string content = dot_stuff(transaction.message) + ".\r\n";
    reply = co_await exchange(socket, pending, content);
    if (!positive(reply)) co_return SmtpDelivery{false, result.stage, reply.code};
    result.delivered = true;
    // The message is the server's now; how the goodbye goes does not matter.
    result.stage = "quit";
    const std::string quit = "QUIT\r\n";
    co_await exchange(socket, pending, quit);
  } catch (const std::exception&) {
    // A broken connection, an overlong reply or the caller's deadline closing the socket.
  }
  co_return result;
}

}  // namespace attune::mail
