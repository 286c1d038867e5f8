#include "store/database.hpp"

#include <random>
#include <thread>

#include "store/postgres_database.hpp"
#include "store/sqlite_database.hpp"

namespace lotse::store {

Result<std::unique_ptr<Database>> Database::open(std::string_view url, const OpenOptions& options) {
  std::unique_ptr<Database> database;
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    std::string conninfo(url);
    database = std::make_unique<Database>(
        Dialect::postgresql, [conninfo] { return open_postgres_connection(conninfo); }, options);
  } else {
    std::string path(url.starts_with("sqlite:") ? url.substr(7) : url);
    if (path.empty()) return fail(Error::Kind::invalid_argument, "empty SQLite database path");
    database = std::make_unique<Database>(
        Dialect::sqlite, [path, options] { return open_sqlite_connection(path, options.busy_timeout); },
        options);
  }
  auto first = database->acquire();
  if (!first) return tl::unexpected(first.error());
  database->release(std::move(*first));
  return database;
}

Database::Database(Dialect dialect, Factory factory, const OpenOptions& options)
    : dialect_(dialect), factory_(std::move(factory)), options_(options) {}

Result<std::unique_ptr<PooledConnection>> Database::acquire() {
  {
    std::unique_lock lock(mutex_);
    released_.wait(lock, [&] { return !idle_.empty() || open_ < std::max(1, options_.max_connections); });
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return connection;
    }
    ++open_;
  }
  auto connection = factory_();
  if (!connection) {
    std::lock_guard lock(mutex_);
    --open_;
    released_.notify_one();
  }
  return connection;
}

void Database::release(std::unique_ptr<PooledConnection> connection) {
  std::lock_guard lock(mutex_);
  if (connection->usable()) {
    idle_.push_back(std::move(connection));
  } else {
    --open_;  // broken: closed here, a new one may be opened
  }
  released_.notify_one();
}

namespace {

// A random pause growing with the attempt (1-2 ms, 2-4 ms, ... capped at
// 64-128 ms), so that two contenders do not collide again in lock step.
void back_off(int attempt) {
  thread_local std::minstd_rand random(std::random_device{}());
  const int base = 1 << std::min(attempt - 1, 6);
  std::uniform_int_distribution<int> micros(base * 1000, base * 2000);
  std::this_thread::sleep_for(std::chrono::microseconds(micros(random)));
}

}  // namespace

Result<void> Database::with_transaction(const Body& body, TransactionMode mode) {
  const int attempts = std::max(1, options_.max_attempts);
  for (int attempt = 1;; ++attempt) {
    Result<void> outcome;
    {
      auto connection = acquire();
      if (!connection) return tl::unexpected(connection.error());
      // However the body leaves (an exception from a programming error
      // included), the transaction ends (a no-op after a commit) and the
      // connection goes back to the pool, before any pause for a retry.
      struct GiveBack {
        Database& database;
        std::unique_ptr<PooledConnection>& connection;
        ~GiveBack() {
          connection->rollback();
          database.release(std::move(connection));
        }
      } give_back{*this, *connection};
      PooledConnection& c = **connection;
      outcome = c.begin(mode);
      if (outcome) outcome = body(c);
      if (outcome) outcome = c.commit();
    }
    if (outcome) return {};
    if (outcome.error().kind != Error::Kind::retryable) return outcome;
    if (attempt >= attempts) {
      outcome.error().message += " (gave up after " + std::to_string(attempts) + " attempts)";
      return outcome;
    }
    ++retries_;
    back_off(attempt);
  }
}

}  // namespace lotse::store
