// The seam between the WebSocket transport (http/, Boost.Beast) and the live logic (live/):
// live/ sees a connection only through these two interfaces, so it never includes Beast.
#pragma once

#include <memory>
#include <string>

namespace attune::live {

// One open WebSocket. Thread-safe: send() and close() may be called from any thread; they
// queue work on the connection's strand. A connection whose outgoing queue overflows (a slow
// or dead client) is closed rather than allowed to delay anyone else.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual void send(std::string text) = 0;
  virtual void close() = 0;
};

// Receives what happens on one connection. Called on the connection's strand, one call at a
// time; on_open first, on_close exactly once last.
class ConnectionListener {
 public:
  virtual ~ConnectionListener() = default;
  virtual void on_open(std::shared_ptr<Connection> connection) = 0;
  virtual void on_message(std::string text) = 0;
  virtual void on_close() = 0;
};

}  // namespace attune::live
