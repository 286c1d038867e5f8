#include "store/postgres_database.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>
#include <unordered_map>

namespace lotse::store {
namespace {

struct ConnectionCloser {
  void operator()(PGconn* conn) const { PQfinish(conn); }
};
struct ResultClearer {
  void operator()(PGresult* result) const { PQclear(result); }
};
using ConnectionHandle = std::unique_ptr<PGconn, ConnectionCloser>;
using ResultHandle = std::unique_ptr<PGresult, ResultClearer>;

// Type OIDs (src/include/catalog/pg_type.dat) of the dialect's columns.
constexpr Oid kBool = 16, kBytea = 17, kName = 19, kInt8 = 20, kInt2 = 21, kInt4 = 23, kText = 25,
              kUnknown = 705, kBpchar = 1042, kVarchar = 1043;

// A transaction-scoped advisory lock key that only Lotse's migrations take.
constexpr const char* kSchemaLock = "SELECT pg_advisory_xact_lock(7460931)";

Error::Kind kind_of(std::string_view sqlstate) {
  if (sqlstate == "23505") return Error::Kind::unique_violation;
  if (sqlstate.starts_with("23")) return Error::Kind::constraint;
  if (sqlstate == "40001" || sqlstate == "40P01") return Error::Kind::retryable;
  if (sqlstate.starts_with("08")) return Error::Kind::connection;
  // Data exceptions: a value the column's type cannot hold (text for an
  // integer, bad encoding); SQLite's STRICT tables refuse the same.
  if (sqlstate.starts_with("22")) return Error::Kind::invalid_argument;
  return Error::Kind::other;
}

// Big-endian integer of `size` bytes at `p`, sign-extended.
std::int64_t read_big_endian(const char* p, int size) {
  std::uint64_t value = 0;
  for (int i = 0; i < size; ++i) value = (value << 8) | static_cast<unsigned char>(p[i]);
  if (size < 8 && (value >> (size * 8 - 1)) & 1) value |= ~std::uint64_t{0} << (size * 8);
  return static_cast<std::int64_t>(value);
}

void ignore_notice(void*, const char*) {}

class PostgresConnection final : public PooledConnection {
 public:
  explicit PostgresConnection(ConnectionHandle conn) : conn_(std::move(conn)) {}

  Result<std::vector<Row>> query(std::string_view sql, const std::vector<Value>& params) override {
    auto result = run(sql, params);
    if (!result) return tl::unexpected(result.error());
    PGresult* r = result->get();
    const int rows = PQntuples(r), columns = PQnfields(r);
    std::vector<Row> out;
    out.reserve(static_cast<std::size_t>(rows));
    for (int i = 0; i < rows; ++i) {
      std::vector<Value> values;
      values.reserve(static_cast<std::size_t>(columns));
      for (int c = 0; c < columns; ++c) {
        auto value = decode(r, i, c);
        if (!value) return tl::unexpected(value.error());
        values.push_back(std::move(*value));
      }
      out.emplace_back(std::move(values));
    }
    return out;
  }

  Result<std::int64_t> execute(std::string_view sql, const std::vector<Value>& params) override {
    auto result = run(sql, params);
    if (!result) return tl::unexpected(result.error());
    const char* tuples = PQcmdTuples(result->get());
    std::int64_t changes = 0;
    std::from_chars(tuples, tuples + std::strlen(tuples), changes);
    return changes;
  }

  Result<void> execute_script(std::string_view sql) override { return exec(std::string(sql)); }

  Dialect dialect() const override { return Dialect::postgresql; }

  Result<void> begin(TransactionMode mode) override {
    switch (mode) {
      case TransactionMode::write: return exec("BEGIN ISOLATION LEVEL SERIALIZABLE");
      case TransactionMode::read: return exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      case TransactionMode::schema: {
        auto begun = exec("BEGIN ISOLATION LEVEL READ COMMITTED");
        if (!begun) return begun;
        return exec(kSchemaLock);
      }
    }
    return fail(Error::Kind::invalid_argument, "unknown transaction mode");
  }

  Result<void> commit() override {
    auto done = exec("COMMIT");
    if (!done) return done;
    // COMMIT of an aborted transaction succeeds as a ROLLBACK; never report
    // that as committed. (The body's error normally comes first.)
    if (committed_as_rollback_) return fail(Error::Kind::other, "PostgreSQL rolled the transaction back");
    return {};
  }

  void rollback() override {
    if (PQtransactionStatus(conn_.get()) != PQTRANS_IDLE) ResultHandle(PQexec(conn_.get(), "ROLLBACK"));
  }

  bool usable() const override {
    return PQstatus(conn_.get()) == CONNECTION_OK && PQtransactionStatus(conn_.get()) == PQTRANS_IDLE;
  }

  Result<void> exec(const std::string& sql) {
    committed_as_rollback_ = false;
    ResultHandle result(PQexec(conn_.get(), sql.c_str()));
    auto checked = check(result.get());
    if (!checked) return tl::unexpected(checked.error());
    if (sql == "COMMIT" && std::strcmp(PQcmdStatus(result.get()), "ROLLBACK") == 0) committed_as_rollback_ = true;
    return {};
  }

 private:
  Result<void> check(PGresult* result) const {
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return {};
    if (result == nullptr || PQresultErrorField(result, PG_DIAG_SQLSTATE) == nullptr) {
      return fail(Error::Kind::connection, std::string("PostgreSQL: ") + PQerrorMessage(conn_.get()));
    }
    const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    return fail(kind_of(PQresultErrorField(result, PG_DIAG_SQLSTATE)),
                std::string("PostgreSQL: ") + (primary ? primary : PQresultErrorMessage(result)));
  }

  Result<const std::string*> prepare(std::string_view sql) {
    std::string key(sql);
    if (auto it = statements_.find(key); it != statements_.end()) return &it->second;
    std::string name = "lotse_" + std::to_string(statements_.size() + 1);
    ResultHandle result(PQprepare(conn_.get(), name.c_str(), key.c_str(), 0, nullptr));
    if (auto checked = check(result.get()); !checked) return tl::unexpected(checked.error());
    return &statements_.emplace(std::move(key), std::move(name)).first->second;
  }

  Result<ResultHandle> run(std::string_view sql, const std::vector<Value>& params) {
    if (auto checked = check_parameters(params); !checked) return tl::unexpected(checked.error());
    auto name = prepare(sql);
    if (!name) return tl::unexpected(name.error());
    const std::size_t n = params.size();
    std::vector<std::string> integers(n);
    std::vector<const char*> values(n, nullptr);
    std::vector<int> lengths(n, 0), formats(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
      if (const auto* integer = std::get_if<std::int64_t>(&params[i])) {
        integers[i] = std::to_string(*integer);
        values[i] = integers[i].c_str();
      } else if (const auto* text = std::get_if<std::string>(&params[i])) {
        values[i] = text->c_str();
      } else if (const auto* blob = std::get_if<Blob>(&params[i])) {
        values[i] = blob->bytes.data();
        lengths[i] = static_cast<int>(blob->bytes.size());
        formats[i] = 1;
      }
    }
    ResultHandle result(PQexecPrepared(conn_.get(), (*name)->c_str(), static_cast<int>(n), values.data(),
                                       lengths.data(), formats.data(), 1));
    if (auto checked = check(result.get()); !checked) return tl::unexpected(checked.error());
    return result;
  }

  static Result<Value> decode(PGresult* result, int row, int column) {
    if (PQgetisnull(result, row, column)) return Value(nullptr);
    const char* p = PQgetvalue(result, row, column);
    const int size = PQgetlength(result, row, column);
    const Oid type = PQftype(result, column);
    switch (type) {
      case kInt8:
      case kInt4:
      case kInt2:
      case kBool:
        return Value(read_big_endian(p, size));
      case kBytea: return Value(Blob{std::string(p, static_cast<std::size_t>(size))});
      case kText:
      case kVarchar:
      case kBpchar:
      case kName:
      case kUnknown: return Value(std::string(p, static_cast<std::size_t>(size)));
      default:
        return fail(Error::Kind::invalid_argument, std::string("column ") + PQfname(result, column) +
                                                       " has PostgreSQL type " + std::to_string(type) +
                                                       ", which the Lotse SQL dialect does not use");
    }
  }

  ConnectionHandle conn_;
  std::unordered_map<std::string, std::string> statements_;  // SQL -> prepared statement name
  bool committed_as_rollback_ = false;
};

}  // namespace

Result<std::unique_ptr<PooledConnection>> open_postgres_connection(const std::string& url) {
  const char* keywords[] = {"dbname", "client_encoding", "connect_timeout", nullptr};
  const char* values[] = {url.c_str(), "UTF8", "10", nullptr};
  ConnectionHandle conn(PQconnectdbParams(keywords, values, 1));
  if (!conn) return fail(Error::Kind::connection, "PostgreSQL: out of memory");
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    return fail(Error::Kind::connection, std::string("cannot connect to PostgreSQL: ") + PQerrorMessage(conn.get()));
  }
  const char* encoding = PQparameterStatus(conn.get(), "server_encoding");
  if (encoding == nullptr || std::string_view(encoding) != "UTF8") {
    return fail(Error::Kind::connection, std::string("PostgreSQL database encoding is ") +
                                             (encoding ? encoding : "unknown") + ", Lotse needs UTF8");
  }
  PQsetNoticeProcessor(conn.get(), ignore_notice, nullptr);
  return std::unique_ptr<PooledConnection>(std::make_unique<PostgresConnection>(std::move(conn)));
}

}  // namespace lotse::store
