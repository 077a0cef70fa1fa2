// One HTTP/1.1 connection: reads requests (keep-alive), runs each on the worker pool, writes
// the response, and hands the connection to a WebSocket session when an upgrade is allowed.
#pragma once

#include <memory>

#include <boost/asio/ip/tcp.hpp>

#include "http/shared_state.h"

namespace attune::http {

// The socket's executor must be a strand: every step of the session runs on it.
void start_http_session(boost::asio::ip::tcp::socket socket, std::shared_ptr<SharedState> state);

}  // namespace attune::http
