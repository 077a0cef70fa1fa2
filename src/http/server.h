// The HTTP/1.1 + WebSocket server: one port for the API, the live WebSocket and the web
// client's files. Boost stays behind a pimpl so callers compile without it.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "http/request.h"
#include "http/response.h"
#include "live/connection.h"

namespace attune::http {

// Runs on a worker pool and may block (store calls, password hashing). Called for every
// request whose path is the API's (see is_api_path) and that is not a WebSocket upgrade.
using Handler = std::function<Response(const Request&)>;

// Runs on the worker pool for a WebSocket upgrade request, before the upgrade: a listener lets
// the upgrade proceed; a Response (401, 403, 404...) is sent instead. The Connection the
// listener gets may be kept after on_close, even past the Server: its send() and close() then
// do nothing.
using UpgradeHandler =
    std::function<std::variant<std::shared_ptr<live::ConnectionListener>, Response>(
        const Request&)>;

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;  // 0 = pick a free port
  int io_threads = 1;
  int worker_threads = 4;
  // Requests that may change something (every method but GET and HEAD) run on a pool of
  // their own: a write waits for the durable commit of the batch holding it (an fsync, or
  // a round trip to PostgreSQL), so many wait at once, their work joins one batch, and a
  // read never queues behind them.
  int write_threads = 32;                // as many as SQLite's group commit puts in one batch
  std::size_t max_body_bytes = 1 << 20;  // over it: 413 body_too_large, handler never called
  std::size_t max_header_bytes = 16 * 1024;
  std::string static_dir;                    // web/dist; "" = no static files
  std::vector<std::string> trusted_proxies;  // peers whose X-Forwarded-For/-Proto are believed
  std::size_t websocket_queue_limit = 64;    // queued outgoing messages before a drop
  std::chrono::seconds idle_timeout{30};
  std::chrono::seconds websocket_ping_interval{20};
};

// Binds in the constructor (throws std::system_error if it cannot), serves while run() runs.
// stop(), post() and post_after() are thread-safe; run() is called once.
class Server {
 public:
  Server(ServerOptions options, Handler handler, UpgradeHandler upgrade_handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  std::uint16_t port() const;  // the bound port

  // Blocks until stop() or SIGTERM/SIGINT; then stops accepting, lets in-flight requests
  // finish (up to about 5 s), closes WebSockets and returns.
  void run();
  void stop();

  // Runs fn on an I/O thread (for the live layer's fan-out and timers). fn must not block.
  // Work posted before run() waits for it; work still pending when run() returns never runs.
  void post(std::function<void()> fn);
  void post_after(std::chrono::milliseconds delay, std::function<void()> fn);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace attune::http
