// bare_beast: the ceiling for attune's HTTP numbers. A Boost.Beast HTTP/1.1 server with
// attune's threading shape (src/http: one I/O thread, a strand per connection, each request
// handed to a worker pool and its answer brought back to the strand) that answers every
// request, whatever its method or path, with one small fixed JSON body. Nothing else: no
// routing, no headers beyond the necessary, no store, so the distance between this server
// and attune under the same wrk command is what attune does per request.
//   bare_beast [--host H] [--port P] [--io-threads 1] [--workers 4]
#include <utility>  // before Asio's awaitable.hpp, which Boost 1.74 needs

#include <CLI/CLI.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/execution/outstanding_work.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::ip::tcp;

constexpr auto kAwait = asio::use_awaitable;
constexpr std::chrono::seconds kIdleTimeout{30};  // attune's default
constexpr std::size_t kMaxBodyBytes = 1 << 20;    // attune's limit, so big bodies cost the same
constexpr const char* kBody = R"({"status":"ok"})";

struct Options {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;
  int io_threads = 1;  // attune serve's value
  int workers = 4;     // attune serve's default worker_threads; 0 answers on the I/O thread
};

// Makes the body on a pool thread and resumes the caller on its own executor (its strand),
// the round trip attune's run_on makes for every API request.
template <typename CompletionToken>
auto body_from_pool(asio::thread_pool& pool, CompletionToken&& token) {
  auto initiation = [](auto handler, asio::thread_pool::executor_type pool_executor) {
    auto caller = asio::prefer(asio::get_associated_executor(handler),
                               asio::execution::outstanding_work.tracked);
    asio::post(pool_executor, [handler = std::move(handler), caller = std::move(caller)]() mutable {
      std::string body(kBody);
      asio::post(caller, [handler = std::move(handler), body = std::move(body)]() mutable {
        std::move(handler)(std::move(body));
      });
    });
  };
  return asio::async_initiate<CompletionToken, void(std::string)>(std::move(initiation), token,
                                                                  pool.get_executor());
}

asio::awaitable<std::string> make_body(asio::thread_pool* pool) {
  if (pool == nullptr) co_return std::string(kBody);
  co_return co_await body_from_pool(*pool, kAwait);
}

asio::awaitable<void> serve(tcp::socket socket, asio::thread_pool* pool) {
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  beast::error_code error;
  for (;;) {
    http::request_parser<http::string_body> parser;
    parser.body_limit(kMaxBodyBytes);
    stream.expires_after(kIdleTimeout);
    co_await http::async_read(stream, buffer, parser, asio::redirect_error(kAwait, error));
    if (error) break;
    const auto& request = parser.get();
    http::response<http::string_body> response{http::status::ok, request.version()};
    response.set(http::field::content_type, "application/json");
    response.keep_alive(request.keep_alive());
    response.body() = co_await make_body(pool);
    response.prepare_payload();
    co_await http::async_write(stream, response, asio::redirect_error(kAwait, error));
    if (error || !response.keep_alive()) break;
  }
  stream.socket().shutdown(tcp::socket::shutdown_send, error);
}

asio::awaitable<void> accept_loop(tcp::acceptor* acceptor, asio::io_context* io,
                                  asio::thread_pool* pool) {
  for (;;) {
    boost::system::error_code error;
    tcp::socket socket = co_await acceptor->async_accept(asio::make_strand(*io),
                                                         asio::redirect_error(kAwait, error));
    if (error == asio::error::operation_aborted) co_return;
    if (error) continue;  // e.g. out of file descriptors for a moment
    auto executor = socket.get_executor();
    asio::co_spawn(executor, serve(std::move(socket), pool), asio::detached);
  }
}

int run(const Options& options) {
  asio::io_context io(options.io_threads);
  std::optional<asio::thread_pool> pool;
  if (options.workers > 0) pool.emplace(static_cast<std::size_t>(options.workers));
  tcp::acceptor acceptor(asio::make_strand(io),
                         tcp::endpoint(asio::ip::make_address(options.host), options.port));
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code&, int) {
    acceptor.close();
    io.stop();
  });
  std::cout << "bare listening on " << acceptor.local_endpoint().port() << std::endl;
  asio::co_spawn(acceptor.get_executor(), accept_loop(&acceptor, &io, pool ? &*pool : nullptr),
                 asio::detached);
  std::vector<std::thread> threads;
  for (int i = 1; i < options.io_threads; ++i) threads.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& thread : threads) thread.join();
  if (pool) pool->join();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  CLI::App app{"bare Boost.Beast HTTP server: the ceiling for attune's wrk numbers"};
  app.add_option("--host", options.host);
  app.add_option("--port", options.port);
  app.add_option("--io-threads", options.io_threads)->check(CLI::Range(1, 64));
  app.add_option("--workers", options.workers, "worker pool threads; 0 = answer on the I/O thread")
      ->check(CLI::Range(0, 64));
  CLI11_PARSE(app, argc, argv);
  return run(options);
}
