// The HTTP listener: libmicrohttpd (Debian libmicrohttpd-dev) with a pool
// of threads, each polling its share of the connections with epoll, that
// assembles each request completely (headers, then the body up to a cap)
// and hands it to a Router.
//
// Limits, all in DaemonOptions: the body size (a declared Content-Length
// over the cap is refused with 413 before the body is read; a chunked body
// that grows past it is read on without being kept, and refused with 413
// when it ends within twice the cap; beyond that the connection is closed),
// the total size of the request headers (431), the connections open at once
// (libmicrohttpd closes the ones beyond it at accept), the connections per
// client address, and the idle time of a connection. Every 4xx/5xx the
// daemon itself makes is a JSON error (http/message.hpp); a handler that
// throws becomes a 500 and is logged. (Exception: requests so broken that
// libmicrohttpd answers them itself before Lotse sees them, e.g. headers
// larger than the per-connection memory, get its short HTML answer.)
//
// Every response carries headers that keep browsers careful: nosniff, no
// framing, no referrer (secret follow links must not leak), no caching.
//
// stop() is graceful: no new connections are accepted, requests in flight
// may finish for up to the grace period, then every connection is closed.
//
// Thread safety: handlers run concurrently on the pool's threads; the
// Router must be read-only while the daemon runs. start/stop from one
// thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "server/http/router.hpp"

struct MHD_Daemon;

namespace lotse::server::http {

struct DaemonOptions {
  std::string address = "127.0.0.1";  // IPv4 or IPv6 literal
  std::uint16_t port = 8080;          // 0: any free port (see Daemon::port)
  unsigned threads = 4;
  std::size_t max_body_bytes = 16u << 20;
  std::size_t max_header_bytes = 16u << 10;  // request line excluded
  unsigned max_connections = 512;
  unsigned max_connections_per_client = 64;  // 0: no per-address limit
  std::chrono::seconds idle_timeout{30};
  std::chrono::milliseconds shutdown_grace{10000};
  // Addresses of reverse proxies (nginx in front for TLS) whose
  // X-Forwarded-For is believed: for their requests the client is the last
  // address that header names (rate limits count per real client). From
  // anyone else the header is ignored.
  std::vector<std::string> trusted_proxies;
  // A socket already bound and listening (bind_listener()): served instead
  // of binding address:port, and owned by the daemon from start() on.
  int listen_fd = -1;
};

struct Listener {
  int fd = -1;
  std::uint16_t port = 0;  // the port bound (the chosen one for port 0)
};

// A TCP socket bound to `address`:`port` and listening, so that the caller
// knows the port (for links) before the daemon and its routes exist.
// Errors: a bad address, the port is taken, no permission.
tl::expected<Listener, std::string> bind_listener(const std::string& address, std::uint16_t port);

class Daemon {
 public:
  // Listens on options.address:port and serves `router`, which must
  // outlive the Daemon. Errors: a bad address, the port is taken, no
  // permission.
  static tl::expected<std::unique_ptr<Daemon>, std::string> start(const DaemonOptions& options,
                                                                  const Router& router);
  ~Daemon();
  Daemon(const Daemon&) = delete;
  Daemon& operator=(const Daemon&) = delete;

  // The port listened on (the one chosen when options.port was 0).
  std::uint16_t port() const { return port_; }

  // Stops accepting, lets requests in flight finish (up to the grace
  // period), then closes everything. Idempotent.
  void stop();

  // Requests received and not yet answered completely.
  int in_flight() const { return in_flight_.load(); }

  struct Exchange;  // one request in progress (daemon.cpp)

 private:
  Daemon(const DaemonOptions& options, const Router& router) : options_(options), router_(router) {}
  friend struct Callbacks;

  DaemonOptions options_;
  const Router& router_;
  MHD_Daemon* mhd_ = nullptr;
  std::uint16_t port_ = 0;
  std::atomic<int> in_flight_{0};
};

}  // namespace lotse::server::http
