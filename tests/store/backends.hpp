// One test suite, both back ends: a fixture parameterised by dialect that
// gives every test a fresh, empty database of its own, a SQLite file in a
// temporary directory or a new database on one real PostgreSQL server
// (support/postgres_server.hpp) started on first use and stopped at exit.
// If PostgreSQL cannot start, every PostgreSQL test fails with the reason.
#pragma once

#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>

#include <gtest/gtest.h>

#include "store/database.hpp"
#include "store/migrations.hpp"
#include "support/postgres_server.hpp"

namespace lotse::store {
// gtest names the back end in failure messages.
inline void PrintTo(Dialect dialect, std::ostream* out) {
  *out << (dialect == Dialect::sqlite ? "SQLite" : "PostgreSQL");
}
}  // namespace lotse::store

namespace lotse::store::testing {

// A directory for SQLite files, removed at exit.
class ScratchDirectory {
 public:
  ScratchDirectory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "lotse-store-XXXXXX").string();
    if (::mkdtemp(pattern.data())) path_ = pattern;
  }
  ~ScratchDirectory() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline ScratchDirectory& scratch() {
  static ScratchDirectory directory;
  return directory;
}

inline lotse::testing::PostgresServer& postgres_server() {
  static lotse::testing::PostgresServer server;
  return server;
}

// The URL of a new, empty database; empty with `why` set when there is none.
inline std::string fresh_database(Dialect dialect, std::string& why) {
  static std::atomic<int> counter{0};
  const std::string name = "t" + std::to_string(++counter);
  if (dialect == Dialect::sqlite) {
    if (scratch().path().empty()) {
      why = "cannot create a temporary directory";
      return "";
    }
    return "sqlite:" + (scratch().path() / (name + ".db")).string();
  }
  auto& server = postgres_server();
  if (!server.running()) {
    why = "PostgreSQL did not start: " + server.error();
    return "";
  }
  std::string url = server.create_database(name);
  if (url.empty()) why = server.error();
  return url;
}

inline std::string dialect_name(const ::testing::TestParamInfo<Dialect>& info) {
  return info.param == Dialect::sqlite ? "SQLite" : "PostgreSQL";
}

// The number of rows in `table` (-1 when the query fails, which the test
// is told): the tests that prove a refused request changed nothing compare
// it before and after.
inline std::int64_t row_count(Database& database, const std::string& table) {
  std::int64_t n = -1;
  auto done = database.with_transaction(
      [&](Connection& c) -> Result<void> {
        auto rows = c.query("SELECT count(*) FROM " + table);
        if (!rows) return tl::unexpected(rows.error());
        n = (*rows)[0].integer(0);
        return {};
      },
      TransactionMode::read);
  EXPECT_TRUE(done) << done.error().message;
  return n;
}

class BackendTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    std::string why;
    url_ = fresh_database(GetParam(), why);
    ASSERT_FALSE(url_.empty()) << why;
  }

  // The test's database, opened anew (a restart when called twice).
  std::unique_ptr<Database> open(const OpenOptions& options = {}) {
    auto database = Database::open(url_, options);
    EXPECT_TRUE(database.has_value()) << database.error().message;
    return database ? std::move(*database) : nullptr;
  }

  // The test's database at the latest schema version.
  std::unique_ptr<Database> open_migrated(const OpenOptions& options = {}) {
    auto database = open(options);
    if (!database) return nullptr;
    auto version = migrate(*database);
    EXPECT_TRUE(version.has_value()) << version.error().message;
    return version ? std::move(database) : nullptr;
  }

  std::string url_;
};

#define LOTSE_BOTH_BACKENDS(Suite)                                                                \
  INSTANTIATE_TEST_SUITE_P(Backends, Suite,                                                      \
                           ::testing::Values(::lotse::store::Dialect::sqlite,                    \
                                             ::lotse::store::Dialect::postgresql),               \
                           ::lotse::store::testing::dialect_name)

}  // namespace lotse::store::testing
