// What all sessions of one server share: options, the handlers, the worker pool, and the
// registry of open sessions that a graceful shutdown walks. No Beast here.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <variant>
#include <vector>

#include "http/server.h"
#include "http/static_files.h"
#include "http/worker_pool.h"

namespace attune::http {

// An open connection as shutdown sees it. Both calls are thread-safe (they post to the
// session's strand).
class Session {
 public:
  virtual ~Session() = default;
  // Finish what is in flight, then close: an idle HTTP connection closes now, a WebSocket
  // starts its closing handshake.
  virtual void shutdown() = 0;
  // Close the socket now.
  virtual void force_close() = 0;
};

using UpgradeOutcome = std::variant<std::shared_ptr<live::ConnectionListener>, Response>;

class SharedState {
 public:
  SharedState(ServerOptions options, Handler handler, UpgradeHandler upgrade_handler,
              WorkerPool& pool, WorkerPool& write_pool);

  const ServerOptions& options() const { return options_; }
  WorkerPool& pool() { return pool_; }
  // The write pool for a method that may change something (ServerOptions::write_threads).
  WorkerPool& pool_for(std::string_view method) {
    return method == "GET" || method == "HEAD" ? pool_ : write_pool_;
  }

  // Both run on the worker pool. They never throw: a failing handler becomes a 500, and every
  // Response they return carries the security headers.
  Response respond(const Request& request) const;
  UpgradeOutcome upgrade(const Request& request) const;

  // Registers a session until remove(). Returns false once shutdown has begun: the caller
  // must then shut the session down itself.
  bool add(Session* session, std::weak_ptr<Session> handle);
  void remove(Session* session);

  bool stopping() const;
  void shutdown_sessions();     // marks stopping, asks every session to shut down
  void force_close_sessions();  // closes every remaining socket
  // True once no session is left, false if the timeout passed first.
  bool wait_until_empty(std::chrono::steady_clock::duration timeout);

 private:
  std::vector<std::shared_ptr<Session>> live_sessions();

  const ServerOptions options_;
  const Handler handler_;
  const UpgradeHandler upgrade_handler_;
  const StaticFiles static_files_;
  WorkerPool& pool_;
  WorkerPool& write_pool_;

  mutable std::mutex mutex_;
  std::condition_variable emptied_;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions_;
  bool stopping_ = false;
};

}  // namespace attune::http
