// The "relevant paths" of the specification's test descriptions, e.g.
// "/document/acknowledgments[]/urls[]": a member name per segment, "[]" for
// every item of an array. Tests that list many such paths (6.3.6 URLs,
// 6.3.8 texts) walk them here instead of nesting loops per path.
//
// The recursive /product_tree/branches[](/branches[])* is not a pattern
// here: use for_each_branch (csaf/branches.hpp).
//
// Tolerant of documents that fail the schema: a member of the wrong type
// ends that path (a non-array under "[]" yields nothing). Iterative, one
// pass per segment; the patterns are fixed and short. Stateless;
// thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "json/value.hpp"

namespace lotse::csaf::informative {

struct LocatedValue {
  const json::Value* value;
  std::string pointer;  // RFC 6901, into the document
};

// Every value `pattern` names inside `root`, in document order.
// REQUIRES: `pattern` is "" or starts with '/'; "[]" only ends a segment.
std::vector<LocatedValue> values_at(const json::Value& root, std::string_view pattern);

}  // namespace lotse::csaf::informative
