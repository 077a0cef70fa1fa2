// `live_load echo-server`: accepts WebSockets and sends every message straight back. Built
// from the same Beast pieces as attune's server with no work in between, so its round trip
// is the floor a live pause is measured against.
#include <utility>  // before Asio's awaitable.hpp, which Boost 1.74 needs

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket.hpp>
#include <iostream>

#include "live_load/commands.h"
#include "live_load/net.h"

namespace attune::bench {
namespace {

namespace beast = boost::beast;
namespace websocket = beast::websocket;

constexpr auto kAwait = asio::use_awaitable;

asio::awaitable<void> echo_session(tcp::socket socket) {
  socket.set_option(tcp::no_delay(true));
  websocket::stream<beast::tcp_stream> ws(std::move(socket));
  ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
  boost::system::error_code error;
  co_await ws.async_accept(asio::redirect_error(kAwait, error));
  beast::flat_buffer buffer;
  while (!error) {
    co_await ws.async_read(buffer, asio::redirect_error(kAwait, error));
    if (error) break;
    ws.text(ws.got_text());
    co_await ws.async_write(buffer.data(), asio::redirect_error(kAwait, error));
    buffer.consume(buffer.size());
  }
}

asio::awaitable<void> accept_loop(tcp::acceptor* acceptor) {
  for (;;) {
    boost::system::error_code error;
    tcp::socket socket = co_await acceptor->async_accept(asio::redirect_error(kAwait, error));
    if (error == asio::error::operation_aborted) co_return;
    if (error) continue;  // e.g. out of file descriptors for a moment
    auto session = echo_session(std::move(socket));
    asio::co_spawn(acceptor->get_executor(), std::move(session), asio::detached);
  }
}

}  // namespace

int run_echo_server(const Target& listen) {
  raise_fd_limit();
  asio::io_context io(1);
  tcp::acceptor acceptor(io, endpoint_of(listen));
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code&, int) {
    acceptor.close();
    io.stop();
  });
  std::cout << "echo listening on " << acceptor.local_endpoint().port() << std::endl;
  asio::co_spawn(io, accept_loop(&acceptor), asio::detached);
  io.run();
  return 0;
}

}  // namespace attune::bench
