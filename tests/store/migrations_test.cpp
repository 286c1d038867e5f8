// Versioned migrations on both back ends: from empty to the latest
// version, idempotent at every start, refusing a newer database.
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "store/backends.hpp"
#include "store/migrations.hpp"

namespace lotse::store {
namespace {

using testing::BackendTest;

const char* const kTables[] = {"organisations", "users", "sessions", "api_tokens", "reports",
                               "report_attachments"};

std::int64_t count(Database& database, const std::string& table) {
  std::int64_t n = -1;
  auto done = database.with_transaction(
      [&](Connection& c) -> Result<void> {
        auto rows = c.query("SELECT count(*) FROM " + table);  // table names are constants here
        if (!rows) return tl::unexpected(rows.error());
        n = (*rows)[0].integer(0);
        return {};
      },
      TransactionMode::read);
  EXPECT_TRUE(done.has_value()) << table << ": " << done.error().message;
  return n;
}

Result<void> insert_organisation(Database& database, const std::string& name) {
  return database.with_transaction([&](Connection& c) -> Result<void> {
    auto done = c.execute("INSERT INTO organisations (name, kind, created_at) VALUES ($1, 'cert', 1)", {name});
    if (!done) return tl::unexpected(done.error());
    return {};
  });
}

class Migrations : public BackendTest {};
LOTSE_BOTH_BACKENDS(Migrations);

TEST_P(Migrations, BringAnEmptyDatabaseToTheLatestVersionWithEveryTable) {
  auto database = open();
  ASSERT_TRUE(database);
  auto before = schema_version(*database);
  ASSERT_TRUE(before) << before.error().message;
  EXPECT_EQ(*before, 0);

  auto version = migrate(*database);
  ASSERT_TRUE(version) << version.error().message;
  EXPECT_EQ(*version, latest_schema_version());
  EXPECT_EQ(*schema_version(*database), latest_schema_version());
  for (const char* table : kTables) EXPECT_EQ(count(*database, table), 0) << table;
  EXPECT_EQ(count(*database, "schema_version"), static_cast<std::int64_t>(migrations().size()));
}

TEST_P(Migrations, RunAgainAtTheNextStartChangeNothing) {
  {
    auto database = open_migrated();
    ASSERT_TRUE(database);
    ASSERT_TRUE(insert_organisation(*database, "CERT@VDE"));
  }
  auto reopened = open();
  ASSERT_TRUE(reopened);
  auto version = migrate(*reopened);
  ASSERT_TRUE(version) << version.error().message;
  EXPECT_EQ(*version, latest_schema_version());
  EXPECT_EQ(count(*reopened, "schema_version"), static_cast<std::int64_t>(migrations().size()));
  EXPECT_EQ(count(*reopened, "organisations"), 1);
}

TEST_P(Migrations, RefuseADatabaseMigratedByANewerLotse) {
  auto database = open_migrated();
  ASSERT_TRUE(database);
  const std::int64_t newer = latest_schema_version() + 1;
  ASSERT_TRUE(database->with_transaction([&](Connection& c) -> Result<void> {
    auto done = c.execute("INSERT INTO schema_version (version, name, applied_at) VALUES ($1, 'future', 0)",
                          {newer});
    if (!done) return tl::unexpected(done.error());
    return {};
  }));
  ASSERT_TRUE(insert_organisation(*database, "kept"));

  auto reopened = open();
  ASSERT_TRUE(reopened);
  auto refused = migrate(*reopened);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, Error::Kind::schema_too_new);
  EXPECT_NE(refused.error().message.find("schema version " + std::to_string(newer)), std::string::npos)
      << refused.error().message;
  EXPECT_EQ(count(*reopened, "schema_version"), static_cast<std::int64_t>(migrations().size()) + 1);
  EXPECT_EQ(count(*reopened, "organisations"), 1);
}

TEST_P(Migrations, RunConcurrentlyFromTwoStartsApplyEachVersionOnce) {
  auto first = open();
  auto second = open();
  ASSERT_TRUE(first && second);
  Result<int> a = 0, b = 0;
  std::thread other([&] { b = migrate(*second); });
  a = migrate(*first);
  other.join();
  ASSERT_TRUE(a) << a.error().message;
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_EQ(*a, latest_schema_version());
  EXPECT_EQ(*b, latest_schema_version());
  EXPECT_EQ(count(*first, "schema_version"), static_cast<std::int64_t>(migrations().size()));
}

TEST_P(Migrations, AFailingMigrationLeavesTheDatabaseAtThePreviousVersionWithNoneOfItsChanges) {
  auto database = open_migrated();
  ASSERT_TRUE(database);
  std::vector<Migration> list(migrations().begin(), migrations().end());
  const int next = latest_schema_version() + 1;
  list.push_back({next, "half of it fails",
                  "CREATE TABLE appeared (x {{int}}){{strict}};\n"
                  "INSERT INTO organisations (name, kind, created_at) VALUES ('added', 'cert', 0);\n"
                  "CREATE TABLE broken (x {{int}} NOT A TYPE)"});
  auto failed = migrate(*database, list);
  ASSERT_FALSE(failed);
  EXPECT_NE(failed.error().message.find("migration " + std::to_string(next) + " failed"), std::string::npos)
      << failed.error().message;
  EXPECT_EQ(*schema_version(*database), latest_schema_version());
  EXPECT_EQ(count(*database, "organisations"), 0);
  auto gone = database->with_transaction(
      [&](Connection& c) -> Result<void> { return c.query("SELECT x FROM appeared").map([](auto) {}); },
      TransactionMode::read);
  EXPECT_FALSE(gone) << "the table of the failed migration exists";

  list.back().sql = "CREATE TABLE appeared (x {{int}}){{strict}}";
  auto fixed = migrate(*database, list);
  ASSERT_TRUE(fixed) << fixed.error().message;
  EXPECT_EQ(*fixed, next);
  EXPECT_EQ(count(*database, "appeared"), 0);
  // The binary without that migration now meets a newer database.
  auto older = migrate(*database);
  ASSERT_FALSE(older);
  EXPECT_EQ(older.error().kind, Error::Kind::schema_too_new);
}

TEST(MigrationList, IsNumberedFromOneWithoutGaps) {
  int expected = 1;
  for (const Migration& m : migrations()) EXPECT_EQ(m.version, expected++) << m.name;
  EXPECT_EQ(latest_schema_version(), expected - 1);
}

TEST(DialectSql, SpellsTheBackEndWordsAndLeavesOtherTextAlone) {
  const std::string sql = "CREATE TABLE t (id {{id}}, n {{int}}, b {{blob}}, s TEXT DEFAULT '{{x}}'){{strict}}";
  EXPECT_EQ(dialect_sql(sql, Dialect::sqlite),
            "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, n INTEGER, b BLOB, s TEXT DEFAULT '{{x}}') STRICT");
  EXPECT_EQ(dialect_sql(sql, Dialect::postgresql),
            "CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, n BIGINT, b BYTEA, "
            "s TEXT DEFAULT '{{x}}')");
}

}  // namespace
}  // namespace lotse::store
