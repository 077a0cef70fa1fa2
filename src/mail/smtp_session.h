// One SMTP conversation (RFC 5321) that hands one message to a server: greeting, EHLO
// (HELO when EHLO is refused), MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT. It runs on
// the caller's io_context; the caller bounds its time by closing the socket.
#pragma once

#include <utility>  // before Asio 1.74's awaitable.hpp, which uses std::exchange unincluded

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <string>

namespace attune::mail {

struct SmtpDelivery {
  bool delivered = false;
  std::string stage;  // where it stopped: connect, greeting, hello, mail, rcpt, data, message
  int reply = 0;      // the server's reply code there (0: no reply, e.g. the connection failed)
};

struct SmtpTransaction {
  std::string helo_name;
  std::string from;
  std::string to;
  std::string message;  // format_message's output: CRLF lines, not yet dot-stuffed
};

boost::asio::awaitable<SmtpDelivery> run_smtp(
    boost::asio::ip::tcp::socket& socket,
    const boost::asio::ip::tcp::resolver::results_type& endpoints,
    const SmtpTransaction& transaction);

}  // namespace attune::mail
