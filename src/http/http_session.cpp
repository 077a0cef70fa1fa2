#include "http/http_session.h"

#include <utility>  // before Asio: Boost 1.74's awaitable support needs it

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include "http/client_address.h"
#include "http/request_metrics.h"
#include "http/security_headers.h"
#include "http/websocket_session.h"

namespace attune::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using asio::ip::tcp;
using BeastRequest = bhttp::request<bhttp::string_body>;
using Clock = std::chrono::steady_clock;

// After an error response to a request we did not read to the end, keep reading (and
// discarding) for a while so the client can finish sending and see the response: closing
// with unread input would reset the connection and lose it.
constexpr std::size_t kDrainLimitBytes = 4 << 20;
constexpr std::chrono::seconds kDrainTime{2};
constexpr std::size_t kMaxLoggedPath = 200;

constexpr auto kAwait = asio::use_awaitable;

std::string_view view(beast::string_view text) { return {text.data(), text.size()}; }

// Paths come from the client: no control characters (forged log lines) and no huge lines.
std::string loggable(std::string_view path) {
  std::string out(path.substr(0, kMaxLoggedPath));
  std::ranges::replace_if(
      out, [](unsigned char c) { return c < 0x20 || c == 0x7f; }, '?');
  return out;
}

void log_request(std::string_view method, std::string_view path, int status,
                 Clock::time_point started) {
  const std::chrono::duration<double, std::milli> elapsed = Clock::now() - started;
  spdlog::info("{} {} {} {:.1f}ms", loggable(method), loggable(path), status, elapsed.count());
  request_metrics().record(method, path, status, elapsed.count() / 1000.0);
}

// What the log shows for a request's path: the route template the API handler matched, a
// static file's path as requested, and nothing of an API path no route fits (it may hold
// ids).
std::string_view logged_path(std::string_view path, const Response& response) {
  if (!response.log_path.empty()) return response.log_path;
  return is_api_path(path) ? std::string_view("(no route)") : path;
}

// The WebSocket routes, logged by their templates.
std::string_view logged_upgrade_path(std::string_view path) {
  constexpr std::string_view kLive = "/api/v1/practices/{}/live";
  constexpr std::string_view kNudges = "/api/v1/me/live";
  if (path == kNudges) return kNudges;
  return path.starts_with("/api/v1/practices/") && path.ends_with("/live")
             ? kLive
             : std::string_view("(no route)");
}

// The path of a request that was never decoded: a static file's as sent, an API path's not
// at all. The query string is never logged (it may carry a ticket).
std::string_view unread_path(const BeastRequest& message) {
  const std::string_view target = view(message.target());
  const std::string_view path = target.substr(0, target.find('?'));
  return is_api_path(path) ? std::string_view("(unreadable request)") : path;
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::ranges::transform(out, out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::optional<Request> to_request(BeastRequest& message, const std::string& peer,
                                  const ServerOptions& options) {
  const std::string_view target = view(message.target());
  if (!target.starts_with('/')) return std::nullopt;
  const auto question = target.find('?');
  auto path = decode_path(target.substr(0, question));
  if (!path) return std::nullopt;

  Request request;
  request.method = std::string(view(message.method_string()));
  request.path = std::move(*path);
  if (question != std::string_view::npos) request.query = target.substr(question + 1);
  for (const auto& field : message) {
    const std::string name = lowercase(view(field.name_string()));
    const std::string_view value = view(field.value());
    auto [it, inserted] = request.headers.try_emplace(name, value);
    if (!inserted) it->second.append(name == "cookie" ? "; " : ", ").append(value);
  }
  request.body = std::move(message.body());
  auto client =
      resolve_client_address(peer, request.header("x-forwarded-for"),
                             request.header("x-forwarded-proto"), options.trusted_proxies);
  request.client_address = std::move(client.address);
  request.secure = client.secure;
  return request;
}

bool has_body(int status) { return status >= 200 && status != 204 && status != 304; }

// A header value with a line break would let a handler's input split the response.
bool is_safe_header(std::string_view name, std::string_view value) {
  const auto breaks = [](char c) { return c == '\r' || c == '\n' || c == '\0'; };
  return !name.empty() && std::ranges::none_of(name, breaks) && std::ranges::none_of(value, breaks);
}

bhttp::response<bhttp::string_body> to_beast(Response response, unsigned version, bool keep_alive,
                                             bool head) {
  bhttp::response<bhttp::string_body> message;
  message.version(version);
  const bool valid_status = response.status >= 100 && response.status <= 599;
  message.result(static_cast<unsigned>(valid_status ? response.status : 500));
  if (!response.content_type.empty()) {
    message.set(bhttp::field::content_type, response.content_type);
  }
  for (const auto& [name, value] : response.headers) {
    if (is_safe_header(name, value)) {
      message.insert(name, value);
    } else {
      spdlog::warn("dropped a response header containing a line break");
    }
  }
  message.keep_alive(keep_alive);
  if (has_body(response.status)) {
    // HEAD: the length the body would have, without the body.
    const auto size = response.body.size();
    if (!head) message.body() = std::move(response.body);
    message.content_length(size);
  }
  return message;
}

// The error response for a failed read, or nullopt when the client just went away or idled.
std::optional<Response> response_for_read_error(const beast::error_code& error) {
  if (error == bhttp::error::header_limit) {
    return Response::error(431, "headers_too_large", "Request headers are too large");
  }
  if (error == bhttp::error::body_limit) {
    return Response::error(413, "body_too_large", "Request body is too large");
  }
  if (error == bhttp::error::end_of_stream || error == bhttp::error::partial_message) {
    return std::nullopt;
  }
  if (error.category() == make_error_code(bhttp::error::bad_target).category()) {
    return Response::error(400, "bad_request", "Malformed request");
  }
  return std::nullopt;
}

Response bad_request() { return Response::error(400, "bad_request", "Malformed request"); }

// Checked before the UpgradeHandler runs, so a request the handshake would refuse anyway
// does not use up a single-use ticket.
bool is_valid_handshake(const BeastRequest& message) {
  constexpr std::size_t kEncodedKeySize = 24;  // base64 of 16 random bytes
  return message[bhttp::field::sec_websocket_key].size() == kEncodedKeySize &&
         message[bhttp::field::sec_websocket_version] == "13";
}

bool expects_continue(const BeastRequest& message) {
  return beast::iequals(message[bhttp::field::expect], "100-continue");
}

class HttpSession final : public Session, public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(tcp::socket socket, std::shared_ptr<SharedState> state)
      : stream_(std::move(socket)), state_(std::move(state)) {
    beast::error_code error;
    const auto endpoint = stream_.socket().remote_endpoint(error);
    if (!error) peer_ = endpoint.address().to_string();
  }
  ~HttpSession() override { state_->remove(this); }

  asio::any_io_executor executor() { return stream_.get_executor(); }

  void shutdown() override {
    asio::post(executor(), [self = shared_from_this()] {
      self->stopping_ = true;
      if (self->idle_ && !self->upgraded_) self->stream_.cancel();
    });
  }

  void force_close() override {
    asio::post(executor(), [self = shared_from_this()] {
      self->stopping_ = true;
      beast::error_code ignored;
      if (!self->upgraded_) self->stream_.socket().close(ignored);
    });
  }

  static asio::awaitable<void> run(std::shared_ptr<HttpSession> self) {
    try {
      while (!self->stopping_ && co_await self->serve_one()) {
      }
    } catch (const std::exception& error) {
      spdlog::warn("http session failed: {}", error.what());
    }
    if (!self->upgraded_) {
      beast::error_code ignored;
      self->stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    }
  }

 private:
  const ServerOptions& options() const { return state_->options(); }

  // Reads and answers one request; false when the connection should end.
  asio::awaitable<bool> serve_one() {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(
        options().max_header_bytes, std::numeric_limits<std::uint32_t>::max())));
    // Also checks Content-Length as soon as the header is in, before any body is read.
    parser.body_limit(options().max_body_bytes);

    beast::error_code error;
    idle_ = true;
    stream_.expires_after(options().idle_timeout);
    co_await bhttp::async_read_header(stream_, buffer_, parser,
                                      asio::redirect_error(kAwait, error));
    idle_ = false;
    const auto started = Clock::now();
    if (error) {
      co_await reject_read(error, parser, started);
      co_return false;
    }
    if (beast::websocket::is_upgrade(parser.get())) {
      co_await upgrade(parser, started);
      co_return false;
    }
    if (expects_continue(parser.get()) && !co_await send_continue()) co_return false;
    stream_.expires_after(options().idle_timeout);
    co_await bhttp::async_read(stream_, buffer_, parser, asio::redirect_error(kAwait, error));
    if (error) {
      co_await reject_read(error, parser, started);
      co_return false;
    }
    co_return co_await respond(parser.release(), started);
  }

  asio::awaitable<bool> respond(BeastRequest message, Clock::time_point started) {
    const unsigned version = message.version();
    const bool head = message.method() == bhttp::verb::head;
    const bool wants_keep_alive = message.keep_alive();
    auto request = to_request(message, peer_, options());
    if (!request) {
      co_await write_error(bad_request(), version);
      log_request(view(message.method_string()), unread_path(message), 400, started);
      co_return false;
    }
    const std::string method = request->method;
    const std::string path = request->path;
    // A named task, not a lambda inside the co_await expression: g++ 12 destroys a closure
    // (any braced temporary) written there twice.
    WorkerPool& pool = state_->pool_for(method);
    auto task = [state = state_, request = std::move(*request)] { return state->respond(request); };
    Response response = co_await run_on(pool, std::move(task), kAwait);
    const bool keep_alive = wants_keep_alive && !stopping_;
    const int status = response.status;
    const std::string logged(logged_path(path, response));
    const bool written = co_await write(std::move(response), version, keep_alive, head);
    log_request(method, logged, status, started);
    const bool keep_going = written && keep_alive;
    co_return keep_going;
  }

  asio::awaitable<void> upgrade(bhttp::request_parser<bhttp::string_body>& parser,
                                Clock::time_point started) {
    // The bytes after an upgrade request belong to the WebSocket; a body would be read as
    // frames.
    const bool carries_body = parser.content_length().value_or(0) > 0 || parser.chunked();
    BeastRequest message = parser.release();
    auto request = carries_body || !is_valid_handshake(message)
                       ? std::nullopt
                       : to_request(message, peer_, options());
    if (!request) {
      co_await write_error(bad_request(), message.version());
      log_request(view(message.method_string()), unread_path(message), 400, started);
      co_return;
    }
    const std::string path = request->path;
    auto task = [state = state_, request = std::move(*request)] { return state->upgrade(request); };
    UpgradeOutcome outcome = co_await run_on(state_->pool(), std::move(task), kAwait);
    if (stopping_) outcome = Response::error(503, "busy", "The server is shutting down");
    if (auto* response = std::get_if<Response>(&outcome)) {
      const int status = response->status;
      co_await write(std::move(*response), message.version(), false, false);
      log_request("GET", logged_upgrade_path(path), status, started);
      co_return;
    }
    log_request("GET", logged_upgrade_path(path), 101, started);
    upgraded_ = true;
    start_websocket_session(std::move(stream_), std::move(message),
                            std::get<std::shared_ptr<live::ConnectionListener>>(outcome), state_);
  }

  asio::awaitable<bool> write(Response response, unsigned version, bool keep_alive, bool head) {
    auto message = to_beast(std::move(response), version, keep_alive, head);
    beast::error_code error;
    stream_.expires_after(options().idle_timeout);
    co_await bhttp::async_write(stream_, message, asio::redirect_error(kAwait, error));
    co_return !error;
  }

  asio::awaitable<bool> write_error(Response response, unsigned version) {
    apply_security_headers(response, true);
    co_return co_await write(std::move(response), version, false, false);
  }

  asio::awaitable<bool> send_continue() {
    bhttp::response<bhttp::empty_body> message{bhttp::status::continue_, 11};
    beast::error_code error;
    stream_.expires_after(options().idle_timeout);
    co_await bhttp::async_write(stream_, message, asio::redirect_error(kAwait, error));
    co_return !error;
  }

  // Answers a request that could not be read (too large, malformed), then closes.
  asio::awaitable<void> reject_read(const beast::error_code& read_error,
                                    const bhttp::request_parser<bhttp::string_body>& parser,
                                    Clock::time_point started) {
    auto response = response_for_read_error(read_error);
    if (!response) co_return;
    const int status = response->status;
    if (co_await write_error(std::move(*response), 11)) co_await drain();
    const bool known = parser.is_header_done();
    log_request(known ? view(parser.get().method_string()) : "-",
                known ? unread_path(parser.get()) : "-", status, started);
  }

  asio::awaitable<void> drain() {
    beast::error_code error;
    stream_.socket().shutdown(tcp::socket::shutdown_send, error);
    stream_.expires_after(kDrainTime);  // one deadline for the whole drain
    std::size_t drained = buffer_.size();
    buffer_.consume(buffer_.size());
    std::array<char, 16 * 1024> scratch;
    while (!error && drained < kDrainLimitBytes) {
      drained += co_await stream_.async_read_some(asio::buffer(scratch),
                                                  asio::redirect_error(kAwait, error));
    }
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::shared_ptr<SharedState> state_;
  std::string peer_;
  bool idle_ = false;      // waiting for the next request: shutdown may close right away
  bool stopping_ = false;  // finish the current request, then close
  bool upgraded_ = false;  // stream_ now belongs to a WebSocket session
};

}  // namespace

void start_http_session(tcp::socket socket, std::shared_ptr<SharedState> state) {
  auto session = std::make_shared<HttpSession>(std::move(socket), state);
  // Shutting down: dropping the session closes the socket.
  if (!state->add(session.get(), session)) return;
  asio::co_spawn(session->executor(), HttpSession::run(session), asio::detached);
}

}  // namespace attune::http
