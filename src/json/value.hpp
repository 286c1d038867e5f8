// A parsed JSON document as an immutable tree of Values.
//
// Lotse validates JSON that strangers wrote, so the tree keeps what error
// reports and CSAF tests need beyond the bare data: every value remembers the
// byte offset where it starts (turned into line/column only when an error is
// reported), object members keep their source order (CSAF test 6.2.13 checks
// sorting), and numbers keep their source text (exact decimal `multipleOf`).
//
// Memory: a Document owns a copy of the input and an arena; Values are views
// into both, so a Value is valid exactly as long as its Document. Strings
// without escapes point straight into the input copy (no allocation).
//
// Thread safety: a Document is immutable after parsing; any number of threads
// may read it concurrently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::json {

enum class Type : std::uint8_t { null, boolean, number, string, array, object };

// The JSON Schema name of a type ("null", "boolean", ...), for messages.
std::string_view type_name(Type type);

struct Member;

class Value {
 public:
  Value() = default;
  // A boolean, and a string viewing `text` (which must outlive the Value),
  // for values that do not come from a parse (e.g. property names checked
  // by `propertyNames`).
  static Value make_bool(bool b) {
    Value v;
    v.type_ = Type::boolean;
    v.flag_ = b;
    return v;
  }
  static Value make_string(std::string_view text, std::uint32_t offset = 0) {
    Value v;
    v.type_ = Type::string;
    v.text_ = text.data();
    v.size_ = static_cast<std::uint32_t>(text.size());
    v.offset_ = offset;
    return v;
  }

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::null; }
  bool is_bool() const { return type_ == Type::boolean; }
  bool is_number() const { return type_ == Type::number; }
  bool is_string() const { return type_ == Type::string; }
  bool is_array() const { return type_ == Type::array; }
  bool is_object() const { return type_ == Type::object; }

  // REQUIRES: is_bool().
  bool as_bool() const { return flag_; }
  // REQUIRES: is_number(). The nearest double (may be +-inf for huge literals).
  double as_double() const { return number_; }
  // REQUIRES: is_number(). True when the value is a mathematical integer
  // (1, 1.0 and 1e2 all are), as JSON Schema's "integer" type defines it.
  bool is_integer() const { return flag_; }
  // REQUIRES: is_number() or is_string(). Number: the literal as written.
  // String: the decoded UTF-8 text.
  std::string_view text() const { return {text_, size_}; }
  std::string_view as_string() const { return text(); }

  // REQUIRES: is_array().
  std::span<const Value> items() const { return {items_, size_}; }
  // REQUIRES: is_object(). Members in source order.
  std::span<const Member> members() const;
  // Number of items or members; 0 for scalars.
  std::size_t size() const {
    return (type_ == Type::array || type_ == Type::object) ? size_ : 0;
  }

  // The member named `key`, or nullptr (also for non-objects). Linear scan:
  // objects in advisories are small; callers with many lookups on one large
  // object should index it themselves.
  const Value* find(std::string_view key) const;
  // Item `index`, or nullptr (also for non-arrays).
  const Value* at(std::size_t index) const;

  // Byte offset of the first character of this value in the source.
  std::size_t offset() const { return offset_; }

 private:
  friend class Parser;
  friend class Builder;

  union {
    const char* text_ = nullptr;
    const Value* items_;
    const Member* members_;
  };
  double number_ = 0;
  std::uint32_t size_ = 0;
  std::uint32_t offset_ = 0;
  Type type_ = Type::null;
  bool flag_ = false;
};

struct Member {
  std::string_view key;
  std::uint32_t key_offset = 0;  // byte offset of the key's opening quote
  Value value;
};

inline std::span<const Member> Value::members() const { return {members_, size_}; }

// Inline: the CSAF tests call it for nearly every member they read. The
// first byte is compared before the rest, as keys of one object mostly
// differ early.
inline const Value* Value::find(std::string_view key) const {
  if (type_ != Type::object) return nullptr;
  for (std::uint32_t i = 0; i < size_; ++i) {
    const Member& m = members_[i];
    if (m.key.size() == key.size() && (key.empty() || m.key[0] == key[0]) && m.key == key) {
      return &m.value;
    }
  }
  return nullptr;
}

// Line and column (both 1-based; column counts bytes) of a byte offset.
struct Location {
  std::size_t offset = 0;
  std::size_t line = 1;
  std::size_t column = 1;
};

// Owns the source text and the storage of all Values of one parse.
class Document {
 public:
  Document() = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  Document(Document&&) noexcept = default;
  Document& operator=(Document&&) noexcept = default;

  const Value& root() const { return root_; }
  std::string_view source() const { return *source_; }

  // Line and column of `offset` in the source; O(offset), meant for
  // error reports only.
  Location locate(std::size_t offset) const;

 private:
  friend class Parser;
  // Behind a pointer: Values point into the text, so its address must
  // survive moving the Document (a moved std::string may relocate short
  // text).
  std::unique_ptr<const std::string> source_ = std::make_unique<const std::string>();
  std::vector<std::unique_ptr<std::byte[]>> arena_;
  Value root_;
};

// Line and column lookups for many offsets of one text: the line starts are
// indexed on first use (one pass), each lookup is then a binary search.
// Reports with thousands of findings stay linear. Not thread-safe (the index
// is built lazily); use one per thread.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : text_(text) {}
  Location locate(std::size_t offset) const;

 private:
  std::string_view text_;
  mutable std::vector<std::size_t> line_starts_;  // empty until first use
};

// Deep equality as JSON Schema defines it: numbers compare by value
// (1 == 1.0), objects ignore member order.
bool equal(const Value& a, const Value& b);
// A hash consistent with equal(), for uniqueItems and enum lookups.
std::uint64_t hash(const Value& value);

// Line and column of `offset` within `text`.
Location locate(std::string_view text, std::size_t offset);

}  // namespace lotse::json
