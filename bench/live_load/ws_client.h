// One client WebSocket of the load run: connect and handshake from a given source address,
// a read loop that hands every message to a callback, and writes one at a time (the
// caller never has two writes in flight). Beast stays inside ws_client.cpp.
#pragma once

#include <utility>  // before awaitable.hpp, which Boost 1.74 needs

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "live_load/net.h"

namespace attune::bench {

class WsClient {
 public:
  using OnMessage = std::function<void(std::string_view)>;

  explicit WsClient(asio::any_io_executor executor);
  ~WsClient();
  WsClient(const WsClient&) = delete;
  WsClient& operator=(const WsClient&) = delete;

  // TCP connect from `source`, then the WebSocket handshake for `path` (with its query).
  asio::awaitable<boost::system::error_code> connect(tcp::endpoint server,
                                                     asio::ip::address_v4 source, std::string path);
  // Reads until the connection ends, calling on_message for each message; returns why it ended.
  asio::awaitable<boost::system::error_code> read_loop(OnMessage on_message);
  asio::awaitable<boost::system::error_code> write(std::string text);
  // Closes the socket at once; a pending read_loop ends with an error.
  void close();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace attune::bench
