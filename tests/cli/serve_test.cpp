// `lotse serve` as users run it: the real binary on an ephemeral loopback
// port, over SQLite in a data directory and over the real PostgreSQL test
// server. It prints where it listens, takes reports, stops on SIGTERM with
// exit code 0, and after a kill -9 in the middle of a burst of reports
// every report it acknowledged (201 with a follow link) is there after a
// restart. Also: first-run bootstrap from an environment variable, usage
// errors.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <regex>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store/backends.hpp"
#include "support/http_request.hpp"
#include "support/run_lotse.hpp"

extern char** environ;

namespace lotse::cli {
namespace {

using lotse::testing::http_request;
using nlohmann::json;

// A running `lotse serve`, its standard output read line by line.
class ServeProcess {
 public:
  ServeProcess(std::vector<std::string> args, std::vector<std::string> extra_env = {}) {
    int out[2];
    if (::pipe(out) != 0) return;
    const std::string binary = std::string(LOTSE_BINARY_DIR) + "/lotse";
    args.insert(args.begin(), {binary, "serve", "--listen", "127.0.0.1:0"});
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<char*> env;
    for (char** e = environ; *e; ++e) env.push_back(*e);
    for (std::string& e : extra_env) env.push_back(e.data());
    env.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    if (::posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), env.data()) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    out_ = out[0];
  }
  ~ServeProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (out_ >= 0) ::close(out_);
  }

  // Reads output until a line contains `needle` (or the output ends or 60 s
  // pass); everything read so far.
  std::string read_until(const std::string& needle) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (output_.find(needle) == std::string::npos && std::chrono::steady_clock::now() < deadline) {
      char buffer[4096];
      const ssize_t n = ::read(out_, buffer, sizeof buffer);
      if (n <= 0) break;
      output_.append(buffer, static_cast<std::size_t>(n));
    }
    return output_;
  }

  // The base URL it printed.
  std::string base_url() {
    std::smatch match;
    const std::string text = read_until("listening on");
    if (!std::regex_search(text, match, std::regex("listening on (http://127\\.0\\.0\\.1:[0-9]+)"))) return "";
    return match[1];
  }

  // Sends `signal` and waits; the exit code (128 + signal when killed).
  int stop(int signal) {
    ::kill(pid_, signal);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    read_until("\x01");  // drain
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  const std::string& output() const { return output_; }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  std::string output_;
};

class Serve : public store::testing::BackendTest {
 protected:
  // The options that point `lotse serve` at the test's database.
  std::vector<std::string> database_args() {
    if (GetParam() == store::Dialect::postgresql) return {"--database", url_};
    return {"--data-dir", url_.substr(std::string("sqlite:").size()) + ".d"};
  }
};
LOTSE_BOTH_BACKENDS(Serve);

const std::string kReport =
    json{{"anonymous", true}, {"vendor", "ACME"}, {"product", "Widget"}, {"description", "Overflow"}}.dump();

TEST_P(Serve, TakesReportsStopsOnSigtermAndKeepsThemAcrossARestart) {
  std::string follow;
  {
    ServeProcess serve(database_args());
    const std::string base = serve.base_url();
    ASSERT_FALSE(base.empty()) << serve.output();
    const auto created = http_request("POST", base + "/api/v1/reports", {"Content-Type: application/json"}, kReport);
    ASSERT_EQ(created.status, 201) << created.body;
    follow = json::parse(created.body)["follow_api_url"];
    EXPECT_TRUE(follow.starts_with(base + "/api/v1/follow/LT-")) << follow;
    EXPECT_EQ(serve.stop(SIGTERM), 0) << serve.output();
    EXPECT_NE(serve.output().find("stopping (SIGTERM)"), std::string::npos);
    EXPECT_NE(serve.output().find("stopped"), std::string::npos);
  }
  ServeProcess again(database_args());
  const std::string base = again.base_url();
  ASSERT_FALSE(base.empty()) << again.output();
  const std::string path = follow.substr(follow.find("/api/v1/"));
  const auto read = http_request("GET", base + path);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(json::parse(read.body)["product"], "Widget");
  EXPECT_EQ(again.stop(SIGINT), 0);
}

TEST_P(Serve, EveryAcknowledgedReportSurvivesKillNine) {
  std::vector<std::string> acknowledged;  // follow API paths
  std::atomic<int> refused{0};            // answers other than 201
  {
    std::vector<std::string> args = database_args();
    args.insert(args.end(), {"--intake-limit", "0"});  // a burst from one address
    ServeProcess serve(args);
    const std::string base = serve.base_url();
    ASSERT_FALSE(base.empty()) << serve.output();
    std::mutex mutex;
    std::atomic<bool> killed{false};
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w) {
      writers.emplace_back([&] {
        while (!killed) {
          const auto created = http_request("POST", base + "/api/v1/reports", {"Content-Type: application/json"}, kReport);
          if (created.status == 0) continue;  // no answer (killed): not acknowledged
          if (created.status != 201) {
            ++refused;
            return;
          }
          const std::string url = json::parse(created.body)["follow_api_url"];
          std::lock_guard lock(mutex);
          acknowledged.push_back(url.substr(url.find("/api/v1/")));
        }
      });
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    for (;;) {
      {
        std::lock_guard lock(mutex);
        if (acknowledged.size() >= 200 || refused > 0 || std::chrono::steady_clock::now() > deadline) break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    EXPECT_EQ(serve.stop(SIGKILL), 128 + SIGKILL);
    killed = true;
    for (std::thread& t : writers) t.join();
  }
  EXPECT_EQ(refused, 0);
  ASSERT_GE(acknowledged.size(), 200u);
  ServeProcess again(database_args());
  const std::string base = again.base_url();
  ASSERT_FALSE(base.empty()) << again.output();
  for (const std::string& path : acknowledged) {
    EXPECT_EQ(http_request("GET", base + path).status, 200) << path;
  }
  EXPECT_EQ(again.stop(SIGTERM), 0);
}

TEST_P(Serve, BootstrapsTheFirstAdminFromAnEnvironmentVariableOnlyOnce) {
  const std::vector<std::string> env = {"LOTSE_TEST_ADMIN_PASSWORD=correct horse battery staple"};
  std::vector<std::string> args = database_args();
  args.insert(args.end(), {"--bootstrap-admin", "Admin@CERT.example", "--admin-password-env", "LOTSE_TEST_ADMIN_PASSWORD"});
  {
    ServeProcess serve(args, env);
    const std::string base = serve.base_url();
    ASSERT_FALSE(base.empty()) << serve.output();
    EXPECT_NE(serve.output().find("created the admin admin@cert.example"), std::string::npos);
    const auto login = http_request("POST", base + "/api/v1/session", {"Content-Type: application/json"},
                                    json{{"email", "admin@cert.example"}, {"password", "correct horse battery staple"}}.dump());
    EXPECT_EQ(login.status, 201) << login.body;
    EXPECT_EQ(serve.stop(SIGTERM), 0);
  }
  ServeProcess twice(args, env);
  EXPECT_EQ(twice.stop(0) , 2) << twice.output();  // signal 0: only waits for it to exit
}

TEST_P(Serve, WithoutAPasswordPrintsAOneTimeSetupLinkThatAFormPostUses) {
  std::vector<std::string> args = database_args();
  args.insert(args.end(), {"--bootstrap-admin", "admin@cert.example"});
  ServeProcess serve(args);
  const std::string base = serve.base_url();
  ASSERT_FALSE(base.empty()) << serve.output();
  std::smatch match;
  const std::string output = serve.output();
  ASSERT_TRUE(std::regex_search(output, match, std::regex("(http://\\S+/setup/[A-Za-z0-9_-]{43})\n"))) << output;
  const std::string link = match[1];
  const auto page = http_request("GET", link);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<form method=\"post\""), std::string::npos);
  const std::string form = "password=a+long+enough+password&password_repeat=a+long+enough+password";
  const auto set = http_request("POST", link, {"Content-Type: application/x-www-form-urlencoded", "Accept: text/html"}, form);
  EXPECT_EQ(set.status, 200) << set.body;
  const auto again = http_request("POST", link, {"Content-Type: application/x-www-form-urlencoded"}, form);
  EXPECT_EQ(again.status, 404) << again.body;
  const auto login = http_request("POST", base + "/api/v1/session", {"Content-Type: application/json"},
                                  json{{"email", "admin@cert.example"}, {"password", "a long enough password"}}.dump());
  EXPECT_EQ(login.status, 201) << login.body;
  EXPECT_EQ(serve.stop(SIGTERM), 0);
}

TEST_P(Serve, DemoPrintsTheUrlAndOneAccountPerRoleThatLogsIn) {
  std::vector<std::string> args = database_args();
  args.push_back("--demo");
  ServeProcess serve(args);
  const std::string base = serve.base_url();
  ASSERT_FALSE(base.empty()) << serve.output();
  const std::string output = serve.output();
  std::smatch match;
  ASSERT_TRUE(std::regex_search(output, match, std::regex("coordinator\t(\\S+)\t(\\S+)\n"))) << output;
  const auto login = http_request("POST", base + "/api/v1/session", {"Content-Type: application/json"},
                                  json{{"email", match[1]}, {"password", match[2]}}.dump());
  ASSERT_EQ(login.status, 201) << login.body;
  std::smatch report;
  ASSERT_TRUE(std::regex_search(output, report, std::regex("sample report (LT-[0-9A-Z-]+), follow link (http://\\S+)")))
      << output;
  EXPECT_EQ(http_request("GET", report[2]).status, 200);
  EXPECT_NE(output.find("admin\t"), std::string::npos);
  EXPECT_NE(output.find("vendor_member\t"), std::string::npos);
  EXPECT_NE(output.find("reporter\t"), std::string::npos);
  EXPECT_NE(output.find("operator\t"), std::string::npos);
  EXPECT_EQ(serve.stop(SIGTERM), 0);
}

TEST_P(Serve, PublishesTheIntakeKeyOfItsKeyring) {
  const std::string keyring = url_.substr(url_.rfind('/') + 1) + "-intake-keys";
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("lotse-serve-" + std::to_string(::getpid()) + keyring);
  auto generated = lotse::testing::run_lotse({"keys", "generate", "--name", "Example PSIRT intake", "--email",
                                              "psirt@example.com", "--keyring", dir.string(), "--no-passphrase",
                                              "--encryption-subkey"});
  ASSERT_EQ(generated.exit_code, 0) << generated.err;
  std::vector<std::string> args = database_args();
  args.insert(args.end(), {"--intake-keyring", dir.string()});
  ServeProcess serve(args);
  const std::string base = serve.base_url();
  ASSERT_FALSE(base.empty()) << serve.output();
  const auto key = http_request("GET", base + "/api/v1/openpgp-key");
  EXPECT_EQ(key.status, 200);
  EXPECT_EQ(key.body, lotse::testing::read_text((dir / "public.asc").string()));
  EXPECT_EQ(serve.stop(SIGTERM), 0);
  // A signing-only keyring cannot take encrypted reports: refused at start.
  auto signing = lotse::testing::run_lotse({"keys", "generate", "--name", "Signing", "--email", "s@example.com",
                                            "--keyring", (dir / "signing").string(), "--no-passphrase"});
  ASSERT_EQ(signing.exit_code, 0) << signing.err;
  ServeProcess refused([&] {
    std::vector<std::string> a = database_args();
    a.insert(a.end(), {"--intake-keyring", (dir / "signing").string()});
    return a;
  }());
  EXPECT_EQ(refused.stop(0), 2);
  std::filesystem::remove_all(dir);
}

TEST(ServeUsage, RefusesBadListenAddressesAndAnUnreachableDatabase) {
  auto bad = lotse::testing::run_lotse({"serve", "--listen", "nonsense"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--listen"), std::string::npos) << bad.err;
  auto name = lotse::testing::run_lotse({"serve", "--listen", "localhost:80", "--data-dir", "/tmp/lotse-serve-usage"});
  EXPECT_EQ(name.exit_code, 1);
  EXPECT_NE(name.err.find("not an IP address"), std::string::npos) << name.err;
  auto database = lotse::testing::run_lotse(
      {"serve", "--listen", "127.0.0.1:0", "--database", "postgresql:///nope?host=/nonexistent"});
  EXPECT_EQ(database.exit_code, 1);
  EXPECT_NE(database.err.find("cannot open the database"), std::string::npos) << database.err;
  std::filesystem::remove_all("/tmp/lotse-serve-usage");
}

}  // namespace
}  // namespace lotse::cli
