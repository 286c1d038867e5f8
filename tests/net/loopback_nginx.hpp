// A real nginx on 127.0.0.1 for tests of HTTP(S) probing (net) and of the
// CSAF URL tests 6.3.6/6.3.7: started per test suite as the current user
// on two ephemeral ports (plain HTTP and HTTPS), with its configuration, a
// throw-away CA and a server certificate (made with openssl) in a fresh
// temporary directory that is removed when the server stops.
//
// What it serves, on both ports, decided by the Host name:
//   csaf.io, example.net, lotse.test:
//     /missing and below it 404, /server-error 500, /moved 301 to https://example.net/,
//     /to-file 302 to file:///etc/passwd, /no-head 405 for HEAD but 200
//     for GET (with a 3,000-byte body; nginx caps configuration tokens at 4 KiB), anything else 200
//   every other host (example.invalid, github.com, ...): 404
// The certificate is valid for all those names and for 127.0.0.1.
//
// Tests only (nginx_process.hpp runs the server). Not thread-safe.
#pragma once

#include <string>

#include "net/nginx_process.hpp"

namespace lotse::testing {

class LoopbackNginx {
 public:
  LoopbackNginx()
      : process_({"DNS:csaf.io,DNS:example.net,DNS:example.invalid,DNS:github.com,DNS:lotse.test,IP:127.0.0.1",
                  /*with_http=*/true, &server_blocks}) {}

  // Whether nginx is up; otherwise error() says why.
  bool running() const { return process_.running(); }
  const std::string& error() const { return process_.error(); }

  int http_port() const { return process_.http_port(); }
  int https_port() const { return process_.https_port(); }
  // nginx's access log so far, to see which requests a client made.
  std::string access_log() const { return process_.access_log(); }
  // PEM of the CA that signed the server certificate.
  std::string ca_file() const { return process_.ca_file(); }
  // curl CONNECT_TO entry sending every host and port to the HTTPS port.
  std::string connect_everything_to_https() const { return process_.connect_everything_to_https(); }

  // A port on 127.0.0.1 that nothing listens on right now.
  static int free_port() { return NginxProcess::free_port(); }

 private:
  static std::string server_blocks(const NginxProcess& p) {
    auto listens = [&](const char* extra) {
      std::string out;
      for (int port : {p.http_port(), p.https_port()}) {
        out += "    listen 127.0.0.1:" + std::to_string(port) + (port == p.https_port() ? " ssl" : "") + extra + ";\n";
      }
      return out;
    };
    return "  server {\n" + listens(" default_server") + "    server_name _;\n"
           "    location / { return 404; }\n  }\n"
           "  server {\n" + listens("") + "    server_name csaf.io example.net lotse.test;\n"
           "    location /missing { return 404; }\n"
           "    location = /server-error { return 500; }\n"
           "    location = /moved { return 301 https://example.net/; }\n"
           "    location = /to-file { return 302 file:///etc/passwd; }\n"
           "    location = /no-head {\n      if ($request_method = HEAD) { return 405; }\n"
           "      return 200 \"" + std::string(3000, 'x') + "\";\n    }\n"
           "    location / { return 200 \"ok\\n\"; }\n  }\n";
  }

  NginxProcess process_;
};

}  // namespace lotse::testing
