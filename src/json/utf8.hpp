// UTF-8 well-formedness per RFC 3629 (no overlongs, no surrogates, at most
// U+10FFFF).
//
// The parser validates whole inputs with simdjson's SIMD validator and calls
// first_invalid_utf8() only to locate the first bad byte for the error
// message. Stateless and thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace lotse::json {

// Byte offset of the first byte that starts an ill-formed sequence, or
// text.size() when `text` is well-formed UTF-8.
std::size_t first_invalid_utf8(std::string_view text);

// Number of Unicode code points in well-formed UTF-8 `text` (JSON Schema
// string lengths count code points, not bytes).
std::size_t count_code_points(std::string_view text);

}  // namespace lotse::json
