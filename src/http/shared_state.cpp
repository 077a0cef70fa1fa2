#include "http/shared_state.h"

#include <spdlog/spdlog.h>

#include "http/security_headers.h"

namespace attune::http {
namespace {

Response internal_error(const char* what) {
  // The message may come from deep inside a store; it goes to the log, not to the client.
  spdlog::error("handler failed: {}", what);
  return Response::error(500, "internal", "Internal error");
}

}  // namespace

SharedState::SharedState(ServerOptions options, Handler handler, UpgradeHandler upgrade_handler,
                         WorkerPool& pool, WorkerPool& write_pool)
    : options_(std::move(options)),
      handler_(std::move(handler)),
      upgrade_handler_(std::move(upgrade_handler)),
      static_files_(options_.static_dir),
      pool_(pool),
      write_pool_(write_pool) {}

Response SharedState::respond(const Request& request) const {
  const bool api = is_api_path(request.path);
  Response response;
  try {
    if (!api) {
      response = static_files_.serve(request);
    } else if (handler_) {
      response = handler_(request);
    } else {
      response = Response::error(404, "not_found", "Not found");
    }
  } catch (const std::exception& error) {
    response = internal_error(error.what());
  } catch (...) {
    response = internal_error("unknown exception");
  }
  apply_security_headers(response, api);
  return response;
}

UpgradeOutcome SharedState::upgrade(const Request& request) const {
  UpgradeOutcome outcome = Response::error(404, "not_found", "Not found");
  try {
    if (upgrade_handler_) outcome = upgrade_handler_(request);
  } catch (const std::exception& error) {
    outcome = internal_error(error.what());
  } catch (...) {
    outcome = internal_error("unknown exception");
  }
  if (auto* listener = std::get_if<std::shared_ptr<live::ConnectionListener>>(&outcome);
      listener && !*listener) {
    outcome = internal_error("upgrade handler returned no listener");
  }
  if (auto* response = std::get_if<Response>(&outcome)) apply_security_headers(*response, true);
  return outcome;
}

bool SharedState::add(Session* session, std::weak_ptr<Session> handle) {
  std::lock_guard lock(mutex_);
  sessions_.emplace(session, std::move(handle));
  return !stopping_;
}

void SharedState::remove(Session* session) {
  std::lock_guard lock(mutex_);
  sessions_.erase(session);
  if (sessions_.empty()) emptied_.notify_all();
}

bool SharedState::stopping() const {
  std::lock_guard lock(mutex_);
  return stopping_;
}

std::vector<std::shared_ptr<Session>> SharedState::live_sessions() {
  std::lock_guard lock(mutex_);
  std::vector<std::shared_ptr<Session>> live;
  for (const auto& [raw, handle] : sessions_) {
    if (auto session = handle.lock()) live.push_back(std::move(session));
  }
  return live;
}

void SharedState::shutdown_sessions() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  // Called outside the lock: dropping the last reference may run a destructor that calls
  // remove().
  for (const auto& session : live_sessions()) session->shutdown();
}

void SharedState::force_close_sessions() {
  for (const auto& session : live_sessions()) session->force_close();
}

bool SharedState::wait_until_empty(std::chrono::steady_clock::duration timeout) {
  std::unique_lock lock(mutex_);
  return emptied_.wait_for(lock, timeout, [&] { return sessions_.empty(); });
}

}  // namespace attune::http
