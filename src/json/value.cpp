#include "json/value.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "util/hash.hpp"

namespace lotse::json {

std::string_view type_name(Type type) {
  switch (type) {
    case Type::null: return "null";
    case Type::boolean: return "boolean";
    case Type::number: return "number";
    case Type::string: return "string";
    case Type::array: return "array";
    case Type::object: return "object";
  }
  return "unknown";
}

const Value* Value::at(std::size_t index) const {
  if (type_ != Type::array || index >= size_) return nullptr;
  return &items_[index];
}

Location locate(std::string_view text, std::size_t offset) {
  Location loc;
  loc.offset = offset;
  offset = std::min(offset, text.size());
  const char* begin = text.data();
  const char* last_newline = nullptr;
  for (const char* p = begin; p < begin + offset;) {
    const void* hit = std::memchr(p, '\n', static_cast<std::size_t>(begin + offset - p));
    if (!hit) break;
    last_newline = static_cast<const char*>(hit);
    ++loc.line;
    p = last_newline + 1;
  }
  loc.column = static_cast<std::size_t>(begin + offset - (last_newline ? last_newline + 1 : begin)) + 1;
  return loc;
}

Location Document::locate(std::size_t offset) const { return json::locate(source(), offset); }

Location LineIndex::locate(std::size_t offset) const {
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    const char* begin = text_.data();
    const char* end = begin + text_.size();
    for (const char* p = begin; p < end;) {
      const void* hit = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
      if (!hit) break;
      p = static_cast<const char*>(hit) + 1;
      line_starts_.push_back(static_cast<std::size_t>(p - begin));
    }
  }
  offset = std::min(offset, text_.size());
  auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(after - line_starts_.begin());  // 1-based
  Location loc;
  loc.offset = offset;
  loc.line = line;
  loc.column = offset - line_starts_[line - 1] + 1;
  return loc;
}

bool equal(const Value& a, const Value& b) {
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case Type::null: return true;
    case Type::boolean: return a.as_bool() == b.as_bool();
    case Type::number:
      return a.as_double() == b.as_double() &&
             (std::isfinite(a.as_double()) || a.text() == b.text());
    case Type::string: return a.as_string() == b.as_string();
    case Type::array: {
      if (a.size() != b.size()) return false;
      auto x = a.items(), y = b.items();
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (!equal(x[i], y[i])) return false;
      }
      return true;
    }
    case Type::object: {
      if (a.size() != b.size()) return false;
      for (const Member& m : a.members()) {
        const Value* other = b.find(m.key);
        if (!other || !equal(m.value, *other)) return false;
      }
      return true;
    }
  }
  return false;
}

// Seeded (util/hash.hpp): uniqueItems over a hostile array must not
// degrade into comparing every pair of items.
using util::hash_bytes;
using util::hash_mix;

std::uint64_t hash(const Value& value) {
  std::uint64_t h = static_cast<std::uint64_t>(value.type()) * 0x9e3779b97f4a7c15ULL;
  switch (value.type()) {
    case Type::null: break;
    case Type::boolean: h ^= value.as_bool() ? 1 : 2; break;
    case Type::number: {
      double d = value.as_double();
      if (d == 0) d = 0;  // -0 == 0
      std::uint64_t bits;
      std::memcpy(&bits, &d, sizeof bits);
      h ^= bits;
      break;
    }
    case Type::string: h ^= hash_bytes(value.as_string()); break;
    case Type::array:
      for (const Value& item : value.items()) h = hash_mix(h * 31 + hash(item));
      break;
    case Type::object: {
      std::uint64_t sum = 0;  // order-independent, like equal()
      for (const Member& m : value.members()) sum += hash_mix(hash_bytes(m.key) ^ hash(m.value));
      h ^= sum;
      break;
    }
  }
  return hash_mix(h);
}

}  // namespace lotse::json
