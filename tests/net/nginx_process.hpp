// A real nginx from Debian on 127.0.0.1 for tests, run as the current user
// on ephemeral ports, with its configuration, a throw-away CA and a server
// certificate (made with openssl) in a fresh temporary directory that is
// removed when the server stops. What it serves is the caller's: the
// server blocks come from a function of the chosen ports and directory.
// LoopbackNginx (URL probes) and LoopbackProviderNginx (a published CSAF
// provider tree) are the two users.
//
// Tests only; needs the nginx and openssl programs (scripts/setup.sh
// installs nginx-light and openssl). Not thread-safe.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace lotse::testing {

class NginxProcess {
 public:
  struct Options {
    // The certificate's subjectAltName entries, e.g. "DNS:lotse.test,IP:127.0.0.1".
    std::string subject_alt_names;
    // Whether a plain-HTTP port is opened besides the HTTPS one.
    bool with_http = true;
    // The `server { ... }` blocks inside `http { }`, given this process
    // (its ports and directory are set when called).
    std::function<std::string(const NginxProcess&)> server_blocks;
  };

  explicit NginxProcess(Options options) : options_(std::move(options)) { start(); }
  ~NginxProcess() { stop(); }
  NginxProcess(const NginxProcess&) = delete;
  NginxProcess& operator=(const NginxProcess&) = delete;

  // Whether nginx is up; otherwise error() says why.
  bool running() const { return pid_ > 0; }
  const std::string& error() const { return error_; }

  int http_port() const { return http_port_; }
  int https_port() const { return https_port_; }
  // The temporary directory holding configuration, logs and certificates.
  const std::filesystem::path& dir() const { return dir_; }
  // nginx's access log so far ("127.0.0.1 - - [...] \"HEAD /x HTTP/1.1\" 405 ..."),
  // to see which requests a client made.
  std::string access_log() const { return read(dir_ / "access.log"); }
  // PEM of the CA that signed the server certificate.
  std::string ca_file() const { return (dir_ / "ca.pem").string(); }
  // curl CONNECT_TO entry sending every host and port to the HTTPS port.
  std::string connect_everything_to_https() const { return "::127.0.0.1:" + std::to_string(https_port_); }

  // A port on 127.0.0.1 that nothing listens on right now.
  static int free_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
      port = ntohs(address.sin_port);
    }
    ::close(fd);
    return port;
  }

  static std::string read(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }

 private:
  // Runs a program, waits for it; output goes to `log`. Exit status, or -1.
  static int run(const std::vector<std::string>& args, const std::filesystem::path& log) {
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return -1;
    int status = 0;
    if (::waitpid(pid, &status, 0) != pid) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  bool make_certificates() {
    const auto log = dir_ / "openssl.log";
    const std::string d = dir_.string() + "/";
    {
      std::ofstream ext(dir_ / "server.ext");
      ext << "subjectAltName=" << options_.subject_alt_names << "\n"
          << "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n";
    }
    const std::vector<std::vector<std::string>> steps = {
        {"openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", d + "ca.key", "-out", d + "ca.pem", "-days", "2", "-subj",
         "/CN=Lotse test CA", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
         "keyUsage=critical,keyCertSign,cRLSign"},
        {"openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", d + "server.key", "-out", d + "server.csr", "-subj", "/CN=lotse.test"},
        {"openssl", "x509", "-req", "-in", d + "server.csr", "-CA", d + "ca.pem", "-CAkey",
         d + "ca.key", "-CAcreateserial", "-days", "2", "-out", d + "server.pem", "-extfile",
         d + "server.ext"},
    };
    for (const auto& step : steps) {
      if (run(step, log) != 0) {
        error_ = "openssl failed: " + read(log);
        return false;
      }
    }
    return true;
  }

  void write_config() {
    const std::string d = dir_.string() + "/";
    std::string user;
    if (::geteuid() == 0) user = "user root;\n";  // as the current user, even as root
    std::ofstream conf(dir_ / "nginx.conf");
    conf << user << "worker_processes 1;\nerror_log " << d << "error.log;\n"
         << "events { worker_connections 64; }\n"
         << "http {\n  access_log " << d << "access.log;\n"
         << "  client_body_temp_path " << d << "body;\n  proxy_temp_path " << d << "proxy;\n"
         << "  fastcgi_temp_path " << d << "fastcgi;\n  uwsgi_temp_path " << d << "uwsgi;\n"
         << "  scgi_temp_path " << d << "scgi;\n"
         << "  ssl_certificate " << d << "server.pem;\n  ssl_certificate_key " << d << "server.key;\n"
         << options_.server_blocks(*this) << "}\n";
  }

  static bool accepts(int port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<uint16_t>(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return ok;
  }

  // One attempt on fresh ports: false when nginx exits or never listens.
  bool launch() {
    https_port_ = free_port();
    http_port_ = options_.with_http ? free_port() : 0;
    if (https_port_ == 0 || (options_.with_http && (http_port_ == 0 || http_port_ == https_port_))) {
      return false;
    }
    write_config();
    const std::string prefix = dir_.string() + "/";
    std::vector<std::string> args = {"nginx", "-p", prefix, "-c", prefix + "nginx.conf", "-g",
                                      "daemon off; pid " + prefix + "nginx.pid;"};
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const std::string out = prefix + "nginx.out";
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    pid_t pid = 0;
    // nginx lives in /usr/sbin, often not on a user's PATH.
    const char* program = std::filesystem::exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
    const int rc = posix_spawnp(&pid, program, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
      error_ = "cannot start nginx (is nginx-light installed?)";
      return false;
    }
    for (int i = 0; i < 100; ++i) {
      int status = 0;
      if (::waitpid(pid, &status, WNOHANG) == pid) {
        error_ = "nginx exited: " + read(dir_ / "nginx.out") + read(dir_ / "error.log");
        return false;
      }
      if (accepts(https_port_) && (!options_.with_http || accepts(http_port_))) {
        pid_ = pid;
        return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    error_ = "nginx did not listen within 5 s: " + read(dir_ / "error.log");
    return false;
  }

  void start() {
    std::string pattern = (std::filesystem::temp_directory_path() / "lotse-nginx-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) {
      error_ = "cannot create a temporary directory";
      return;
    }
    dir_ = pattern;
    if (!make_certificates()) return;
    // An ephemeral port may be taken between choosing and binding it.
    for (int attempt = 0; attempt < 5 && !running(); ++attempt) launch();
  }

  void stop() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);  // fast shutdown; the master ends its worker
      ::waitpid(pid_, nullptr, 0);
      pid_ = 0;
    }
    if (!dir_.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(dir_, ec);
    }
  }

  Options options_;
  std::filesystem::path dir_;
  std::string error_;
  pid_t pid_ = 0;
  int http_port_ = 0;
  int https_port_ = 0;
};

}  // namespace lotse::testing
