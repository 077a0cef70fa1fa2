#include "http/server.h"

#include <utility>  // before Asio: Boost 1.74's awaitable support needs it

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include "http/listener.h"
#include "http/shared_state.h"
#include "http/worker_pool.h"

namespace attune::http {
namespace {

namespace asio = boost::asio;

// How long in-flight requests get to finish at shutdown, and then how long closing the
// stragglers' sockets may take.
constexpr std::chrono::seconds kDrainGrace{5};
constexpr std::chrono::seconds kForceGrace{1};

}  // namespace

struct Server::Impl {
  Impl(ServerOptions options, Handler handler, UpgradeHandler upgrade_handler)
      : io(std::max(options.io_threads, 1)),
        pool(options.worker_threads),
        write_pool(options.write_threads),
        state(std::make_shared<SharedState>(std::move(options), std::move(handler),
                                            std::move(upgrade_handler), pool, write_pool)),
        listener(
            std::make_shared<Listener>(io, state->options().host, state->options().port, state)) {}

  void request_stop() {
    std::lock_guard lock(mutex);
    stop_requested = true;
    stop_changed.notify_all();
  }

  void wait_for_stop() {
    std::unique_lock lock(mutex);
    stop_changed.wait(lock, [&] { return stop_requested; });
  }

  void start_io_threads() {
    for (int i = 0; i < std::max(state->options().io_threads, 1); ++i) {
      io_threads.emplace_back([this] { io.run(); });
    }
  }

  void join_io_threads() {
    for (auto& thread : io_threads) {
      if (thread.joinable()) thread.join();
    }
    io_threads.clear();
  }

  // Declared first so it is destroyed last: sessions, timers and pool results refer to it.
  asio::io_context io;
  asio::executor_work_guard<asio::io_context::executor_type> work{io.get_executor()};
  WorkerPool pool;
  WorkerPool write_pool;
  std::shared_ptr<SharedState> state;
  std::shared_ptr<Listener> listener;
  std::vector<std::thread> io_threads;

  std::mutex mutex;
  std::condition_variable stop_changed;
  bool stop_requested = false;
};

Server::Server(ServerOptions options, Handler handler, UpgradeHandler upgrade_handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler),
                                   std::move(upgrade_handler))) {}

Server::~Server() {
  impl_->request_stop();
  impl_->io.stop();
  impl_->join_io_threads();
  impl_->pool.join();
  impl_->write_pool.join();
}

std::uint16_t Server::port() const { return impl_->listener->port(); }

void Server::run() {
  Impl& impl = *impl_;
  asio::signal_set signals(impl.io, SIGINT, SIGTERM);
  signals.async_wait([&impl](const boost::system::error_code& error, int signal) {
    if (error) return;
    spdlog::info("signal {} received, shutting down", signal);
    impl.request_stop();
  });
  spdlog::info("listening on {}:{}", impl.state->options().host, port());
  impl.listener->start();
  impl.start_io_threads();

  impl.wait_for_stop();
  impl.listener->stop();
  impl.state->shutdown_sessions();
  if (!impl.state->wait_until_empty(kDrainGrace)) {
    spdlog::warn("requests still in flight after {}s; closing them", kDrainGrace.count());
    impl.state->force_close_sessions();
    impl.state->wait_until_empty(kForceGrace);
  }
  impl.work.reset();
  impl.io.stop();
  impl.join_io_threads();
  spdlog::info("stopped");
}

void Server::stop() { impl_->request_stop(); }

void Server::post(std::function<void()> fn) { asio::post(impl_->io, std::move(fn)); }

void Server::post_after(std::chrono::milliseconds delay, std::function<void()> fn) {
  auto timer = std::make_shared<asio::steady_timer>(impl_->io, delay);
  timer->async_wait([timer, fn = std::move(fn)](const boost::system::error_code& error) {
    if (!error) fn();
  });
}

}  // namespace attune::http
