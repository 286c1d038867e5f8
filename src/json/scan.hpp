// The byte-level scanners of the JSON parser (internal to src/json): the hot
// loops, 16 bytes at a time where SSE2 exists (every x86-64), and the small
// decoding helpers for escapes. Kept apart so that parser.cpp holds the
// grammar only. Stateless.
#pragma once

#include <cstddef>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "util/hex.hpp"

namespace lotse::json::scan {

inline bool read_hex4(const char* p, const char* end, unsigned& out) {
  if (end - p < 4) return false;
  out = 0;
  for (int i = 0; i < 4; ++i) {
    int v = util::hex_digit_value(p[i]);
    if (v < 0) return false;
    out = out * 16 + static_cast<unsigned>(v);
  }
  return true;
}

inline char* append_utf8(char* out, unsigned cp) {
  if (cp < 0x80) {
    *out++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out++ = static_cast<char>(0xC0 | (cp >> 6));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (cp >> 12));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (cp >> 18));
    *out++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

// True when `c` may appear unescaped in a string and is not '"' or '\\'.
inline bool plain_string_byte(unsigned char c) {
  return c >= 0x20 && c != '"' && c != '\\';
}

inline bool is_json_whitespace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Skips JSON white space; byte by byte where SSE2 is missing and for the
// tail.
inline const char* skip_json_whitespace(const char* p, const char* end) {
  if (p < end && !is_json_whitespace(*p)) return p;  // the common case
#ifdef __SSE2__
  const __m128i space = _mm_set1_epi8(' '), newline = _mm_set1_epi8('\n');
  const __m128i tab = _mm_set1_epi8('\t'), cr = _mm_set1_epi8('\r');
  while (end - p >= 16) {
    __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i ws = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(chunk, space), _mm_cmpeq_epi8(chunk, newline)),
                              _mm_or_si128(_mm_cmpeq_epi8(chunk, tab), _mm_cmpeq_epi8(chunk, cr)));
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(ws)) ^ 0xFFFFu;
    if (mask) return p + __builtin_ctz(mask);
    p += 16;
  }
#endif
  while (p < end && is_json_whitespace(*p)) ++p;
  return p;
}

// First byte at or after `p` that ends the plain part of a string: '"',
// '\\' or a control character (or `end`).
inline const char* scan_plain_string(const char* p, const char* end) {
#ifdef __SSE2__
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  const __m128i limit = _mm_set1_epi8(0x1F);
  while (end - p >= 16) {
    __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Control characters: bytes 0x00-0x1F, i.e. min(byte, 0x1F) == byte.
    __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(chunk, limit), chunk);
    __m128i stop = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(chunk, quote), _mm_cmpeq_epi8(chunk, backslash)),
                                control);
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(stop));
    if (mask) return p + __builtin_ctz(mask);
    p += 16;
  }
#endif
  while (p < end && plain_string_byte(static_cast<unsigned char>(*p))) ++p;
  return p;
}


}  // namespace lotse::json::scan
