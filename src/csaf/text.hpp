// Text helpers for the CSAF tests that inspect strings people wrote:
// quoting untrusted values in finding messages, and the Unicode character
// classes that 6.1.26 (ignore dashes, hyphens, underscores, white space) and
// 6.1.31 (split a name into words) need.
//
// Stateless and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lotse::csaf {

// `text` as a JSON string for a message ("en-US"), escaped and cut to 80
// bytes: document values are untrusted and may be huge or hold control
// characters.
std::string quote_text(std::string_view text);

// The code point starting at `pos`, advancing `pos` past it. Bytes that do
// not start a well-formed UTF-8 sequence yield U+FFFD and advance by one, so
// every input is consumed in linear time.
char32_t next_code_point(std::string_view text, std::size_t& pos);

// Unicode's White_Space property (ASCII white space, NEL, NBSP, the U+2000
// spaces, line/paragraph separators, ideographic space ...).
bool is_white_space(char32_t c);

// Dashes, hyphens and minus signs (general category Pd, U+2212 and its
// super/subscript and small/fullwidth forms, the soft hyphen) and
// underscores (category Pc connector punctuation, combining low line).
bool is_dash_or_underscore(char32_t c);

// 'A'..'Z' to 'a'..'z'; every other byte unchanged.
inline char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace lotse::csaf
