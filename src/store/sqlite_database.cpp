#include "store/sqlite_database.hpp"

#include <sqlite3.h>

#include <charconv>
#include <unordered_map>

namespace lotse::store {
namespace {

struct DatabaseCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using DatabaseHandle = std::unique_ptr<sqlite3, DatabaseCloser>;
using StatementHandle = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// Resets a cached statement on every way out of a call, so that it holds no
// read lock and no bound (possibly large) parameters between calls.
struct ResetOnExit {
  sqlite3_stmt* statement;
  ~ResetOnExit() {
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
  }
};

Error::Kind kind_of(int code) {
  switch (code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return Error::Kind::unique_violation;
    case SQLITE_CONSTRAINT_DATATYPE:  // a STRICT table refused a mistyped value
      return Error::Kind::invalid_argument;
    default:
      break;
  }
  switch (code & 0xff) {
    case SQLITE_CONSTRAINT: return Error::Kind::constraint;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return Error::Kind::retryable;
    case SQLITE_CANTOPEN:
    case SQLITE_NOTADB: return Error::Kind::connection;
    default: return Error::Kind::other;
  }
}

class SqliteConnection final : public PooledConnection {
 public:
  explicit SqliteConnection(DatabaseHandle db) : db_(std::move(db)) {}

  Result<std::vector<Row>> query(std::string_view sql, const std::vector<Value>& params) override {
    std::vector<Row> rows;
    auto done = run(sql, params, &rows);
    if (!done) return tl::unexpected(done.error());
    return rows;
  }

  Result<std::int64_t> execute(std::string_view sql, const std::vector<Value>& params) override {
    auto done = run(sql, params, nullptr);
    if (!done) return tl::unexpected(done.error());
    return static_cast<std::int64_t>(sqlite3_changes64(db_.get()));
  }

  Result<void> execute_script(std::string_view sql) override { return exec(std::string(sql)); }

  Dialect dialect() const override { return Dialect::sqlite; }

  Result<void> begin(TransactionMode mode) override {
    switch (mode) {
      case TransactionMode::write: return exec("BEGIN IMMEDIATE");
      case TransactionMode::read: {
        // PostgreSQL refuses writes in a READ ONLY transaction; so does
        // SQLite with query_only, until the transaction ends.
        auto only = exec("PRAGMA query_only=ON");
        if (!only) return only;
        query_only_ = true;
        return exec("BEGIN DEFERRED");
      }
      case TransactionMode::schema: return exec("BEGIN EXCLUSIVE");
    }
    return fail(Error::Kind::invalid_argument, "unknown transaction mode");
  }

  Result<void> commit() override {
    auto done = exec("COMMIT");
    if (done) end_query_only();
    return done;
  }

  void rollback() override {
    if (!sqlite3_get_autocommit(db_.get())) sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    end_query_only();
  }

  bool usable() const override { return sqlite3_get_autocommit(db_.get()) != 0 && !query_only_; }

  Result<void> exec(const std::string& sql) {
    const int rc = sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return error(rc);
    return {};
  }

 private:
  void end_query_only() {
    if (query_only_) sqlite3_exec(db_.get(), "PRAGMA query_only=OFF", nullptr, nullptr, nullptr);
    query_only_ = false;
  }

  tl::unexpected<Error> error(int code) const {
    return fail(kind_of(code), std::string("SQLite: ") + sqlite3_errmsg(db_.get()));
  }

  Result<sqlite3_stmt*> prepare(std::string_view sql) {
    std::string key(sql);
    if (auto it = statements_.find(key); it != statements_.end()) return it->second.get();
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v3(db_.get(), key.data(), static_cast<int>(key.size()),
                                      SQLITE_PREPARE_PERSISTENT, &raw, &tail);
    StatementHandle statement(raw);
    if (rc != SQLITE_OK) return error(rc);
    if (!statement) return fail(Error::Kind::invalid_argument, "empty SQL statement");
    for (; tail != nullptr && *tail != '\0'; ++tail) {
      if (*tail != ' ' && *tail != '\n' && *tail != '\t' && *tail != ';') {
        return fail(Error::Kind::invalid_argument, "more than one SQL statement in one call");
      }
    }
    sqlite3_stmt* result = statement.get();
    statements_.emplace(std::move(key), std::move(statement));
    return result;
  }

  // Binds params[k-1] to every placeholder named $k; all must be used.
  Result<void> bind(sqlite3_stmt* statement, const std::vector<Value>& params) {
    const int count = sqlite3_bind_parameter_count(statement);
    std::vector<bool> used(params.size(), false);
    for (int i = 1; i <= count; ++i) {
      const char* name = sqlite3_bind_parameter_name(statement, i);
      std::size_t k = 0;
      const std::string_view n = name ? name : "";
      if (n.size() < 2 || n[0] != '$' ||
          std::from_chars(n.data() + 1, n.data() + n.size(), k).ptr != n.data() + n.size() || k == 0 ||
          k > params.size()) {
        return fail(Error::Kind::invalid_argument,
                    "placeholder " + std::string(n.empty() ? "?" : n) + " has no parameter (write $1..$" +
                        std::to_string(params.size()) + ")");
      }
      used[k - 1] = true;
      const Value& value = params[k - 1];
      int rc = SQLITE_OK;
      if (const auto* integer = std::get_if<std::int64_t>(&value)) {
        rc = sqlite3_bind_int64(statement, i, *integer);
      } else if (const auto* text = std::get_if<std::string>(&value)) {
        rc = sqlite3_bind_text64(statement, i, text->data(), text->size(), SQLITE_STATIC, SQLITE_UTF8);
      } else if (const auto* blob = std::get_if<Blob>(&value)) {
        rc = blob->bytes.empty() ? sqlite3_bind_zeroblob(statement, i, 0)
                                 : sqlite3_bind_blob64(statement, i, blob->bytes.data(), blob->bytes.size(),
                                                       SQLITE_STATIC);
      } else {
        rc = sqlite3_bind_null(statement, i);
      }
      if (rc != SQLITE_OK) return error(rc);
    }
    for (std::size_t k = 0; k < used.size(); ++k) {
      if (!used[k]) {
        return fail(Error::Kind::invalid_argument, "parameter $" + std::to_string(k + 1) + " is not used");
      }
    }
    return {};
  }

  Result<void> run(std::string_view sql, const std::vector<Value>& params, std::vector<Row>* rows) {
    if (auto checked = check_parameters(params); !checked) return checked;
    auto prepared = prepare(sql);
    if (!prepared) return tl::unexpected(prepared.error());
    sqlite3_stmt* statement = *prepared;
    ResetOnExit reset{statement};
    if (auto bound = bind(statement, params); !bound) return bound;
    for (;;) {
      const int rc = sqlite3_step(statement);
      if (rc == SQLITE_DONE) return {};
      if (rc != SQLITE_ROW) return error(rc);
      if (rows == nullptr) continue;
      const int columns = sqlite3_column_count(statement);
      std::vector<Value> values;
      values.reserve(static_cast<std::size_t>(columns));
      for (int c = 0; c < columns; ++c) {
        switch (sqlite3_column_type(statement, c)) {
          case SQLITE_INTEGER:
            values.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(statement, c)));
            break;
          case SQLITE_TEXT: {
            const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(statement, c));
            values.emplace_back(std::string(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(statement, c))));
            break;
          }
          case SQLITE_BLOB: {
            const auto* p = static_cast<const char*>(sqlite3_column_blob(statement, c));
            const auto n = static_cast<std::size_t>(sqlite3_column_bytes(statement, c));
            values.emplace_back(Blob{p ? std::string(p, n) : std::string()});
            break;
          }
          case SQLITE_NULL: values.emplace_back(nullptr); break;
          default:
            return fail(Error::Kind::invalid_argument,
                        std::string("column ") + sqlite3_column_name(statement, c) +
                            " holds a REAL, which the Lotse SQL dialect does not use");
        }
      }
      rows->emplace_back(std::move(values));
    }
  }

  DatabaseHandle db_;  // declared first: destroyed after the statements
  std::unordered_map<std::string, StatementHandle> statements_;
  bool query_only_ = false;
};

}  // namespace

Result<std::unique_ptr<PooledConnection>> open_sqlite_connection(const std::string& path,
                                                                 std::chrono::milliseconds busy_timeout) {
  sqlite3* raw = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  DatabaseHandle db(raw);
  if (rc != SQLITE_OK) {
    return fail(Error::Kind::connection,
                "cannot open SQLite database " + path + ": " + (db ? sqlite3_errmsg(db.get()) : sqlite3_errstr(rc)));
  }
  sqlite3_extended_result_codes(db.get(), 1);
  sqlite3_busy_timeout(db.get(), static_cast<int>(busy_timeout.count()));
  auto connection = std::make_unique<SqliteConnection>(std::move(db));
  // journal_mode answers with the mode in force: a database that cannot use
  // WAL (e.g. on a file system without shared memory) says "delete".
  auto mode = connection->query("PRAGMA journal_mode=WAL", {});
  if (!mode) {
    mode.error().message = "cannot open SQLite database " + path + ": " + mode.error().message;
    mode.error().kind = mode.error().kind == Error::Kind::retryable ? Error::Kind::retryable : Error::Kind::connection;
    return tl::unexpected(mode.error());
  }
  if (mode->size() != 1 || (*mode)[0].text(0) != "wal") {
    return fail(Error::Kind::connection, "SQLite database " + path + " cannot use WAL mode");
  }
  for (const char* pragma : {"PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON", "PRAGMA trusted_schema=OFF"}) {
    if (auto done = connection->exec(pragma); !done) return tl::unexpected(done.error());
  }
  auto keys = connection->query("PRAGMA foreign_keys", {});
  if (!keys || keys->size() != 1 || (*keys)[0].integer(0) != 1) {
    return fail(Error::Kind::connection, "this SQLite does not enforce foreign keys");
  }
  return std::unique_ptr<PooledConnection>(std::move(connection));
}

}  // namespace lotse::store
