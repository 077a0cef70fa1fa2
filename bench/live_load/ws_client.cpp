#include "live_load/ws_client.h"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket.hpp>

namespace attune::bench {
namespace {

namespace beast = boost::beast;
namespace websocket = beast::websocket;

constexpr auto kAwait = asio::use_awaitable;

}  // namespace

struct WsClient::Impl {
  explicit Impl(asio::any_io_executor executor) : ws(std::move(executor)) {}
  websocket::stream<beast::tcp_stream> ws;
};

WsClient::WsClient(asio::any_io_executor executor)
    : impl_(std::make_unique<Impl>(std::move(executor))) {}

WsClient::~WsClient() = default;

asio::awaitable<boost::system::error_code> WsClient::connect(tcp::endpoint server,
                                                             asio::ip::address_v4 source,
                                                             std::string path) {
  auto& ws = impl_->ws;
  boost::system::error_code error =
      co_await connect_from(beast::get_lowest_layer(ws).socket(), server, source);
  if (error) co_return error;
  // The server pings idle sockets; Beast answers while a read is pending. No client pings.
  auto timeouts = websocket::stream_base::timeout::suggested(beast::role_type::client);
  ws.set_option(timeouts);
  const std::string host = server.address().to_string() + ":" + std::to_string(server.port());
  co_await ws.async_handshake(host, path, asio::redirect_error(kAwait, error));
  co_return error;
}

asio::awaitable<boost::system::error_code> WsClient::read_loop(OnMessage on_message) {
  beast::flat_buffer buffer;
  for (;;) {
    boost::system::error_code error;
    co_await impl_->ws.async_read(buffer, asio::redirect_error(kAwait, error));
    if (error) co_return error;
    const auto data = buffer.cdata();
    on_message(std::string_view(static_cast<const char*>(data.data()), data.size()));
    buffer.consume(buffer.size());
  }
}

asio::awaitable<boost::system::error_code> WsClient::write(std::string text) {
  boost::system::error_code error;
  co_await impl_->ws.async_write(asio::buffer(text), asio::redirect_error(kAwait, error));
  co_return error;
}

void WsClient::close() {
  boost::system::error_code ignored;
  beast::get_lowest_layer(impl_->ws).socket().close(ignored);
}

}  // namespace attune::bench
