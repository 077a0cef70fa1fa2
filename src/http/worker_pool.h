// The worker threads that run blocking work (API handlers, store calls, password hashing, file
// reads) so the I/O threads never wait, and run_on(), which brings the result back to the
// caller's executor — for a coroutine, its own strand.
#pragma once

#include <utility>  // before Asio: Boost 1.74's awaitable support needs it

#include <exception>
#include <type_traits>

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/execution/outstanding_work.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

namespace attune::http {

class WorkerPool {
 public:
  explicit WorkerPool(int threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  boost::asio::thread_pool::executor_type executor() { return pool_.get_executor(); }
  // Waits for the tasks already queued; idempotent.
  void join();

 private:
  boost::asio::thread_pool pool_;
};

// Runs fn() on the pool and completes with (exception, result) on the completion handler's
// associated executor. With use_awaitable, `co_await run_on(pool, fn, use_awaitable)` resumes
// on the awaiting coroutine's strand (co_await post(pool) would resume on a pool thread) and
// rethrows what fn threw. Pass fn as a named variable: g++ 12 destroys a lambda (or any
// braced temporary) written inside a co_await expression twice.
template <typename Fn, typename CompletionToken>
auto run_on(WorkerPool& pool, Fn fn, CompletionToken&& token) {
  using Result = std::invoke_result_t<Fn&>;
  static_assert(std::is_default_constructible_v<Result>, "run_on needs a default result");
  auto initiation = [](auto handler, boost::asio::thread_pool::executor_type pool_executor,
                       Fn task) {
    // Tracked, so the caller's io_context does not run out of work while the task runs.
    auto caller = boost::asio::prefer(boost::asio::get_associated_executor(handler),
                                      boost::asio::execution::outstanding_work.tracked);
    boost::asio::post(pool_executor, [handler = std::move(handler), caller = std::move(caller),
                                      task = std::move(task)]() mutable {
      std::exception_ptr error;
      Result result{};
      try {
        result = task();
      } catch (...) {
        error = std::current_exception();
      }
      boost::asio::post(
          caller, [handler = std::move(handler), error, result = std::move(result)]() mutable {
            std::move(handler)(error, std::move(result));
          });
    });
  };
  return boost::asio::async_initiate<CompletionToken, void(std::exception_ptr, Result)>(
      std::move(initiation), token, pool.executor(), std::move(fn));
}

}  // namespace attune::http
