// The values that cross the storage boundary: bound parameters and the
// columns of result rows.
//
// The dialect Lotse writes is deliberately small: 64-bit integers, UTF-8
// text without NUL, byte strings (blobs) and NULL. Both back ends store
// these exactly (PostgreSQL text cannot hold NUL, SQLite would accept bad
// UTF-8 that PostgreSQL refuses; so both refuse what either would), and no
// REAL/floating column exists: a value read back is the value written.
// Booleans are integers 0/1, times are integers (Unix seconds, UTC).
// Plain data; thread-safe to copy.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "store/error.hpp"

namespace lotse::store {

// Bytes, kept apart from text so that a blob is bound as a blob.
struct Blob {
  std::string bytes;
  bool operator==(const Blob&) const = default;
};

using Value = std::variant<std::nullptr_t, std::int64_t, std::string, Blob>;

// One result row, columns in the order the SELECT lists them.
// The typed accessors are for columns whose type the schema fixes; asking
// for the wrong type is a programming error (std::bad_variant_access).
class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}

  std::size_t size() const { return values_.size(); }
  const Value& operator[](std::size_t i) const { return values_.at(i); }
  bool is_null(std::size_t i) const { return std::holds_alternative<std::nullptr_t>(values_.at(i)); }
  std::int64_t integer(std::size_t i) const { return std::get<std::int64_t>(values_.at(i)); }
  const std::string& text(std::size_t i) const { return std::get<std::string>(values_.at(i)); }
  const std::string& blob(std::size_t i) const { return std::get<Blob>(values_.at(i)).bytes; }
  // Nullable columns: nullopt for NULL.
  std::optional<std::int64_t> optional_integer(std::size_t i) const {
    return is_null(i) ? std::nullopt : std::optional(integer(i));
  }
  std::optional<std::string> optional_text(std::size_t i) const {
    return is_null(i) ? std::nullopt : std::optional(text(i));
  }

 private:
  std::vector<Value> values_;
};

// Refuses parameters outside the dialect (text with NUL or ill-formed
// UTF-8) before either back end sees them, so both refuse the same.
Result<void> check_parameters(const std::vector<Value>& params);

}  // namespace lotse::store
