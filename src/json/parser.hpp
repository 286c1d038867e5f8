// Strict RFC 8259 parsing of untrusted JSON into a Document.
//
// Everything Lotse reads from outside (advisories, SBOMs, CVE records, API
// bodies) enters through parse(). It accepts exactly RFC 8259 JSON and
// rejects, with the byte offset, line and column of the problem:
//   - invalid UTF-8 (overlongs, surrogates encoded in UTF-8, > U+10FFFF),
//   - `\u` escapes that leave a lone surrogate,
//   - duplicate object keys (reporting both places),
//   - trailing content after the value, a byte order mark, an empty input,
//   - NaN, Infinity, leading zeros, control characters in strings,
//   - input beyond the configured limits (size, nesting depth, string length).
// The parser is iterative: nesting depth costs heap, not stack, so hostile
// depth meets the depth limit, never a stack overflow. Memory is bounded by
// a small multiple of the input size (see docs/architecture.md).
//
// Thread safety: parse() is reentrant; it shares no state between calls.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "json/value.hpp"

namespace lotse::json {

struct ParseLimits {
  // Largest accepted input in bytes (at most 4 GiB - 1: offsets are 32-bit).
  std::size_t max_size = 64u << 20;
  // Deepest accepted nesting of arrays and objects. Validators recurse per
  // level, so this also bounds their stack use.
  std::size_t max_depth = 512;
  // Longest accepted string (key or value), in bytes after decoding.
  std::size_t max_string_length = 16u << 20;
};

struct ParseError {
  enum class Kind {
    syntax,
    invalid_utf8,
    invalid_escape,
    duplicate_key,
    trailing_content,
    empty_input,
    byte_order_mark,
    too_large,
    too_deep,
    string_too_long,
  };
  Kind kind = Kind::syntax;
  std::string message;
  Location where;
  // For duplicate keys: where the key appeared first.
  std::optional<Location> first;

  // "line L, column C: message" (plus the first place for duplicates).
  std::string describe() const;
};

// Parses `text` (copied into the Document, so the caller's buffer may go
// away). On failure, the error names the first problem found; parsing stops
// there.
tl::expected<Document, ParseError> parse(std::string_view text,
                                         const ParseLimits& limits = {});
// Same, taking over `text` without a copy (large inputs read from files).
tl::expected<Document, ParseError> parse(std::string&& text, const ParseLimits& limits = {});
inline tl::expected<Document, ParseError> parse(const char* text, const ParseLimits& limits = {}) {
  return parse(std::string_view(text), limits);
}

}  // namespace lotse::json
