#include "live_load/net.h"

#include <netinet/in.h>
#include <sys/resource.h>

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace attune::bench {

asio::ip::address_v4 SourceAddresses::next() {
  const auto host = next_++ % static_cast<std::uint32_t>(count_) + 1;
  return asio::ip::address_v4((127u << 24) | host);
}

tcp::endpoint endpoint_of(const Target& target) {
  return {asio::ip::make_address(target.host), target.port};
}

asio::awaitable<boost::system::error_code> connect_from(tcp::socket& socket, tcp::endpoint target,
                                                        asio::ip::address_v4 source) {
  boost::system::error_code error;
  socket.open(tcp::v4(), error);
  if (error) co_return error;
  // Without this, bind() would reserve a port for every destination at once and the
  // source address would run out of ports long before the 4-tuples do.
  using BindNoPort = asio::detail::socket_option::boolean<IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT>;
  socket.set_option(BindNoPort(true), error);
  socket.bind(tcp::endpoint(source, 0), error);
  if (error) co_return error;
  co_await socket.async_connect(target, asio::redirect_error(asio::use_awaitable, error));
  if (!error) socket.set_option(tcp::no_delay(true), error);
  co_return error;
}

std::uint64_t raise_fd_limit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return 0;
  limit.rlim_cur = limit.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &limit);
  ::getrlimit(RLIMIT_NOFILE, &limit);
  return limit.rlim_cur;
}

}  // namespace attune::bench
