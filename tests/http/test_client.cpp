#include "http/test_client.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <limits>
#include <stdexcept>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

namespace attune::http::test {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace websocket = beast::websocket;
using asio::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr std::chrono::seconds kWebSocketTimeout{10};
constexpr std::chrono::seconds kAbortTimeout{5};

tcp::endpoint local(std::uint16_t port) {
  return tcp::endpoint(asio::ip::make_address("127.0.0.1"), port);
}

std::string lowercase(beast::string_view text) {
  std::string out(text.data(), text.size());
  std::ranges::transform(out, out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

template <typename Fields>
TestResponse to_test_response(int status, const Fields& fields, std::string body) {
  TestResponse response{status, {}, std::move(body)};
  for (const auto& field : fields) {
    const std::string value(field.value().data(), field.value().size());
    auto [it, inserted] = response.headers.try_emplace(lowercase(field.name_string()), value);
    if (!inserted) it->second.append(", ").append(value);
  }
  return response;
}

// Runs the I/O context on this thread until `done` or the deadline. On timeout, abort()
// cancels the operation and its handler is run (it refers to the caller's locals) before
// returning false.
bool drive(asio::io_context& io, const bool& done, Clock::time_point deadline,
           const std::function<void()>& abort) {
  io.restart();
  while (!done && Clock::now() < deadline) {
    io.run_one_for(deadline - Clock::now());
    if (io.stopped()) {
      if (done) break;
      io.restart();
      if (io.poll() == 0 && !done) break;  // nothing left that could complete
    }
  }
  if (done) return true;
  abort();
  const auto abort_deadline = Clock::now() + kAbortTimeout;
  io.restart();
  while (!done && Clock::now() < abort_deadline) io.run_one_for(abort_deadline - Clock::now());
  return false;
}

std::runtime_error failure(std::string_view what, const beast::error_code& error) {
  return std::runtime_error(std::string(what) + ": " + error.message());
}

}  // namespace

std::string TestResponse::header(std::string_view lowercase_name) const {
  const auto it = headers.find(std::string(lowercase_name));
  return it == headers.end() ? std::string() : it->second;
}

struct TestClient::Impl {
  asio::io_context io;
  beast::tcp_stream stream{io};
  beast::flat_buffer buffer;
  std::chrono::milliseconds timeout;

  void abort() { stream.socket().close(); }

  template <typename Message>
  beast::error_code write(Message& message) {
    bool done = false;
    beast::error_code error;
    stream.expires_after(timeout);
    bhttp::async_write(stream, message, [&](beast::error_code e, std::size_t) {
      error = e;
      done = true;
    });
    if (!drive(io, done, Clock::now() + timeout, [this] { abort(); })) {
      throw std::runtime_error("write timed out");
    }
    return error;
  }

  TestResponse read(bool head, const beast::error_code& write_error) {
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    parser.skip(head);
    bool done = false;
    beast::error_code error;
    stream.expires_after(timeout);
    bhttp::async_read(stream, buffer, parser, [&](beast::error_code e, std::size_t) {
      error = e;
      done = true;
    });
    if (!drive(io, done, Clock::now() + timeout, [this] { abort(); })) {
      throw std::runtime_error("read timed out");
    }
    // A server may answer early and stop reading; then the write fails but the answer counts.
    if (error)
      throw failure(write_error ? "write failed" : "read failed",
                    write_error ? write_error : error);
    auto& message = parser.get();
    return to_test_response(message.result_int(), message, std::move(message.body()));
  }
};

TestClient::TestClient(std::uint16_t port, std::chrono::milliseconds timeout)
    : impl_(std::make_unique<Impl>()) {
  impl_->timeout = timeout;
  impl_->stream.connect(local(port));
}

TestClient::~TestClient() = default;

TestResponse TestClient::request(std::string_view method, std::string_view target, std::string body,
                                 const TestHeaders& headers) {
  bhttp::request<bhttp::string_body> message;
  message.version(11);
  const auto verb = bhttp::string_to_verb({method.data(), method.size()});
  if (verb == bhttp::verb::unknown) {
    message.method_string({method.data(), method.size()});
  } else {
    message.method(verb);
  }
  message.target({target.data(), target.size()});
  message.set(bhttp::field::host, "127.0.0.1");
  for (const auto& [name, value] : headers) message.insert(name, value);
  message.body() = std::move(body);
  message.prepare_payload();
  const auto write_error = impl_->write(message);
  return impl_->read(verb == bhttp::verb::head, write_error);
}

TestResponse TestClient::raw(std::string_view bytes) {
  bool done = false;
  beast::error_code error;
  impl_->stream.expires_after(impl_->timeout);
  impl_->stream.async_write_some(asio::buffer(bytes.data(), bytes.size()),
                                 [&](beast::error_code e, std::size_t) {
                                   error = e;
                                   done = true;
                                 });
  if (!drive(impl_->io, done, Clock::now() + impl_->timeout, [this] { impl_->abort(); })) {
    throw std::runtime_error("write timed out");
  }
  return impl_->read(false, error);
}

bool TestClient::closed_by_server(std::chrono::milliseconds timeout) {
  char byte = 0;
  bool done = false;
  beast::error_code error;
  impl_->stream.expires_after(timeout);
  impl_->stream.async_read_some(asio::buffer(&byte, 1), [&](beast::error_code e, std::size_t) {
    error = e;
    done = true;
  });
  drive(impl_->io, done, Clock::now() + timeout + std::chrono::seconds(1),
        [this] { impl_->abort(); });
  return error && error != beast::error::timeout;
}

struct TestWebSocket::Impl {
  asio::io_context io;
  websocket::stream<beast::tcp_stream> ws{io};
  TestResponse handshake;
  beast::flat_buffer buffer;
  bool open = false;
  bool closed = false;
  bool reading = false;
  bool read_done = false;
  beast::error_code read_error;

  void abort() { beast::get_lowest_layer(ws).close(); }

  void start_read() {
    if (reading) return;
    reading = true;
    read_done = false;
    ws.async_read(buffer, [this](beast::error_code e, std::size_t) {
      read_error = e;
      reading = false;
      read_done = true;
    });
  }
};

TestWebSocket::TestWebSocket(std::uint16_t port, std::string_view target,
                             const TestHeaders& headers)
    : impl_(std::make_unique<Impl>()) {
  auto& ws = impl_->ws;
  beast::get_lowest_layer(ws).connect(local(port));
  ws.set_option(websocket::stream_base::decorator([headers](websocket::request_type& request) {
    for (const auto& [name, value] : headers) request.set(name, value);
  }));
  websocket::response_type response;
  bool done = false;
  beast::error_code error;
  beast::get_lowest_layer(ws).expires_after(kWebSocketTimeout);
  ws.async_handshake(response, "127.0.0.1", {target.data(), target.size()},
                     [&](beast::error_code e) {
                       error = e;
                       done = true;
                     });
  if (!drive(impl_->io, done, Clock::now() + kWebSocketTimeout, [this] { impl_->abort(); })) {
    throw std::runtime_error("websocket handshake timed out");
  }
  if (error && response.result_int() == 0) throw failure("websocket handshake failed", error);
  impl_->handshake = to_test_response(response.result_int(), response, response.body());
  impl_->open = !error;
  if (impl_->open) {
    beast::get_lowest_layer(ws).expires_never();
    ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
  }
}

TestWebSocket::~TestWebSocket() {
  impl_->abort();
  impl_->io.restart();
  impl_->io.run_for(std::chrono::seconds(1));
}

const TestResponse& TestWebSocket::handshake_response() const { return impl_->handshake; }

bool TestWebSocket::is_open() const { return impl_->open; }

bool TestWebSocket::closed() const { return impl_->closed; }

void TestWebSocket::send(std::string_view text) {
  if (!impl_->open) throw std::runtime_error("websocket is not open");
  bool done = false;
  beast::error_code error;
  impl_->ws.text(true);
  impl_->ws.async_write(asio::buffer(text.data(), text.size()),
                        [&](beast::error_code e, std::size_t) {
                          error = e;
                          done = true;
                        });
  if (!drive(impl_->io, done, Clock::now() + kWebSocketTimeout, [this] { impl_->abort(); })) {
    throw std::runtime_error("websocket send timed out");
  }
  if (error) throw failure("websocket send failed", error);
}

std::optional<std::string> TestWebSocket::receive(std::chrono::milliseconds timeout) {
  if (!impl_->open) return std::nullopt;
  impl_->start_read();
  // No abort on timeout: the read stays pending for the next call.
  const auto deadline = Clock::now() + timeout;
  impl_->io.restart();
  while (!impl_->read_done && Clock::now() < deadline) {
    impl_->io.run_one_for(deadline - Clock::now());
  }
  if (!impl_->read_done) return std::nullopt;
  impl_->read_done = false;
  if (impl_->read_error) {
    impl_->open = false;
    impl_->closed = true;
    return std::nullopt;
  }
  std::string text = beast::buffers_to_string(impl_->buffer.data());
  impl_->buffer.consume(impl_->buffer.size());
  return text;
}

void TestWebSocket::close(std::chrono::milliseconds timeout) {
  if (!impl_->open) return;
  bool done = false;
  beast::error_code error;
  impl_->ws.async_close(websocket::close_code::normal, [&](beast::error_code e) {
    error = e;
    done = true;
  });
  const auto deadline = Clock::now() + timeout;
  if (drive(impl_->io, done, deadline, [this] { impl_->abort(); }) && !error) {
    // The server's close frame arrives as the end of a read.
    impl_->start_read();
    drive(impl_->io, impl_->read_done, deadline, [this] { impl_->abort(); });
  }
  impl_->open = false;
  impl_->closed = true;
}

}  // namespace attune::http::test
