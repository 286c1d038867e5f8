// The schema of a Lotse database and how it grows: one ordered list of
// migrations (migrations.cpp), the same SQL for both back ends, recorded in
// the table schema_version (version, name, applied_at).
//
// migrate() runs at every start: each migration the database lacks is
// applied in a transaction of its own together with its schema_version
// row, so a crash leaves the database at one version or the next, never in
// between; a database already current is left untouched; a database
// migrated by a newer lotse (a version this binary does not know) is
// refused rather than used with a schema the code does not understand.
// Concurrent starts are safe: schema transactions exclude each other.
//
// Conventions of the schema (the platform builds on them):
// * ids are 64-bit integers the database assigns (INSERT ... RETURNING id);
// * times are integers, Unix seconds in UTC (one type on both back ends,
//   compared as numbers; the API renders RFC 3339); a calendar date
//   (planned_disclosure_date) is text YYYY-MM-DD;
// * booleans are integers 0/1 with a CHECK;
// * secrets (session ids, CSRF and API tokens, the report secret) are
//   stored only as hashes.
//
// Thread safety: migrate() may run concurrently with itself.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace lotse::store {

struct Migration {
  int version;            // 1, 2, 3, ... without gaps
  std::string_view name;  // what it adds, for schema_version and logs
  // Statements separated by ';'. Words the back ends spell differently are
  // written as {{id}} (an assigned 64-bit primary key), {{int}} (64-bit
  // integer), {{blob}} (bytes) and {{strict}} (table options), and
  // expanded by dialect_sql().
  std::string_view sql;
};

// Every migration, in order.
std::span<const Migration> migrations();

// The version the newest migration brings a database to.
int latest_schema_version();

// `sql` with the {{...}} words of Migration::sql expanded for `dialect`.
std::string dialect_sql(std::string_view sql, Dialect dialect);

// Brings `database` to latest_schema_version() (see above); the version it
// is at afterwards. Error::Kind::schema_too_new for a newer database.
Result<int> migrate(Database& database);

// The same with another list (tests of the mechanism): `list` plays the
// part of migrations(), its last version that of the latest.
Result<int> migrate(Database& database, std::span<const Migration> list);

// The version `database` is at: 0 when no migration ever ran.
Result<int> schema_version(Database& database);

}  // namespace lotse::store
