// JSON Pointer (RFC 6901), both ways: building pointers to name the place of
// a finding, and resolving pointers (schema `$ref`s, `--pointer` options).
//
// Stateless and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "json/value.hpp"

namespace lotse::json {

// Appends "/" + `token` with '~' and '/' escaped ("~0", "~1").
void append_pointer_token(std::string& pointer, std::string_view token);
// Appends "/" + the decimal index.
void append_pointer_index(std::string& pointer, std::size_t index);

// Splits a pointer into unescaped reference tokens. "" is the whole
// document. Errors name what is wrong: no leading '/', a '~' not followed
// by '0' or '1'.
tl::expected<std::vector<std::string>, std::string> parse_pointer(std::string_view pointer);

// The value `pointer` refers to inside `root`, or nullptr when the pointer
// is malformed or names nothing. Array tokens must be canonical decimal
// indexes ("0", "12"; not "01", "-").
const Value* resolve_pointer(const Value& root, std::string_view pointer);

// The pointer of `target`, a value inside the document `root` was parsed
// into: tests keep plain `const Value*`s for the thousands of values they
// look at and ask for a pointer only for the few they report. Descends from
// the root by byte offset (children are in source order, each starting
// after its predecessor), so it costs O(depth x log(width)) and no memory.
// REQUIRES: both come from one json::parse (offsets from the source text).
// An unrelated `target` yields the pointer of the value nearest before it.
std::string pointer_to(const Value& root, const Value& target);

}  // namespace lotse::json
