#include "http/listener.h"

#include <chrono>

#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "http/http_session.h"

namespace attune::http {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;

// Out of file descriptors and the like: wait a little instead of spinning on the error.
constexpr std::chrono::milliseconds kAcceptRetryDelay{100};

}  // namespace

Listener::Listener(asio::io_context& io, const std::string& host, std::uint16_t port,
                   std::shared_ptr<SharedState> state)
    : io_(io), strand_(asio::make_strand(io)), acceptor_(strand_), state_(std::move(state)) {
  const tcp::endpoint endpoint(asio::ip::make_address(host), port);
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(asio::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(asio::socket_base::max_listen_connections);
  port_ = acceptor_.local_endpoint().port();
}

void Listener::start() { asio::co_spawn(strand_, accept_loop(shared_from_this()), asio::detached); }

void Listener::stop() {
  asio::post(strand_, [self = shared_from_this()] {
    boost::system::error_code ignored;
    self->acceptor_.close(ignored);
  });
}

asio::awaitable<void> Listener::accept_loop(std::shared_ptr<Listener> self) {
  while (self->acceptor_.is_open()) {
    boost::system::error_code error;
    // Each connection gets its own strand, so with several I/O threads its handlers never
    // run concurrently.
    tcp::socket socket = co_await self->acceptor_.async_accept(
        asio::make_strand(self->io_), asio::redirect_error(asio::use_awaitable, error));
    if (error == asio::error::operation_aborted || !self->acceptor_.is_open()) break;
    if (error) {
      spdlog::warn("accept failed: {}", error.message());
      asio::steady_timer pause(self->strand_, kAcceptRetryDelay);
      co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, error));
      continue;
    }
    start_http_session(std::move(socket), self->state_);
  }
}

}  // namespace attune::http
