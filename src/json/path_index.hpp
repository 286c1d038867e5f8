// From a Value back to its JSON pointer. Tests that look at thousands of
// values (every product ID of an advisory) keep plain `const Value*`s and
// ask for a pointer only for the few values they report: building pointer
// strings for every visited value cost more than the checks themselves.
//
// The index is built on the first lookup (one pass over the document, one
// entry per value) and answers each lookup in O(depth). Not thread-safe
// (built lazily); one per document and thread.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "json/value.hpp"

namespace lotse::json {

class PathIndex {
 public:
  // REQUIRES: `root` outlives this index.
  explicit PathIndex(const Value& root) : root_(root) {}

  // The RFC 6901 pointer of `value`, which must be `root` or lie inside it
  // (an unknown value yields "" and, in debug builds, asserts).
  std::string pointer_to(const Value& value) const;

 private:
  struct Step {
    const Value* parent;
    std::uint32_t index;  // item index, or member index of the parent object
  };
  void build() const;

  const Value& root_;
  mutable std::unordered_map<const Value*, Step> parent_of_;
  mutable bool built_ = false;
};

}  // namespace lotse::json
