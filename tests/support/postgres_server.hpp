// A real PostgreSQL server from Debian (postgresql-15) for the store tests
// and, later, the API tests: a fresh cluster (initdb) in a temporary
// directory, listening only on a Unix socket in that directory (no TCP at
// all), with trust authentication for the superuser "lotse". Each test
// asks for a database of its own (create_database) and gets a libpq URL.
//
// PostgreSQL refuses to run as root, and CI runs as root: then initdb and
// postgres run as the "postgres" system user that the Debian package
// creates (setpriv, which execs in place, so the pid we hold is the
// server's), and the directory is handed to that user. Otherwise they run
// as the current user. The server is stopped (fast shutdown) and the
// directory removed when the object is destroyed. The server runs with
// fsync=off: tests kill clients, never this server, and a crashed test
// cluster is thrown away.
//
// If the server cannot start, running() is false and error() says why;
// tests must fail with that reason, never skip. Tests only. Not thread-safe.
#pragma once

#include <fcntl.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace lotse::testing {

class PostgresServer {
 public:
  static constexpr const char* kBin = "/usr/lib/postgresql/15/bin";

  PostgresServer() { start(); }
  ~PostgresServer() { stop(); }
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  bool running() const { return pid_ > 0; }
  const std::string& error() const { return error_; }
  // The directory holding the socket (and the cluster in data/).
  const std::filesystem::path& directory() const { return dir_; }

  // The libpq URL of database `name` on this server.
  std::string url(const std::string& name) const {
    return "postgresql:///" + name + "?host=" + dir_.string() + "&user=lotse";
  }

  // Creates an empty database `name` (letters, digits, '_'); its URL, or
  // an empty string with error() set.
  std::string create_database(const std::string& name) {
    std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(url("postgres").c_str()), &PQfinish);
    if (PQstatus(conn.get()) != CONNECTION_OK) {
      error_ = std::string("cannot connect to the test server: ") + PQerrorMessage(conn.get());
      return "";
    }
    const std::string sql = "CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0";
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn.get(), sql.c_str()), &PQclear);
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
      error_ = std::string("CREATE DATABASE failed: ") + PQerrorMessage(conn.get());
      return "";
    }
    return url(name);
  }

 private:
  // argv for running `program` from kBin as the server's user.
  std::vector<std::string> as_server_user(const std::string& program, std::vector<std::string> args) const {
    std::vector<std::string> argv;
    if (::geteuid() == 0) {
      argv = {"/usr/bin/setpriv", "--reuid=postgres", "--regid=postgres", "--clear-groups", "--"};
    }
    argv.push_back(std::string(kBin) + "/" + program);
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
  }

  // Starts argv with output appended to `log` and the directory as working
  // directory; the child's pid, or -1.
  pid_t spawn(const std::vector<std::string>& args, const std::filesystem::path& log) const {
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    posix_spawn_file_actions_addchdir_np(&actions, dir_.c_str());
    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0 ? pid : -1;
  }

  static std::string read(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }

  void start() {
    if (!std::filesystem::exists(std::string(kBin) + "/postgres")) {
      error_ = std::string("no PostgreSQL server at ") + kBin + " (install postgresql-15)";
      return;
    }
    // /tmp, not $TMPDIR: a Unix socket path must stay under 108 bytes.
    std::string pattern = "/tmp/lotse-pg-XXXXXX";
    if (!::mkdtemp(pattern.data())) {
      error_ = "cannot create a temporary directory";
      return;
    }
    dir_ = pattern;
    if (::geteuid() == 0) {
      const passwd* user = ::getpwnam("postgres");
      if (user == nullptr) {
        error_ = "running as root, and there is no 'postgres' system user to run PostgreSQL as";
        return;
      }
      if (::chown(dir_.c_str(), user->pw_uid, user->pw_gid) != 0) {
        error_ = "cannot hand " + dir_.string() + " to the postgres user";
        return;
      }
    }
    const auto log = dir_ / "server.log";
    const std::string data = (dir_ / "data").string();
    pid_t init = spawn(as_server_user("initdb", {"-D", data, "-U", "lotse", "-A", "trust", "-E", "UTF8",
                                                 "--locale=C", "--no-sync", "--no-instructions"}),
                       dir_ / "initdb.log");
    int status = 0;
    if (init < 0 || ::waitpid(init, &status, 0) != init || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      error_ = "initdb failed: " + read(dir_ / "initdb.log");
      return;
    }
    pid_t pid = spawn(as_server_user("postgres", {"-D", data, "-k", dir_.string(), "-c", "listen_addresses=",
                                                  "-c", "max_connections=40", "-c", "fsync=off"}),
                      log);
    if (pid < 0) {
      error_ = "cannot start postgres";
      return;
    }
    const std::string probe = url("postgres");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
      if (::waitpid(pid, &status, WNOHANG) == pid) {
        error_ = "postgres exited: " + read(log);
        return;
      }
      if (PQping(probe.c_str()) == PQPING_OK) {
        pid_ = pid;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    error_ = "postgres did not accept connections within 30 s: " + read(log);
  }

  void stop() {
    if (pid_ > 0) {
      ::kill(pid_, SIGINT);  // fast shutdown: disconnects clients, rolls back
      int status = 0;
      bool ended = false;
      for (int i = 0; i < 200 && !ended; ++i) {
        ended = ::waitpid(pid_, &status, WNOHANG) == pid_;
        if (!ended) std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
      if (!ended) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
      }
      pid_ = 0;
    }
    if (!dir_.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(dir_, ec);
    }
  }

  std::filesystem::path dir_;
  std::string error_;
  pid_t pid_ = 0;
};

}  // namespace lotse::testing
