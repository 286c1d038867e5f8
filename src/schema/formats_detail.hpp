// Internal helpers shared by the formats_*.cpp files; not part of the public
// API (include schema/formats.hpp instead). Stateless and thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace lotse::schema::detail {

// Decodes one UTF-8 code point at `pos` (RFC 3629: no overlongs, no
// surrogates, <= U+10FFFF), advancing `pos`. Returns false on ill-formed
// input or end of input, so callers can reject instead of guessing.
inline bool next_code_point(std::string_view s, std::size_t& pos, char32_t& cp) {
  if (pos >= s.size()) return false;
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    cp = b0;
    ++pos;
    return true;
  }
  std::size_t len = 0;
  char32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, cp = b0 & 0x1Fu, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, cp = b0 & 0x0Fu, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, cp = b0 & 0x07u, min = 0x10000;
  } else {
    return false;
  }
  if (s.size() - pos < len) return false;
  for (std::size_t i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if ((b & 0xC0u) != 0x80u) return false;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  pos += len;
  return true;
}

// True when `label` (ASCII, starting with "xn--" in any case, at most 63
// octets) is an IDNA2008 A-label: valid Punycode that decodes to a U-label
// passing RFC 5891 section 5.4 (hyphens, no leading mark), the RFC 5892 code
// point and context rules and the RFC 5893 Bidi rule. Not checked: NFC.
bool is_valid_a_label(std::string_view label);

// IDNA2008 properties of one code point. Only code points an A-label may
// contain (PVALID, CONTEXTJ, CONTEXTO) have any; the rest have 0.
enum IdnaProp : std::uint16_t {
  kPvalid = 1u << 0,       // RFC 5892 derived property PVALID
  kMark = 1u << 1,         // General_Category M* (not allowed first)
  kVirama = 1u << 2,       // Canonical_Combining_Class 9
  kGreek = 1u << 3,        // Script=Greek
  kHebrew = 1u << 4,       // Script=Hebrew
  kHiraKataHan = 1u << 5,  // Script=Hiragana, Katakana or Han
  kJoinT = 1u << 6,        // Joining_Type T (transparent)
  kJoinL = 1u << 7,        // Joining_Type L
  kJoinD = 1u << 8,        // Joining_Type D
  kJoinR = 1u << 9,        // Joining_Type R
};

// Bidi_Class, stored in props bits kBidiShift and up. Code points of other
// classes (B, S, WS, ...) are never valid in a label.
enum class BidiClass : std::uint16_t { L, R, AL, AN, EN, ES, CS, ET, ON, BN, NSM };
constexpr unsigned kBidiShift = 10;

// Properties of `cp`: IdnaProp bits | BidiClass << kBidiShift. Binary search
// over the generated table in formats_idna_data.cpp.
std::uint16_t idna_props(char32_t cp);

inline BidiClass bidi_class(std::uint16_t props) {
  return static_cast<BidiClass>(props >> kBidiShift);
}

}  // namespace lotse::schema::detail
