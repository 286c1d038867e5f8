#include "server/http/daemon.hpp"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <exception>
#include <iostream>
#include <thread>

namespace lotse::server::http {

struct Daemon::Exchange {
  Daemon* daemon = nullptr;
  Request request;
  std::size_t header_bytes = 0;
  bool body_too_large = false;  // the body passed the cap: kept no further
  std::size_t received = 0;     // body bytes read, kept or not
};

struct Callbacks {
  static MHD_Result collect_header(void* cls, MHD_ValueKind, const char* key, std::size_t key_size,
                                   const char* value, std::size_t value_size) {
    auto* exchange = static_cast<Daemon::Exchange*>(cls);
    std::string name(key, key_size);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    exchange->header_bytes += key_size + value_size + 4;
    exchange->request.headers.emplace_back(std::move(name), std::string(value ? value : "", value ? value_size : 0));
    return MHD_YES;
  }

  static MHD_Result collect_argument(void* cls, MHD_ValueKind, const char* key, std::size_t key_size,
                                     const char* value, std::size_t value_size) {
    auto* exchange = static_cast<Daemon::Exchange*>(cls);
    exchange->request.query.emplace_back(std::string(key, key_size),
                                         std::string(value ? value : "", value ? value_size : 0));
    return MHD_YES;
  }

  static void add_common_headers(MHD_Response* response, const Response& answer) {
    MHD_add_response_header(response, "Content-Type", answer.content_type.c_str());
    MHD_add_response_header(response, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(response, "X-Frame-Options", "DENY");
    MHD_add_response_header(response, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(response, "Cache-Control", "no-store");
    MHD_add_response_header(response, "Content-Security-Policy",
                            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                            "frame-ancestors 'none'; base-uri 'none'");
  }

  static MHD_Result send(MHD_Connection* connection, const Response& answer) {
    MHD_Response* response =
        MHD_create_response_from_buffer(answer.body.size(), const_cast<char*>(answer.body.data()), MHD_RESPMEM_MUST_COPY);
    if (response == nullptr) return MHD_NO;
    add_common_headers(response, answer);
    for (const auto& [name, value] : answer.headers) {
      // A header value with CR or LF would split the response: refused
      // here, whatever a handler built.
      if (value.find_first_of("\r\n") != std::string::npos) continue;
      MHD_add_response_header(response, name.c_str(), value.c_str());
    }
    const MHD_Result queued = MHD_queue_response(connection, static_cast<unsigned>(answer.status), response);
    MHD_destroy_response(response);
    return queued;
  }

  static std::string client_address(MHD_Connection* connection) {
    const MHD_ConnectionInfo* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (info == nullptr || info->client_addr == nullptr) return "";
    char text[INET6_ADDRSTRLEN] = {};
    if (info->client_addr->sa_family == AF_INET) {
      inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(info->client_addr)->sin_addr, text, sizeof text);
    } else if (info->client_addr->sa_family == AF_INET6) {
      inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(info->client_addr)->sin6_addr, text, sizeof text);
    }
    return text;
  }

  // The first call for a request (headers complete): its Exchange, or a
  // refusal when the headers or the declared body are too large.
  static MHD_Result begin(Daemon& daemon, MHD_Connection* connection, const char* url, const char* method,
                          void** con_cls) {
    auto exchange = std::make_unique<Daemon::Exchange>();
    exchange->daemon = &daemon;
    Request& request = exchange->request;
    request.method = method ? method : "";
    request.path = url ? url : "";
    MHD_get_connection_values_n(connection, MHD_HEADER_KIND, &collect_header, exchange.get());
    MHD_get_connection_values_n(connection, MHD_GET_ARGUMENT_KIND, &collect_argument, exchange.get());
    request.client_address = client_address(connection);
    const auto& proxies = daemon.options_.trusted_proxies;
    if (std::find(proxies.begin(), proxies.end(), request.client_address) != proxies.end()) {
      if (auto forwarded = request.header("x-forwarded-for")) {
        std::string_view last = forwarded->substr(forwarded->rfind(',') == std::string_view::npos ? 0 : forwarded->rfind(',') + 1);
        while (!last.empty() && last.front() == ' ') last.remove_prefix(1);
        while (!last.empty() && last.back() == ' ') last.remove_suffix(1);
        const std::string candidate(last);
        in6_addr parsed{};
        if (inet_pton(AF_INET, candidate.c_str(), &parsed) == 1 || inet_pton(AF_INET6, candidate.c_str(), &parsed) == 1) {
          request.client_address = candidate;
        }
      }
    }
    daemon.in_flight_.fetch_add(1);
    Daemon::Exchange* raw = exchange.release();
    *con_cls = raw;  // freed in completed(), whatever happens next
    if (raw->header_bytes > daemon.options_.max_header_bytes) {
      return send(connection, error_response(431, "headers_too_large",
                                             "the request headers exceed " +
                                                 std::to_string(daemon.options_.max_header_bytes) + " bytes"));
    }
    if (auto length = request.header("content-length")) {
      std::size_t declared = 0;
      const auto [end, ec] = std::from_chars(length->data(), length->data() + length->size(), declared);
      if (ec != std::errc() || end != length->data() + length->size() || declared > daemon.options_.max_body_bytes) {
        return send(connection, too_large(daemon));
      }
      request.body.reserve(declared);
    }
    return MHD_YES;
  }

  static Response too_large(const Daemon& daemon) {
    return error_response(413, "body_too_large",
                          "the request body exceeds " + std::to_string(daemon.options_.max_body_bytes) + " bytes");
  }

  static MHD_Result access(void* cls, MHD_Connection* connection, const char* url, const char* method,
                           const char*, const char* upload_data, std::size_t* upload_data_size, void** con_cls) {
    auto& daemon = *static_cast<Daemon*>(cls);
    if (*con_cls == nullptr) return begin(daemon, connection, url, method, con_cls);
    auto& exchange = *static_cast<Daemon::Exchange*>(*con_cls);
    if (*upload_data_size != 0) {
      const std::size_t n = *upload_data_size;
      *upload_data_size = 0;
      exchange.received += n;
      if (!exchange.body_too_large && exchange.request.body.size() + n <= daemon.options_.max_body_bytes) {
        exchange.request.body.append(upload_data, n);
        return MHD_YES;
      }
      if (!exchange.body_too_large) {
        exchange.body_too_large = true;
        std::string().swap(exchange.request.body);
      }
      // A body that goes on and on is not read forever: past twice the
      // cap the connection is closed without an answer.
      return exchange.received > 2 * daemon.options_.max_body_bytes ? MHD_NO : MHD_YES;
    }
    if (exchange.body_too_large) return send(connection, too_large(daemon));
    Response answer;
    try {
      answer = daemon.router_.dispatch(exchange.request);
    } catch (const std::exception& e) {
      std::cerr << "lotse serve: " << exchange.request.method << " " << exchange.request.path << ": " << e.what()
                << "\n";
      answer = error_response(500, "internal_error", "the server failed to answer this request");
    } catch (...) {
      answer = error_response(500, "internal_error", "the server failed to answer this request");
    }
    return send(connection, answer);
  }

  static void completed(void*, MHD_Connection*, void** con_cls, MHD_RequestTerminationCode) {
    auto* exchange = static_cast<Daemon::Exchange*>(*con_cls);
    if (exchange == nullptr) return;
    *con_cls = nullptr;
    Daemon* daemon = exchange->daemon;
    delete exchange;
    daemon->in_flight_.fetch_sub(1);
  }

  static void log(void*, const char* format, va_list arguments) {
    std::fputs("lotse serve (libmicrohttpd): ", stderr);
    std::vfprintf(stderr, format, arguments);
  }
};

tl::expected<Listener, std::string> bind_listener(const std::string& address, std::uint16_t port) {
  sockaddr_storage storage{};
  socklen_t length = 0;
  int family = AF_INET;
  auto* v4 = reinterpret_cast<sockaddr_in*>(&storage);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&storage);
  if (inet_pton(AF_INET, address.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(port);
    length = sizeof *v4;
  } else if (inet_pton(AF_INET6, address.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(port);
    length = sizeof *v6;
    family = AF_INET6;
  } else {
    return tl::unexpected("not an IP address: " + address + " (give e.g. 127.0.0.1 or ::1)");
  }
  const int fd = ::socket(family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0) return tl::unexpected(std::string("cannot create a socket: ") + std::strerror(errno));
  const int on = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  if (family == AF_INET6) ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof on);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&storage), length) != 0 || ::listen(fd, 512) != 0) {
    const std::string why = std::strerror(errno);
    ::close(fd);
    return tl::unexpected("cannot listen on " + address + ":" + std::to_string(port) + ": " + why);
  }
  sockaddr_storage bound{};
  socklen_t bound_length = sizeof bound;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &bound_length);
  const std::uint16_t bound_port = family == AF_INET ? ntohs(reinterpret_cast<sockaddr_in*>(&bound)->sin_port)
                                                     : ntohs(reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port);
  return Listener{fd, bound_port};
}

tl::expected<std::unique_ptr<Daemon>, std::string> Daemon::start(const DaemonOptions& options, const Router& router) {
  std::unique_ptr<Daemon> daemon(new Daemon(options, router));
  Listener listener{options.listen_fd, options.port};
  if (listener.fd < 0) {
    auto bound = bind_listener(options.address, options.port);
    if (!bound) return tl::unexpected(bound.error());
    listener = *bound;
  } else {
    sockaddr_storage bound{};
    socklen_t bound_length = sizeof bound;
    ::getsockname(listener.fd, reinterpret_cast<sockaddr*>(&bound), &bound_length);
    listener.port = bound.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port)
                                                 : ntohs(reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
  }
  const unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC | MHD_USE_ERROR_LOG;
  const unsigned threads = std::max(1u, options.threads);
  // Headers are read into the per-connection memory pool; it must hold the
  // largest accepted headers and still leave room for reading the body.
  const std::size_t connection_memory = std::max<std::size_t>(64u << 10, 2 * options.max_header_bytes + (16u << 10));
  MHD_OptionItem items[] = {
      // First: otherwise libmicrohttpd logs its own way until it reads it.
      {MHD_OPTION_EXTERNAL_LOGGER, reinterpret_cast<intptr_t>(&Callbacks::log), nullptr},
      {MHD_OPTION_LISTEN_SOCKET, listener.fd, nullptr},
      {MHD_OPTION_THREAD_POOL_SIZE, static_cast<intptr_t>(threads), nullptr},
      {MHD_OPTION_CONNECTION_LIMIT, static_cast<intptr_t>(std::max(threads, options.max_connections)), nullptr},
      {MHD_OPTION_PER_IP_CONNECTION_LIMIT, static_cast<intptr_t>(options.max_connections_per_client), nullptr},
      {MHD_OPTION_CONNECTION_TIMEOUT, static_cast<intptr_t>(options.idle_timeout.count()), nullptr},
      {MHD_OPTION_CONNECTION_MEMORY_LIMIT, static_cast<intptr_t>(connection_memory), nullptr},
      {MHD_OPTION_NOTIFY_COMPLETED, reinterpret_cast<intptr_t>(&Callbacks::completed), nullptr},
      {MHD_OPTION_END, 0, nullptr},
  };
  daemon->mhd_ = MHD_start_daemon(flags, 0, nullptr, nullptr, &Callbacks::access, daemon.get(), MHD_OPTION_ARRAY,
                                  items, MHD_OPTION_END);
  if (daemon->mhd_ == nullptr) {
    ::close(listener.fd);
    return tl::unexpected("libmicrohttpd cannot serve " + options.address + ":" + std::to_string(listener.port));
  }
  daemon->port_ = listener.port;
  return daemon;
}

void Daemon::stop() {
  if (mhd_ == nullptr) return;
  const MHD_socket listener = MHD_quiesce_daemon(mhd_);
  if (listener != MHD_INVALID_SOCKET) ::close(listener);
  const auto deadline = std::chrono::steady_clock::now() + options_.shutdown_grace;
  while (in_flight_.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  MHD_stop_daemon(mhd_);
  mhd_ = nullptr;
}

Daemon::~Daemon() { stop(); }

}  // namespace lotse::server::http
