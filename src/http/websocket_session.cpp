#include "http/websocket_session.h"

#include <chrono>
#include <deque>
#include <optional>
#include <string>

#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket.hpp>

namespace attune::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using BeastRequest = beast::http::request<beast::http::string_body>;

constexpr std::size_t kMaxMessageBytes = 64 * 1024;
// How long a peer gets to answer our close frame before the socket is simply closed.
constexpr std::chrono::seconds kCloseGrace{5};
constexpr std::chrono::seconds kShutdownGrace{1};

constexpr auto kAwait = asio::use_awaitable;

class WebSocketSession;

// What the live layer holds. It may outlive the session and even the server (whose I/O
// context the session must be destroyed with), so it refers to the session weakly: once the
// session is gone, send() and close() do nothing.
class ConnectionHandle final : public live::Connection {
 public:
  explicit ConnectionHandle(const std::shared_ptr<WebSocketSession>& session) : session_(session) {}
  void send(std::string text) override;
  void close() override;

 private:
  std::weak_ptr<WebSocketSession> session_;
};

class WebSocketSession final : public Session,
                               public std::enable_shared_from_this<WebSocketSession> {
 public:
  WebSocketSession(beast::tcp_stream stream, std::shared_ptr<live::ConnectionListener> listener,
                   std::shared_ptr<SharedState> state)
      : ws_(std::move(stream)),
        executor_(ws_.get_executor()),
        listener_(std::move(listener)),
        state_(std::move(state)),
        wake_(executor_),
        close_deadline_(executor_) {}

  // Normally finish() has run; this covers an I/O context destroyed with the session
  // suspended, so on_close still comes exactly once.
  ~WebSocketSession() override {
    state_->remove(this);
    notify_closed();
  }

  const asio::any_io_executor& executor() const { return executor_; }

  void send(std::string text) {
    asio::post(executor_, [self = shared_from_this(), text = std::move(text)]() mutable {
      self->enqueue(std::move(text));
    });
  }

  void close() {
    asio::post(executor_, [self = shared_from_this()] {
      self->begin_close(websocket::close_code::normal, kCloseGrace);
    });
  }

  void shutdown() override {
    asio::post(executor_, [self = shared_from_this()] {
      self->begin_close(websocket::close_code::going_away, kShutdownGrace);
    });
  }

  void force_close() override {
    asio::post(executor_, [self = shared_from_this()] { self->tear_down(); });
  }

  static asio::awaitable<void> run(std::shared_ptr<WebSocketSession> self, BeastRequest request) {
    auto timeouts = websocket::stream_base::timeout::suggested(beast::role_type::server);
    // Beast pings after half the idle time without input and gives up after the whole.
    timeouts.idle_timeout = 2 * self->state_->options().websocket_ping_interval;
    beast::get_lowest_layer(self->ws_).expires_never();  // the WebSocket timeouts take over
    self->ws_.set_option(timeouts);
    self->ws_.read_message_max(kMaxMessageBytes);

    beast::error_code error;
    co_await self->ws_.async_accept(request, asio::redirect_error(kAwait, error));
    if (error) {
      self->finished_ = true;
      self->tear_down();
      self->state_->remove(self.get());
      co_return;
    }
    self->open_ = true;
    self->guarded([&] { self->listener_->on_open(std::make_shared<ConnectionHandle>(self)); });
    asio::co_spawn(self->executor_, write_loop(self), asio::detached);
    co_await self->read_loop();
    self->finish();
  }

 private:
  asio::awaitable<void> read_loop() {
    beast::flat_buffer buffer;
    for (;;) {
      beast::error_code error;
      co_await ws_.async_read(buffer, asio::redirect_error(kAwait, error));
      // Oversized messages end here too: Beast has already sent close code 1009.
      if (error) break;
      if (!ws_.got_text()) {
        begin_close(websocket::close_code::unknown_data, kCloseGrace);
      } else if (!close_code_) {
        std::string text = beast::buffers_to_string(buffer.data());
        guarded([&] { listener_->on_message(std::move(text)); });
      }
      buffer.consume(buffer.size());
    }
  }

  // The single writer: one message at a time from the queue; once the queue is empty and a
  // close was asked for, the close frame.
  static asio::awaitable<void> write_loop(std::shared_ptr<WebSocketSession> self) {
    beast::error_code error;
    while (!self->finished_ && !self->torn_down_) {
      if (!self->queue_.empty()) {
        const std::string message = std::move(self->queue_.front());
        self->queue_.pop_front();
        self->ws_.text(true);
        co_await self->ws_.async_write(asio::buffer(message), asio::redirect_error(kAwait, error));
        if (error) break;
      } else if (self->close_code_) {
        // The reader keeps reading until the peer's answer, or the deadline tears down.
        co_await self->ws_.async_close(*self->close_code_, asio::redirect_error(kAwait, error));
        break;
      } else {
        self->wake_.expires_at(asio::steady_timer::time_point::max());
        co_await self->wake_.async_wait(asio::redirect_error(kAwait, error));
        error.clear();  // woken by cancel(): look at the queue again
      }
    }
    if (error) self->tear_down();
  }

  void enqueue(std::string text) {
    if (finished_ || torn_down_ || close_code_) return;
    queue_.push_back(std::move(text));
    if (queue_.size() > state_->options().websocket_queue_limit) {
      // A client that does not read must not hold memory or delay anyone else.
      spdlog::warn("websocket dropped: outgoing queue full");
      tear_down();
      return;
    }
    wake_.cancel();
  }

  void begin_close(websocket::close_code code, std::chrono::seconds grace) {
    if (finished_ || torn_down_ || close_code_) return;
    close_code_ = code;
    wake_.cancel();
    close_deadline_.expires_after(grace);
    close_deadline_.async_wait([self = shared_from_this()](const beast::error_code& error) {
      if (!error) self->tear_down();
    });
  }

  // Closes the socket: every pending read and write ends with an error.
  void tear_down() {
    if (torn_down_) return;
    torn_down_ = true;
    queue_.clear();
    wake_.cancel();
    beast::get_lowest_layer(ws_).close();
  }

  // The reader has ended: the connection is over whoever still holds a reference to it.
  void finish() {
    finished_ = true;
    tear_down();
    close_deadline_.cancel();
    state_->remove(this);
    notify_closed();
  }

  void notify_closed() {
    if (!open_ || close_notified_) return;
    close_notified_ = true;
    guarded([&] { listener_->on_close(); });
    // The listener usually holds this connection: let go of it to break the cycle.
    listener_.reset();
  }

  // A throwing listener is a bug in the live layer; it costs this connection, not the server.
  template <typename Fn>
  void guarded(Fn fn) {
    try {
      fn();
    } catch (const std::exception& error) {
      spdlog::error("websocket listener failed: {}", error.what());
      begin_close(websocket::close_code::internal_error, kCloseGrace);
    }
  }

  websocket::stream<beast::tcp_stream> ws_;
  const asio::any_io_executor executor_;  // the connection's strand
  std::shared_ptr<live::ConnectionListener> listener_;
  std::shared_ptr<SharedState> state_;
  std::deque<std::string> queue_;
  asio::steady_timer wake_;  // the writer sleeps on it while the queue is empty
  asio::steady_timer close_deadline_;
  std::optional<websocket::close_code> close_code_;  // a close was asked for
  bool open_ = false;                                // the handshake succeeded
  bool finished_ = false;                            // the reader has ended
  bool torn_down_ = false;                           // the socket is closed
  bool close_notified_ = false;                      // on_close has been called
};

void ConnectionHandle::send(std::string text) {
  if (auto session = session_.lock()) session->send(std::move(text));
}

void ConnectionHandle::close() {
  if (auto session = session_.lock()) session->close();
}

}  // namespace

void start_websocket_session(beast::tcp_stream stream, BeastRequest request,
                             std::shared_ptr<live::ConnectionListener> listener,
                             std::shared_ptr<SharedState> state) {
  auto session = std::make_shared<WebSocketSession>(std::move(stream), std::move(listener), state);
  if (!state->add(session.get(), session)) session->shutdown();
  asio::co_spawn(session->executor(), WebSocketSession::run(session, std::move(request)),
                 asio::detached);
}

}  // namespace attune::http
