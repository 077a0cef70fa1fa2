// One accepted WebSocket, seen by the live layer as a live::Connection. Sends from any thread
// go through the strand into a bounded queue drained by one writer; text messages read are
// handed to the listener on the strand. Included only by Beast translation units.
#pragma once

#include <utility>  // before Asio: Boost 1.74's awaitable support needs it

#include <memory>

#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "http/shared_state.h"
#include "live/connection.h"

namespace attune::http {

// Takes over the stream of an HTTP session whose upgrade request the UpgradeHandler allowed,
// and completes the handshake. The listener gets on_open after the handshake and on_close
// exactly once at the end; if the handshake fails it gets neither.
void start_websocket_session(boost::beast::tcp_stream stream,
                             boost::beast::http::request<boost::beast::http::string_body> request,
                             std::shared_ptr<live::ConnectionListener> listener,
                             std::shared_ptr<SharedState> state);

}  // namespace attune::http
