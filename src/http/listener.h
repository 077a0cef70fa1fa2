// Accepts TCP connections on the server's port and starts an HTTP session for each.
#pragma once

#include <utility>  // before Asio: Boost 1.74's awaitable support needs it

#include <cstdint>
#include <memory>
#include <string>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>

#include "http/shared_state.h"

namespace attune::http {

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  // Binds and listens now (throws std::system_error), so port() is known before start().
  Listener(boost::asio::io_context& io, const std::string& host, std::uint16_t port,
           std::shared_ptr<SharedState> state);

  std::uint16_t port() const { return port_; }
  void start();
  void stop();  // thread-safe; stops accepting, open sessions are not touched

 private:
  static boost::asio::awaitable<void> accept_loop(std::shared_ptr<Listener> self);

  boost::asio::io_context& io_;
  boost::asio::strand<boost::asio::io_context::executor_type> strand_;
  boost::asio::ip::tcp::acceptor acceptor_;
  std::shared_ptr<SharedState> state_;
  std::uint16_t port_ = 0;
};

}  // namespace attune::http
