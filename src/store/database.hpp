// A Lotse database: SQLite (the embedded default, one file) or PostgreSQL,
// behind one interface, with one schema (store/migrations.hpp).
//
// All access goes through transactions: with_transaction() hands the body a
// Connection, commits when the body succeeds and rolls back when it fails,
// and retries the whole body (a bounded number of times, with a short
// random back-off) when the back end reports contention: SQLite busy, or
// PostgreSQL serialization failure / deadlock. Write transactions are
// serializable on both back ends (SQLite: BEGIN IMMEDIATE, one writer at a
// time; PostgreSQL: ISOLATION LEVEL SERIALIZABLE), so logic tested on one
// behaves the same on the other.
//
// The SQL dialect is the subset both accept: one statement per call,
// parameters written $1..$n (PostgreSQL's own syntax; SQLite binds them by
// name, so no text is rewritten and a parameter may appear twice), every
// parameter used, columns of the types in store/value.hpp. SQL text is
// always a constant of the program; input only ever arrives as a bound
// parameter. Statements are prepared once per connection and reused.
//
// Thread safety: a Database is shared by all threads. It keeps a pool of
// connections; each transaction runs on a connection of its own, so
// concurrent transactions never share one. A Connection is used only inside
// its transaction body, by that body's thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "store/error.hpp"
#include "store/value.hpp"

namespace lotse::store {

enum class Dialect { sqlite, postgresql };

enum class TransactionMode {
  write,   // reads and writes, serializable
  read,    // reads only, from one consistent snapshot
  schema,  // migrations: excludes every other schema transaction
};

// What a transaction body runs statements on.
class Connection {
 public:
  virtual ~Connection() = default;

  // Runs one statement with $1..$n bound to `params`; the rows it returns.
  virtual Result<std::vector<Row>> query(std::string_view sql, const std::vector<Value>& params = {}) = 0;

  // Runs one statement; the number of rows it inserted, updated or deleted.
  virtual Result<std::int64_t> execute(std::string_view sql, const std::vector<Value>& params = {}) = 0;

  // Runs several statements without parameters (migrations only).
  virtual Result<void> execute_script(std::string_view sql) = 0;

  virtual Dialect dialect() const = 0;
};

// A connection as the pool sees it: the transaction control that bodies
// must not call themselves. Implemented by each back end.
class PooledConnection : public Connection {
 public:
  virtual Result<void> begin(TransactionMode mode) = 0;
  virtual Result<void> commit() = 0;
  // Ends a failed transaction; a no-op when none is open.
  virtual void rollback() = 0;
  // False when the connection is broken and must not return to the pool.
  virtual bool usable() const = 0;
};

struct OpenOptions {
  // Attempts of a transaction body that keeps meeting contention.
  int max_attempts = 10;
  // How long SQLite waits for a lock before reporting busy.
  std::chrono::milliseconds busy_timeout{5000};
  // Connections open at once; a transaction beyond them waits for one to
  // be released (PostgreSQL allows 100 per server by default).
  int max_connections = 16;
};

class Database {
 public:
  using Factory = std::function<Result<std::unique_ptr<PooledConnection>>()>;
  // The body of a transaction. It may run more than once (retries), so it
  // must not have effects outside the database before it returns; after a
  // failed statement it should return that error (PostgreSQL aborts the
  // transaction at the first error).
  using Body = std::function<Result<void>(Connection&)>;

  // Opens the database `url` names: "postgresql://..." or "postgres://..."
  // (libpq URI; the server must use UTF-8), "sqlite:PATH" or a plain file
  // path for SQLite (created when missing). Connects once to report an
  // unreachable or unusable database here rather than at first use.
  static Result<std::unique_ptr<Database>> open(std::string_view url, const OpenOptions& options = {});

  // For back ends: a database over connections from `factory`.
  Database(Dialect dialect, Factory factory, const OpenOptions& options);

  // Runs `body` in a transaction (see the file comment): committed when the
  // body and the commit succeed, otherwise rolled back and the error
  // returned; retried on Error::Kind::retryable up to max_attempts times.
  // REQUIRES: not called from inside a body (transactions do not nest; a
  // nested call could wait forever for a connection).
  Result<void> with_transaction(const Body& body, TransactionMode mode = TransactionMode::write);

  Dialect dialect() const { return dialect_; }

  // How many attempts were retried so far (contention seen), for tests and
  // statistics.
  std::uint64_t retries() const { return retries_.load(); }

 private:
  Result<std::unique_ptr<PooledConnection>> acquire();
  void release(std::unique_ptr<PooledConnection> connection);

  Dialect dialect_;
  Factory factory_;
  OpenOptions options_;
  std::mutex mutex_;
  std::condition_variable released_;
  std::vector<std::unique_ptr<PooledConnection>> idle_;
  int open_ = 0;  // connections in idle_ or in use
  std::atomic<std::uint64_t> retries_{0};
};

}  // namespace lotse::store
