// Small byte-level text helpers of the purl module (internal).
//
// ECMA-427 folds case in ASCII for everything this module lowercases, and
// every message that quotes untrusted input must stay short and printable,
// whatever bytes the input holds.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lotse::purl::detail {

inline bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline char ascii_lower(char c) { return is_ascii_upper(c) ? static_cast<char>(c + 32) : c; }
inline char ascii_upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
}

void lowercase_ascii(std::string& text);
bool equals_ignoring_ascii_case(std::string_view a, std::string_view b);
bool contains_ignoring_ascii_case(std::string_view haystack, std::string_view needle);


// `text` in single quotes for a message: at most 40 bytes, with
// non-printable and non-ASCII bytes written as \xNN.
std::string quote(std::string_view text);

}  // namespace lotse::purl::detail
