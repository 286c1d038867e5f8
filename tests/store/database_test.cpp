// The Database interface on both back ends: values stored verbatim,
// constraint errors as values that leave the database unchanged,
// transactions that commit or roll back as a whole, retries on contention,
// concurrent writers, large blobs.
#include <atomic>
#include <random>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

#include "store/backends.hpp"

namespace lotse::store {
namespace {

using testing::BackendTest;

class DatabaseTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    database_ = open_migrated();
    ASSERT_TRUE(database_);
  }

  // Runs `body` as a write transaction and expects it to commit.
  void write(const Database::Body& body) {
    auto done = database_->with_transaction(body);
    ASSERT_TRUE(done) << done.error().message;
  }

  // The rows of a read-only query.
  std::vector<Row> select(const std::string& sql, const std::vector<Value>& params = {}) {
    std::vector<Row> rows;
    auto done = database_->with_transaction(
        [&](Connection& c) -> Result<void> {
          auto result = c.query(sql, params);
          if (!result) return tl::unexpected(result.error());
          rows = std::move(*result);
          return {};
        },
        TransactionMode::read);
    EXPECT_TRUE(done) << done.error().message;
    return rows;
  }

  std::int64_t count(const std::string& table) { return select("SELECT count(*) FROM " + table)[0].integer(0); }

  std::unique_ptr<Database> database_;
};
LOTSE_BOTH_BACKENDS(DatabaseTest);

// Returns the id of an inserted organisation.
Result<std::int64_t> add_organisation(Connection& c, const std::string& name, const std::string& kind = "vendor") {
  auto rows = c.query("INSERT INTO organisations (name, kind, created_at) VALUES ($1, $2, $3) RETURNING id",
                      {name, kind, std::int64_t{1764792000}});
  if (!rows) return tl::unexpected(rows.error());
  return (*rows)[0].integer(0);
}

Result<void> add_user(Connection& c, std::int64_t organisation, const std::string& email) {
  auto done = c.execute(
      "INSERT INTO users (organisation_id, email, display_name, role, password_hash, created_at) "
      "VALUES ($1, $2, $3, 'coordinator', NULL, 0)",
      {organisation, email, "Name of " + email});
  if (!done) return tl::unexpected(done.error());
  return {};
}

// Text a hostile reporter might send: SQL, HTML, placeholders, escapes,
// and Unicode beyond ASCII (combining marks, right-to-left override,
// astral plane).
const std::vector<std::string> kHostileTexts = {
    "Robert'); DROP TABLE reports;--",
    "' OR '1'='1' -- \" ; /* */ `backtick`",
    "<script>alert(\"x&amp;\")</script><img src=x onerror=alert(1)>",
    "$1 ? ?1 :name @name %s %n {{id}} \\x00 \\' \\\\ E'\\n'",
    "Grüße, Müller & Söhne — 脆弱性 🐛 \u202eevil\u202c e\u0301 \U0001F600",
    std::string("tab\tnewline\nreturn\rbell\x07 del\x7f"),
    "",
    std::string(100000, 'x'),
};

TEST_P(DatabaseTest, EveryColumnOfAReportRoundTripsVerbatimWithHostileText) {
  for (const std::string& text : kHostileTexts) {
    std::string attachment;
    for (int b = 0; b < 256; ++b) attachment.push_back(static_cast<char>(b));  // NUL included
    attachment += text;
    const std::string tracking = "LT-" + std::to_string(text.size()) + "-" + std::to_string(std::hash<std::string>{}(text));
    std::int64_t id = 0;
    write([&](Connection& c) -> Result<void> {
      auto rows = c.query(
          "INSERT INTO reports (tracking_id, secret_hash, anonymous, reporter_name, reporter_email, "
          "reporter_organisation, reporter_phone, vendor, product, version, description, impact, "
          "exploitation_known, already_public, planned_disclosure_date, credit_consent, credit_name, "
          "reporter_openpgp_key, created_at) VALUES ($1, $2, 0, $3, $3, $3, $3, $3, $3, $3, $3, $3, 1, 0, $4, 1, "
          "$3, $3, $5) RETURNING id",
          {tracking, text, text, "2027-01-31", std::int64_t{9007199254740993}});
      if (!rows) return tl::unexpected(rows.error());
      id = (*rows)[0].integer(0);
      auto added = c.execute(
          "INSERT INTO report_attachments (report_id, filename, media_type, size, content) VALUES ($1, $2, $3, $4, $5)",
          {id, text, "application/octet-stream", static_cast<std::int64_t>(attachment.size()), Blob{attachment}});
      if (!added) return tl::unexpected(added.error());
      return {};
    });
    auto rows = select(
        "SELECT tracking_id, secret_hash, anonymous, reporter_name, reporter_email, reporter_organisation, "
        "reporter_phone, vendor, product, version, description, impact, exploitation_known, already_public, "
        "planned_disclosure_date, credit_consent, credit_name, reporter_openpgp_key, created_at FROM reports "
        "WHERE id = $1",
        {id});
    ASSERT_EQ(rows.size(), 1u);
    const Row& r = rows[0];
    EXPECT_EQ(r.text(0), tracking);
    for (std::size_t column : {1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 16, 17}) {
      EXPECT_EQ(r.text(column), text) << "column " << column;
    }
    EXPECT_EQ(r.integer(2), 0);
    EXPECT_EQ(r.integer(12), 1);
    EXPECT_EQ(r.integer(13), 0);
    EXPECT_EQ(r.text(14), "2027-01-31");
    EXPECT_EQ(r.integer(15), 1);
    EXPECT_EQ(r.integer(18), 9007199254740993);  // beyond a double's exact range
    auto attachments = select("SELECT filename, size, content FROM report_attachments WHERE report_id = $1", {id});
    ASSERT_EQ(attachments.size(), 1u);
    EXPECT_EQ(attachments[0].text(0), text);
    EXPECT_EQ(attachments[0].integer(1), static_cast<std::int64_t>(attachment.size()));
    EXPECT_EQ(attachments[0].blob(2), attachment);
  }
  EXPECT_EQ(count("reports"), static_cast<std::int64_t>(kHostileTexts.size()));
}

TEST_P(DatabaseTest, NullsExtremeIntegersAndEmptyBlobsReadBackAsWritten) {
  write([&](Connection& c) -> Result<void> {
    auto org = add_organisation(c, "org");
    if (!org) return tl::unexpected(org.error());
    if (auto u = add_user(c, *org, "a@example.net"); !u) return u;
    auto token = c.execute(
        "INSERT INTO api_tokens (user_id, token_hash, name, created_at, last_used_at) "
        "SELECT id, $1, $2, $3, NULL FROM users WHERE email = 'a@example.net'",
        {"h1", "min", std::numeric_limits<std::int64_t>::min()});
    if (!token) return tl::unexpected(token.error());
    auto second = c.execute(
        "INSERT INTO api_tokens (user_id, token_hash, name, created_at, last_used_at) "
        "SELECT id, $1, $2, $3, $4 FROM users WHERE email = 'a@example.net'",
        {"h2", "max", std::numeric_limits<std::int64_t>::max(), std::int64_t{-1}});
    if (!second) return tl::unexpected(second.error());
    return {};
  });
  auto tokens = select("SELECT name, created_at, last_used_at FROM api_tokens ORDER BY token_hash");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].integer(1), std::numeric_limits<std::int64_t>::min());
  EXPECT_TRUE(tokens[0].is_null(2));
  EXPECT_EQ(tokens[0].optional_integer(2), std::nullopt);
  EXPECT_EQ(tokens[1].integer(1), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(tokens[1].optional_integer(2), -1);
  auto user = select("SELECT password_hash, disabled FROM users");
  ASSERT_EQ(user.size(), 1u);
  EXPECT_EQ(user[0].optional_text(0), std::nullopt);
  EXPECT_EQ(user[0].integer(1), 0);  // the column default

  std::int64_t report = 0;
  write([&](Connection& c) -> Result<void> {
    auto rows = c.query(
        "INSERT INTO reports (tracking_id, secret_hash, anonymous, vendor, product, version, description, impact, "
        "exploitation_known, already_public, credit_consent, created_at) "
        "VALUES ('LT-1', 's', 1, 'v', 'p', '', 'd', '', 0, 0, 0, 0) RETURNING id");
    if (!rows) return tl::unexpected(rows.error());
    report = (*rows)[0].integer(0);
    auto added = c.execute(
        "INSERT INTO report_attachments (report_id, filename, media_type, size, content) VALUES ($1, 'e', 't', 0, $2)",
        {report, Blob{}});
    if (!added) return tl::unexpected(added.error());
    return {};
  });
  auto anonymous = select("SELECT reporter_name, reporter_email, planned_disclosure_date, credit_name FROM reports");
  ASSERT_EQ(anonymous.size(), 1u);
  for (std::size_t column = 0; column < 4; ++column) EXPECT_TRUE(anonymous[0].is_null(column)) << column;
  auto empty = select("SELECT content FROM report_attachments WHERE report_id = $1", {report});
  ASSERT_EQ(empty.size(), 1u);
  EXPECT_EQ(empty[0][0], Value(Blob{}));
}

TEST_P(DatabaseTest, UniqueViolationIsAClearErrorAndTheWholeTransactionIsUndone) {
  write([&](Connection& c) -> Result<void> {
    auto org = add_organisation(c, "first");
    if (!org) return tl::unexpected(org.error());
    return add_user(c, *org, "taken@example.net");
  });
  auto failed = database_->with_transaction([&](Connection& c) -> Result<void> {
    auto org = add_organisation(c, "second");
    if (!org) return tl::unexpected(org.error());
    return add_user(c, *org, "taken@example.net");
  });
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().kind, Error::Kind::unique_violation);
  EXPECT_NE(failed.error().message.find("email"), std::string::npos) << failed.error().message;
  EXPECT_EQ(count("organisations"), 1);
  EXPECT_EQ(count("users"), 1);
  auto names = select("SELECT name FROM organisations");
  EXPECT_EQ(names[0].text(0), "first");
}

TEST_P(DatabaseTest, CheckAndForeignKeyViolationsAreConstraintErrors) {
  auto bad_kind = database_->with_transaction(
      [&](Connection& c) -> Result<void> { return add_organisation(c, "x", "hacker").map([](auto) {}); });
  ASSERT_FALSE(bad_kind);
  EXPECT_EQ(bad_kind.error().kind, Error::Kind::constraint) << bad_kind.error().message;

  auto no_organisation = database_->with_transaction(
      [&](Connection& c) -> Result<void> { return add_user(c, 4242, "orphan@example.net"); });
  ASSERT_FALSE(no_organisation);
  EXPECT_EQ(no_organisation.error().kind, Error::Kind::constraint) << no_organisation.error().message;

  auto named_anonymous = database_->with_transaction([&](Connection& c) -> Result<void> {
    auto rows = c.query(
        "INSERT INTO reports (tracking_id, secret_hash, anonymous, reporter_name, vendor, product, version, "
        "description, impact, exploitation_known, already_public, credit_consent, created_at) "
        "VALUES ('LT-2', 's', 1, 'named but anonymous', 'v', 'p', '', 'd', '', 0, 0, 0, 0) RETURNING id");
    if (!rows) return tl::unexpected(rows.error());
    return {};
  });
  ASSERT_FALSE(named_anonymous);
  EXPECT_EQ(named_anonymous.error().kind, Error::Kind::constraint) << named_anonymous.error().message;
  EXPECT_EQ(count("organisations"), 0);
  EXPECT_EQ(count("users"), 0);
  EXPECT_EQ(count("reports"), 0);
}

TEST_P(DatabaseTest, MistypedValuesAreRefusedAsOnPostgreSQL) {
  auto text_in_integer = database_->with_transaction([&](Connection& c) -> Result<void> {
    auto done = c.execute("INSERT INTO organisations (name, kind, created_at) VALUES ('n', 'cert', $1)",
                          {std::string("yesterday")});
    if (!done) return tl::unexpected(done.error());
    return {};
  });
  ASSERT_FALSE(text_in_integer);
  EXPECT_EQ(text_in_integer.error().kind, Error::Kind::invalid_argument) << text_in_integer.error().message;
  EXPECT_EQ(count("organisations"), 0);
}

TEST_P(DatabaseTest, ABodyThatFailsRollsBackEveryStatementAndIsNotRetried) {
  int calls = 0;
  auto failed = database_->with_transaction([&](Connection& c) -> Result<void> {
    ++calls;
    auto org = add_organisation(c, "rolled back");
    if (!org) return tl::unexpected(org.error());
    if (auto u = add_user(c, *org, "gone@example.net"); !u) return u;
    return fail(Error::Kind::other, "the caller changed its mind");
  });
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().message, "the caller changed its mind");
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(count("organisations"), 0);
  EXPECT_EQ(count("users"), 0);
  EXPECT_EQ(database_->retries(), 0u);
}

TEST_P(DatabaseTest, ABodyThatThrowsRollsBackAndGivesTheConnectionBack) {
  OpenOptions options;
  options.max_connections = 1;
  auto database = open(options);
  ASSERT_TRUE(database);
  EXPECT_THROW(database->with_transaction([&](Connection& c) -> Result<void> {
    auto org = add_organisation(c, "thrown away");
    if (!org) return tl::unexpected(org.error());
    throw std::logic_error("a programming error");
  }),
               std::logic_error);
  // The only connection is free again (otherwise this would wait forever)
  // and nothing of the thrown body remains.
  std::int64_t n = -1;
  auto read = database->with_transaction(
      [&](Connection& c) -> Result<void> {
        auto rows = c.query("SELECT count(*) FROM organisations");
        if (!rows) return tl::unexpected(rows.error());
        n = (*rows)[0].integer(0);
        return {};
      },
      TransactionMode::read);
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(n, 0);
}

TEST_P(DatabaseTest, ARetryableFailureRunsTheBodyAgainAndCommitsOnlyTheLastAttempt) {
  int calls = 0;
  write([&](Connection& c) -> Result<void> {
    ++calls;
    auto org = add_organisation(c, "attempt " + std::to_string(calls));
    if (!org) return tl::unexpected(org.error());
    if (calls == 1) return fail(Error::Kind::retryable, "simulated contention");
    return {};
  });
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(database_->retries(), 1u);
  auto names = select("SELECT name FROM organisations");
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0].text(0), "attempt 2");
}

TEST_P(DatabaseTest, RetriesStopAfterTheConfiguredNumberOfAttempts) {
  OpenOptions options;
  options.max_attempts = 3;
  auto database = open(options);
  ASSERT_TRUE(database);
  int calls = 0;
  auto failed = database->with_transaction([&](Connection&) -> Result<void> {
    ++calls;
    return fail(Error::Kind::retryable, "always busy");
  });
  ASSERT_FALSE(failed);
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(failed.error().kind, Error::Kind::retryable);
  EXPECT_NE(failed.error().message.find("gave up after 3 attempts"), std::string::npos) << failed.error().message;
}

TEST_P(DatabaseTest, ReadTransactionsRefuseWrites) {
  auto refused = database_->with_transaction(
      [&](Connection& c) -> Result<void> { return add_organisation(c, "sneaky").map([](auto) {}); },
      TransactionMode::read);
  EXPECT_FALSE(refused);
  EXPECT_EQ(count("organisations"), 0);
  // The connection goes back to the pool writable.
  write([&](Connection& c) -> Result<void> { return add_organisation(c, "fine").map([](auto) {}); });
  EXPECT_EQ(count("organisations"), 1);
}

TEST_P(DatabaseTest, TextWithNulOrBadUtf8IsRefusedBeforeReachingTheDatabase) {
  for (const std::string& bad : {std::string("a\0b", 3), std::string("\xc3\x28"), std::string("\xed\xa0\x80")}) {
    auto refused = database_->with_transaction(
        [&](Connection& c) -> Result<void> { return add_organisation(c, bad).map([](auto) {}); });
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Error::Kind::invalid_argument) << refused.error().message;
  }
  EXPECT_EQ(count("organisations"), 0);
}

TEST_P(DatabaseTest, PlaceholdersBindByNumberInAnyOrderAndMayRepeat) {
  write([&](Connection& c) -> Result<void> {
    if (auto a = add_organisation(c, "alpha", "cert"); !a) return tl::unexpected(a.error());
    if (auto b = add_organisation(c, "beta", "vendor"); !b) return tl::unexpected(b.error());
    return {};
  });
  auto rows = select("SELECT name FROM organisations WHERE kind = $2 AND (name = $1 OR name = $1)",
                     {std::string("beta"), std::string("vendor")});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].text(0), "beta");
  auto unused = database_->with_transaction(
      [&](Connection& c) -> Result<void> {
        return c.query("SELECT name FROM organisations WHERE kind = $1", {std::string("cert"), std::int64_t{1}})
            .map([](auto) {});
      },
      TransactionMode::read);
  EXPECT_FALSE(unused);
}

// Two threads each run `per_thread` read-modify-write transactions on one
// counter; a lost update or a failed transaction shows in the result.
void run_concurrent_writers(Database& database, int per_thread) {
  std::int64_t counter_id = 0;
  auto created = database.with_transaction([&](Connection& c) -> Result<void> {
    auto rows = c.query("INSERT INTO organisations (name, kind, created_at) VALUES ('counter', 'cert', 0) RETURNING id");
    if (!rows) return tl::unexpected(rows.error());
    counter_id = (*rows)[0].integer(0);
    return {};
  });
  ASSERT_TRUE(created) << created.error().message;
  std::atomic<int> failures{0};
  auto writer = [&](int thread) {
    for (int i = 0; i < per_thread; ++i) {
      auto done = database.with_transaction([&](Connection& c) -> Result<void> {
        // Read, then write what was read plus one: a lost update shows.
        auto rows = c.query("SELECT created_at FROM organisations WHERE id = $1", {counter_id});
        if (!rows) return tl::unexpected(rows.error());
        auto updated = c.execute("UPDATE organisations SET created_at = $1 WHERE id = $2",
                                 {(*rows)[0].integer(0) + 1, counter_id});
        if (!updated) return tl::unexpected(updated.error());
        return add_organisation(c, "t" + std::to_string(thread) + "-" + std::to_string(i)).map([](auto) {});
      });
      if (!done) {
        ADD_FAILURE() << done.error().message;
        ++failures;
      }
    }
  };
  std::thread first(writer, 1), second(writer, 2);
  first.join();
  second.join();
  EXPECT_EQ(failures.load(), 0);
  std::int64_t counter = -1, organisations = -1;
  auto read = database.with_transaction(
      [&](Connection& c) -> Result<void> {
        auto value = c.query("SELECT created_at FROM organisations WHERE id = $1", {counter_id});
        if (!value) return tl::unexpected(value.error());
        auto rows = c.query("SELECT count(*) FROM organisations");
        if (!rows) return tl::unexpected(rows.error());
        counter = (*value)[0].integer(0);
        organisations = (*rows)[0].integer(0);
        return {};
      },
      TransactionMode::read);
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(counter, 2 * per_thread);
  EXPECT_EQ(organisations, 2 * per_thread + 1);
}

TEST_P(DatabaseTest, TwoConcurrentWritersLoseNoUpdate) { run_concurrent_writers(*database_, 40); }

// Without a busy timeout SQLite reports busy at once, so the Database's
// retries (not SQLite's waiting) must carry the writers through.
TEST_P(DatabaseTest, TwoConcurrentWritersWithoutABusyTimeoutAreCarriedByRetries) {
  OpenOptions options;
  options.busy_timeout = std::chrono::milliseconds(0);
  options.max_attempts = 100;
  auto database = open(options);
  ASSERT_TRUE(database);
  run_concurrent_writers(*database, 40);
}

TEST_P(DatabaseTest, WritersShareASingleConnectionByTakingTurns) {
  OpenOptions options;
  options.max_connections = 1;
  auto database = open(options);
  ASSERT_TRUE(database);
  run_concurrent_writers(*database, 20);
  EXPECT_EQ(database->retries(), 0u);  // never two transactions at once
}

TEST_P(DatabaseTest, OnlyOneStatementPerCallAndOnlyNumberedPlaceholders) {
  for (const char* sql : {"SELECT 1; DELETE FROM organisations", "SELECT name FROM organisations WHERE name = ?"}) {
    auto refused = database_->with_transaction(
        [&](Connection& c) -> Result<void> { return c.query(sql, {std::string("x")}).map([](auto) {}); },
        TransactionMode::read);
    EXPECT_FALSE(refused) << sql;
  }
}

TEST_P(DatabaseTest, AFiveMebibyteAttachmentRoundTrips) {
  std::string content(5 * 1024 * 1024, '\0');
  std::mt19937_64 random(7);
  for (char& byte : content) byte = static_cast<char>(random());
  std::int64_t id = 0;
  write([&](Connection& c) -> Result<void> {
    auto rows = c.query(
        "INSERT INTO reports (tracking_id, secret_hash, anonymous, vendor, product, version, description, impact, "
        "exploitation_known, already_public, credit_consent, created_at) "
        "VALUES ('LT-big', 's', 1, 'v', 'p', '', 'd', '', 0, 0, 0, 0) RETURNING id");
    if (!rows) return tl::unexpected(rows.error());
    auto added = c.query(
        "INSERT INTO report_attachments (report_id, filename, media_type, size, content) "
        "VALUES ($1, 'core.dump', 'application/octet-stream', $2, $3) RETURNING id",
        {(*rows)[0].integer(0), static_cast<std::int64_t>(content.size()), Blob{content}});
    if (!added) return tl::unexpected(added.error());
    id = (*added)[0].integer(0);
    return {};
  });
  auto rows = select("SELECT size, content FROM report_attachments WHERE id = $1", {id});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].integer(0), static_cast<std::int64_t>(content.size()));
  EXPECT_TRUE(rows[0].blob(1) == content);
}

TEST(DatabaseOpen, SQLiteRunsInWalModeWithFullSyncAndForeignKeys) {
  auto database = Database::open("sqlite:" + (testing::scratch().path() / "pragmas.db").string());
  ASSERT_TRUE(database) << database.error().message;
  std::vector<std::string> answers;
  auto done = (*database)->with_transaction([&](Connection& c) -> Result<void> {
    for (const char* pragma : {"PRAGMA journal_mode", "PRAGMA synchronous", "PRAGMA foreign_keys"}) {
      auto rows = c.query(pragma);
      if (!rows) return tl::unexpected(rows.error());
      const Value& v = (*rows)[0][0];
      answers.push_back(std::holds_alternative<std::string>(v) ? std::get<std::string>(v)
                                                               : std::to_string(std::get<std::int64_t>(v)));
    }
    return {};
  });
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(answers, (std::vector<std::string>{"wal", "2", "1"}));  // synchronous 2 = FULL
}

TEST(DatabaseOpen, AnUnreachablePostgreSQLIsAConnectionError) {
  auto opened = Database::open("postgresql:///nothing?host=/nonexistent-lotse-socket-dir&connect_timeout=2");
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind, Error::Kind::connection);
  EXPECT_NE(opened.error().message.find("PostgreSQL"), std::string::npos) << opened.error().message;
}

TEST(DatabaseOpen, AFileThatIsNotASQLiteDatabaseIsRefused) {
  const auto path = testing::scratch().path() / "not-a-database";
  {
    std::ofstream out(path);
    out << std::string(4096, 'x');
  }
  auto opened = Database::open("sqlite:" + path.string());
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind, Error::Kind::connection) << opened.error().message;
  auto missing_directory = Database::open((testing::scratch().path() / "no" / "such.db").string());
  ASSERT_FALSE(missing_directory);
  EXPECT_EQ(missing_directory.error().kind, Error::Kind::connection);
}

}  // namespace
}  // namespace lotse::store
