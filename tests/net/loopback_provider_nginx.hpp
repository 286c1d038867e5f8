// A real nginx on 127.0.0.1 serving a published CSAF provider tree over
// TLS, for `lotse check` tests: the configuration of docs/provider-nginx.md
// (provider_server_block()) on one ephemeral HTTPS port, with a throw-away
// CA and a certificate for psirt.example.com and its DNS path
// csaf.data.security.psirt.example.com. The tree is read from root() at
// request time, so tests may replace it between checks.
//
// Tests only (nginx_process.hpp runs the server). Not thread-safe.
#pragma once

#include <filesystem>
#include <string>

#include "net/nginx_process.hpp"

namespace lotse::testing {

// The server block of docs/provider-nginx.md for a tree at `root`, with
// `extra` locations (test-only rules) inside it.
inline std::string provider_server_block(const std::string& listen, const std::string& root, const std::string& extra) {
  return "  server {\n    listen " + listen + " ssl;\n"
         "    server_name psirt.example.com csaf.data.security.psirt.example.com;\n"
         "    root " + root + ";\n"
         "    types { application/json json; text/plain txt asc sha256 sha512; text/csv csv; }\n"
         "    default_type application/octet-stream;\n"
         "    location / { return 404; }\n"
         "    location = /.well-known/security.txt { }\n"
         "    location /.well-known/csaf/ { autoindex on; }\n"
         "    location = /.well-known/csaf/provider-metadata.json { }\n"
         "    location = / {\n"
         "      if ($host = csaf.data.security.psirt.example.com) { rewrite ^ /.well-known/csaf/provider-metadata.json last; }\n"
         "      return 404;\n    }\n" + extra + "  }\n";
}

class LoopbackProviderNginx {
 public:
  explicit LoopbackProviderNginx(std::string extra = "")
      : extra_(std::move(extra)),
        process_({"DNS:psirt.example.com,DNS:csaf.data.security.psirt.example.com,IP:127.0.0.1",
                  /*with_http=*/false, [this](const NginxProcess& p) {
                    std::filesystem::create_directories(p.dir() / "root");
                    return provider_server_block("127.0.0.1:" + std::to_string(p.https_port()),
                                                 (p.dir() / "root").string(), extra_);
                  }}) {}

  // Whether nginx is up; otherwise error() says why.
  bool running() const { return process_.running(); }
  const std::string& error() const { return process_.error(); }

  // The directory nginx serves: put the published tree's contents here.
  std::filesystem::path root() const { return process_.dir() / "root"; }
  int https_port() const { return process_.https_port(); }
  // nginx's access log so far, to see which requests a client made.
  std::string access_log() const { return process_.access_log(); }
  // PEM of the CA that signed the server certificate.
  std::string ca_file() const { return process_.ca_file(); }
  // curl CONNECT_TO entry sending every host and port to the HTTPS port.
  std::string connect_everything_to_https() const { return process_.connect_everything_to_https(); }

 private:
  std::string extra_;  // declared before process_: the callback reads it while starting
  NginxProcess process_;
};

}  // namespace lotse::testing
