#include "live_load/http_client.h"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <optional>

namespace attune::bench {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;

}  // namespace

struct HttpClient::Impl {
  Impl(asio::any_io_executor executor, tcp::endpoint server, asio::ip::address_v4 source)
      : executor(std::move(executor)), server(server), source(source) {}

  asio::any_io_executor executor;
  tcp::endpoint server;
  asio::ip::address_v4 source;
  std::optional<beast::tcp_stream> stream;
  beast::flat_buffer buffer;

  asio::awaitable<boost::system::error_code> open() {
    stream.emplace(executor);
    buffer.clear();
    co_return co_await connect_from(stream->socket(), server, source);
  }

  // One exchange on the current stream; status 0 when the stream failed.
  asio::awaitable<HttpReply> exchange(const HttpRequest& request) {
    http::request<http::string_body> message;
    message.method(http::string_to_verb(request.method));
    message.target(request.target);
    message.version(11);
    message.set(http::field::host,
                server.address().to_string() + ":" + std::to_string(server.port()));
    message.keep_alive(true);
    if (!request.token.empty()) message.set(http::field::authorization, "Bearer " + request.token);
    if (!request.body.empty()) {
      message.set(http::field::content_type, "application/json");
      message.body() = request.body;
    }
    message.prepare_payload();

    boost::system::error_code error;
    co_await http::async_write(*stream, message, asio::redirect_error(asio::use_awaitable, error));
    HttpReply reply;
    if (error) co_return reply;
    http::response<http::string_body> response;
    co_await http::async_read(*stream, buffer, response,
                              asio::redirect_error(asio::use_awaitable, error));
    if (error) co_return reply;
    reply.status = static_cast<int>(response.result_int());
    reply.body = std::move(response.body());
    if (!response.keep_alive()) stream.reset();
    co_return reply;
  }
};

HttpClient::HttpClient(asio::any_io_executor executor, tcp::endpoint server,
                       asio::ip::address_v4 source)
    : impl_(std::make_unique<Impl>(std::move(executor), server, source)) {}

HttpClient::~HttpClient() = default;

asio::awaitable<HttpReply> HttpClient::send(HttpRequest request) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (!impl_->stream) {
      if (co_await impl_->open()) {
        impl_->stream.reset();
        continue;
      }
    }
    HttpReply reply = co_await impl_->exchange(request);
    if (reply.status != 0) co_return reply;
    impl_->stream.reset();
  }
  co_return HttpReply{};
}

void HttpClient::close() {
  if (impl_->stream) {
    boost::system::error_code ignored;
    impl_->stream->socket().shutdown(tcp::socket::shutdown_both, ignored);
    impl_->stream.reset();
  }
}

}  // namespace attune::bench
