// What went wrong in a storage call, as a value.
//
// Callers must tell a few failures apart: a UNIQUE violation is a user's
// conflict (an e-mail address taken, HTTP 409), a busy database or a
// serialization failure is worth retrying, everything else is a server
// fault. Both back ends map their native codes (SQLite extended result
// codes, PostgreSQL SQLSTATEs) onto the same kinds, so callers never look at
// back-end codes. Plain data; thread-safe to copy.
#pragma once

#include <string>

#include <tl/expected.hpp>

namespace lotse::store {

struct Error {
  enum class Kind {
    unique_violation,  // a UNIQUE or PRIMARY KEY constraint refused the write
    constraint,        // another constraint refused it (CHECK, NOT NULL, FOREIGN KEY)
    retryable,         // SQLite busy/locked, PostgreSQL serialization failure or deadlock
    invalid_argument,  // outside the dialect or the column's type: NUL or bad UTF-8 in text,
                       // text for an integer, wrong placeholders, REAL
    schema_too_new,    // the database was migrated by a newer lotse
    connection,        // cannot open or lost the database
    other,
  };
  Kind kind = Kind::other;
  std::string message;  // the back end's explanation, for logs
};

template <typename T>
using Result = tl::expected<T, Error>;

// An unexpected Error of `kind` with `message`, for `return fail(...)`.
inline tl::unexpected<Error> fail(Error::Kind kind, std::string message) {
  return tl::unexpected(Error{kind, std::move(message)});
}

}  // namespace lotse::store
