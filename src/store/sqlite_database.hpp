// The SQLite back end: the embedded default, one database file.
//
// Every connection runs in WAL mode (readers never block the writer and a
// killed process leaves the last committed transaction intact), with
// synchronous=FULL: each commit syncs the WAL, so an acknowledged write
// (a reporter's tracking id) survives a power cut, not only a killed
// process (NORMAL would only guarantee the latter). Foreign keys are
// enforced, and a busy timeout makes a second writer wait for the lock
// before SQLite reports busy (which the Database then retries). Tables are
// created STRICT, so SQLite refuses mistyped values as PostgreSQL does.
//
// Thread safety: one connection is used by one thread at a time (the
// Database pool guarantees it).
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "store/database.hpp"

namespace lotse::store {

// Opens (creating when missing) the SQLite database file `path` with the
// settings above.
Result<std::unique_ptr<PooledConnection>> open_sqlite_connection(const std::string& path,
                                                                 std::chrono::milliseconds busy_timeout);

}  // namespace lotse::store
