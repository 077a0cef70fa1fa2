// Client-side socket plumbing for load generation: connections spread over several
// loopback source addresses (so tens of thousands of sockets never run out of ephemeral
// ports towards one server port) and a raised open-file limit.
#pragma once

#include <utility>  // before awaitable.hpp, which Boost 1.74 needs

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/address_v4.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/system/error_code.hpp>
#include <cstdint>

#include "live_load/options.h"

namespace attune::bench {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// Hands out 127.0.0.1 .. 127.0.0.<count> in turn.
class SourceAddresses {
 public:
  explicit SourceAddresses(int count) : count_(count < 1 ? 1 : count) {}
  asio::ip::address_v4 next();

 private:
  int count_;
  std::uint32_t next_ = 0;
};

tcp::endpoint endpoint_of(const Target& target);

// Opens `socket`, binds it to `source` (the port is picked at connect time, per
// destination) and connects to `target`.
asio::awaitable<boost::system::error_code> connect_from(tcp::socket& socket, tcp::endpoint target,
                                                        asio::ip::address_v4 source);

// Raises this process's soft open-file limit to its hard limit and returns the result.
std::uint64_t raise_fd_limit();

}  // namespace attune::bench
