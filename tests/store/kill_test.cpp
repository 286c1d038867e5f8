// Kill safety: a writer SIGKILLed in the middle of a burst of committed
// writes loses none it acknowledged and leaves no half-written record (a
// report without all of its attachments), on both back ends.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "store/backends.hpp"

extern char** environ;

namespace lotse::store {
namespace {

using testing::BackendTest;

class KillSafety : public BackendTest {};
LOTSE_BOTH_BACKENDS(KillSafety);

std::string expected_content(long i, int k) {
  return std::string(static_cast<std::size_t>(1000 + 997 * k), static_cast<char>('a' + (i + k) % 26));
}

TEST_P(KillSafety, EveryAcknowledgedReportSurvivesAKillAndNoneIsHalfWritten) {
  ASSERT_TRUE(open_migrated());
  int out[2];
  ASSERT_EQ(::pipe(out), 0);
  const std::string program = LOTSE_BINARY_DIR "/tests/store_burst_writer";
  std::vector<char*> argv = {const_cast<char*>(program.c_str()), url_.data(), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  pid_t pid = -1;
  const int rc = ::posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  ASSERT_EQ(rc, 0) << "cannot start " << program;

  // Read acknowledgements until enough arrived, kill in the middle of the
  // next transaction, then drain what the writer had acknowledged before.
  constexpr std::size_t kBeforeKill = 150;
  std::string received;
  std::set<long> acknowledged;
  bool killed = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(out[0], buffer, sizeof buffer);
    if (n <= 0) break;
    received.append(buffer, static_cast<std::size_t>(n));
    std::size_t end;
    while ((end = received.find('\n')) != std::string::npos) {
      acknowledged.insert(std::stol(received.substr(0, end)));
      received.erase(0, end + 1);
    }
    if (!killed && (acknowledged.size() >= kBeforeKill || std::chrono::steady_clock::now() > deadline)) {
      ::kill(pid, SIGKILL);
      killed = true;
    }
  }
  ::close(out[0]);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
      << "the writer ended on its own (status " << status << ") after " << acknowledged.size() << " reports";
  ASSERT_GE(acknowledged.size(), kBeforeKill);

  auto database = open_migrated();  // a restart: opens and migrates again
  ASSERT_TRUE(database);
  std::vector<Row> reports, attachments;
  auto read = database->with_transaction(
      [&](Connection& c) -> Result<void> {
        auto r = c.query("SELECT id, created_at FROM reports ORDER BY id");
        if (!r) return tl::unexpected(r.error());
        auto a = c.query("SELECT report_id, filename, size, content FROM report_attachments ORDER BY report_id, filename");
        if (!a) return tl::unexpected(a.error());
        reports = std::move(*r);
        attachments = std::move(*a);
        return {};
      },
      TransactionMode::read);
  ASSERT_TRUE(read) << read.error().message;

  std::set<long> stored;
  std::map<std::int64_t, long> number_of;
  for (const Row& r : reports) {
    stored.insert(static_cast<long>(r.integer(1)));
    number_of[r.integer(0)] = static_cast<long>(r.integer(1));
  }
  for (long i : acknowledged) EXPECT_TRUE(stored.count(i)) << "acknowledged report " << i << " is missing";
  // At most one report committed whose acknowledgement the kill prevented.
  EXPECT_LE(stored.size(), acknowledged.size() + 1);
  std::map<std::int64_t, int> parts;
  for (const Row& a : attachments) {
    const long i = number_of.at(a.integer(0));
    const int k = a.text(1).back() - '0';
    ++parts[a.integer(0)];
    EXPECT_EQ(a.blob(3), expected_content(i, k)) << "report " << i << " part " << k;
    EXPECT_EQ(a.integer(2), static_cast<std::int64_t>(a.blob(3).size()));
  }
  for (const auto& [id, i] : number_of) EXPECT_EQ(parts[id], 3) << "report " << i << " is half-written";

  if (GetParam() == Dialect::sqlite) {
    auto check = database->with_transaction(
        [&](Connection& c) -> Result<void> {
          auto rows = c.query("PRAGMA integrity_check");
          if (!rows) return tl::unexpected(rows.error());
          EXPECT_EQ((*rows)[0].text(0), "ok");
          return {};
        },
        TransactionMode::read);
    EXPECT_TRUE(check) << check.error().message;
  }
}

}  // namespace
}  // namespace lotse::store
