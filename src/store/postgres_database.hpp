// The PostgreSQL back end, for an organisation that outgrows one machine.
//
// Connections use libpq with client_encoding UTF8 and refuse a server
// database in another encoding (text must come back byte for byte).
// Statements are prepared once per connection (named server-side prepared
// statements, parameter types inferred by the server), parameters travel
// as text (integers, text) or binary (blobs), results in binary. Write
// transactions are SERIALIZABLE, read transactions REPEATABLE READ READ
// ONLY (one snapshot, never a serialization failure), schema transactions
// hold a transaction-scoped advisory lock so that two servers starting at
// once migrate one after the other.
//
// Thread safety: one connection is used by one thread at a time (the
// Database pool guarantees it).
#pragma once

#include <memory>
#include <string>

#include "store/database.hpp"

namespace lotse::store {

// Connects to the libpq URI `url` ("postgresql://user@host/db?host=/socket/dir").
Result<std::unique_ptr<PooledConnection>> open_postgres_connection(const std::string& url);

}  // namespace lotse::store
