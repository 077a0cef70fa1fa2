#include "store/postgres/notification_listener.h"

#include <fcntl.h>
#include <libpq-fe.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <memory>
#include <system_error>

namespace attune::store::postgres {
namespace {

// Bounds a connection attempt and the LISTEN itself; a silent server after that is found
// by TCP keepalives.
constexpr auto kStepTimeout = std::chrono::seconds(10);

enum class Wait { kReady, kWoken, kTimedOut };

// Waits for `events` on `fd` (none when fd < 0) or a byte on the wake pipe.
Wait wait_for(int fd, short events, int wake_fd, std::chrono::milliseconds timeout) {
  pollfd fds[2] = {{wake_fd, POLLIN, 0}, {fd, events, 0}};
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    const int ready =
        ::poll(fds, fd >= 0 ? 2 : 1, static_cast<int>(std::max<std::int64_t>(0, left.count())));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) return Wait::kTimedOut;
    if (fds[0].revents != 0) return Wait::kWoken;
    // A poll error on the socket also counts as ready: libpq then reports what went wrong.
    return Wait::kReady;
  }
}

// libpq's messages span lines ("server closed the connection unexpectedly\n\tThis
// probably means..."); a log line wants one.
std::string one_line(const std::string& text) {
  std::string line;
  for (const char c : text) {
    const bool space = c == '\n' || c == '\t' || c == ' ';
    if (space && (line.empty() || line.back() == ' ')) continue;
    line.push_back(space ? ' ' : c);
  }
  if (!line.empty() && line.back() == ' ') line.pop_back();
  return line.empty() ? "connection lost" : line;
}

std::string error_of(const PGconn* connection) {
  return one_line(connection ? PQerrorMessage(connection) : "out of memory");
}

// The server's goodbye ("terminating connection due to administrator command") arrives as
// a notice on an idle connection; the listener reports the loss itself.
void ignore_notice(void*, const char*) {}

struct Finish {
  void operator()(PGconn* connection) const { PQfinish(connection); }
};
using ConnectionPtr = std::unique_ptr<PGconn, Finish>;

// The non-blocking libpq calls of one listening connection, each giving up when woken.
class Session {
 public:
  enum class Outcome { kDone, kFailed, kStopping };

  Session(const std::string& url, int wake_fd) : wake_fd_(wake_fd) {
    const char* keys[] = {"dbname",
                          "fallback_application_name",
                          "keepalives",
                          "keepalives_idle",
                          "keepalives_interval",
                          "keepalives_count",
                          nullptr};
    const char* values[] = {url.c_str(), "attune-listen", "1", "30", "10", "3", nullptr};
    connection_.reset(PQconnectStartParams(keys, values, /*expand_dbname=*/1));
    if (connection_) PQsetNoticeProcessor(connection_.get(), ignore_notice, nullptr);
  }

  const std::string& reason() const { return reason_; }

  Outcome connect() {
    if (!connection_ || PQstatus(connection_.get()) == CONNECTION_BAD) return failed();
    // Before the first poll, libpq wants the socket to become writable.
    PostgresPollingStatusType status = PGRES_POLLING_WRITING;
    const auto deadline = std::chrono::steady_clock::now() + kStepTimeout;
    while (status != PGRES_POLLING_OK) {
      if (status == PGRES_POLLING_FAILED) return failed();
      const short events = status == PGRES_POLLING_READING ? POLLIN : POLLOUT;
      if (auto outcome = await(events, deadline); outcome != Outcome::kDone) return outcome;
      status = PQconnectPoll(connection_.get());
    }
    return Outcome::kDone;
  }

  Outcome listen(const std::string& channel) {
    char* quoted = PQescapeIdentifier(connection_.get(), channel.data(), channel.size());
    if (quoted == nullptr) return failed();
    const std::string sql = "LISTEN " + std::string(quoted);
    PQfreemem(quoted);
    if (PQsendQuery(connection_.get(), sql.c_str()) == 0) return failed();
    const auto deadline = std::chrono::steady_clock::now() + kStepTimeout;
    bool ok = true;
    while (true) {
      while (PQisBusy(connection_.get()) != 0) {
        if (auto outcome = await(POLLIN, deadline); outcome != Outcome::kDone) return outcome;
        if (PQconsumeInput(connection_.get()) == 0) return failed();
      }
      PGresult* result = PQgetResult(connection_.get());
      if (result == nullptr) break;
      if (PQresultStatus(result) != PGRES_COMMAND_OK) {
        ok = false;
        reason_ = one_line(PQresultErrorMessage(result));
      }
      PQclear(result);
    }
    return ok ? Outcome::kDone : Outcome::kFailed;
  }

  // Hands every notification to `notified` until the connection is lost or we are woken.
  Outcome deliver(const std::function<void(std::string)>& notified) {
    while (true) {
      while (PGnotify* notification = PQnotifies(connection_.get())) {
        std::string payload = notification->extra;
        PQfreemem(notification);
        notified(std::move(payload));
      }
      const int socket = PQsocket(connection_.get());
      if (socket < 0) return failed();
      if (wait_for(socket, POLLIN, wake_fd_, std::chrono::hours(24)) == Wait::kWoken) {
        return Outcome::kStopping;
      }
      if (PQconsumeInput(connection_.get()) == 0 || PQstatus(connection_.get()) == CONNECTION_BAD) {
        return failed();
      }
    }
  }

 private:
  Outcome await(short events, std::chrono::steady_clock::time_point deadline) {
    const int socket = PQsocket(connection_.get());
    if (socket < 0) return failed();
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    switch (wait_for(socket, events, wake_fd_, left)) {
      case Wait::kWoken:
        return Outcome::kStopping;
      case Wait::kTimedOut:
        reason_ = "timed out";
        return Outcome::kFailed;
      case Wait::kReady:
        break;
    }
    return Outcome::kDone;
  }

  Outcome failed() {
    reason_ = error_of(connection_.get());
    return Outcome::kFailed;
  }

  int wake_fd_;
  ConnectionPtr connection_;
  std::string reason_;
};

}  // namespace

NotificationListener::NotificationListener(std::string url, std::string channel, Handlers handlers)
    : url_(std::move(url)), channel_(std::move(channel)), handlers_(std::move(handlers)) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    throw std::system_error(errno, std::generic_category(), "pipe2 for the notification listener");
  }
  wake_read_ = fds[0];
  wake_write_ = fds[1];
  thread_ = std::thread([this] { run(); });
}

NotificationListener::~NotificationListener() {
  const char byte = 0;
  // The read end stays readable from now on, so every later wait returns at once too.
  while (::write(wake_write_, &byte, 1) < 0 && errno == EINTR) {
  }
  thread_.join();
  ::close(wake_read_);
  ::close(wake_write_);
}

void NotificationListener::run() {
  auto delay = kFirstRetry;
  while (true) {
    std::string reason;
    bool listened = false;
    if (!listen_until_lost(reason, listened)) return;
    if (listened) delay = kFirstRetry;
    handlers_.lost(reason, delay);
    if (!wait_to_retry(delay)) return;
    delay = std::min(delay * 2, kMaxRetry);
  }
}

bool NotificationListener::listen_until_lost(std::string& reason, bool& listened) {
  using Outcome = Session::Outcome;
  Session session(url_, wake_read_);
  Outcome outcome = session.connect();
  if (outcome == Outcome::kDone) outcome = session.listen(channel_);
  if (outcome == Outcome::kDone) {
    listened = true;
    listening_ = true;
    handlers_.listening();
    outcome = session.deliver(handlers_.notified);
    listening_ = false;
  }
  reason = session.reason();
  return outcome != Outcome::kStopping;
}

bool NotificationListener::wait_to_retry(std::chrono::milliseconds delay) const {
  return wait_for(-1, 0, wake_read_, delay) != Wait::kWoken;
}

}  // namespace attune::store::postgres
