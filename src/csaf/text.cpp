#include "csaf/text.hpp"

#include "json/writer.hpp"

namespace lotse::csaf {

std::string quote_text(std::string_view text) {
  constexpr std::size_t kMax = 80;
  std::string out;
  // A cut inside a UTF-8 sequence is harmless: write_string() turns the
  // broken tail into U+FFFD.
  json::write_string(out, text.substr(0, kMax));
  if (text.size() > kMax) out += "...";
  return out;
}

char32_t next_code_point(std::string_view text, std::size_t& pos) {
  constexpr char32_t kReplacement = 0xFFFD;
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  std::size_t length = 0;
  char32_t c = 0;
  if (lead < 0x80) {
    ++pos;
    return lead;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    c = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    c = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    c = lead & 0x07;
  } else {
    ++pos;
    return kReplacement;
  }
  if (text.size() - pos < length) {
    ++pos;
    return kReplacement;
  }
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned char b = byte(pos + i);
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return kReplacement;
    }
    c = (c << 6) | (b & 0x3F);
  }
  // Overlong forms, surrogates and values above U+10FFFF are ill-formed.
  const bool overlong = (length == 3 && c < 0x800) || (length == 4 && c < 0x10000);
  if (overlong || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
    ++pos;
    return kReplacement;
  }
  pos += length;
  return c;
}

bool is_white_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

bool is_dash_or_underscore(char32_t c) {
  switch (c) {
    // Pd (dash punctuation), Unicode 15
    case 0x002D: case 0x058A: case 0x05BE: case 0x1400: case 0x1806: case 0x2E17:
    case 0x2E1A: case 0x2E3A: case 0x2E3B: case 0x2E40: case 0x2E5D: case 0x301C:
    case 0x3030: case 0x30A0: case 0xFE31: case 0xFE32: case 0xFE58: case 0xFE63:
    case 0xFF0D: case 0x10EAD:
    // minus signs and the soft hyphen
    case 0x2212: case 0x207B: case 0x208B: case 0x00AD:
    // Pc (connector punctuation) and combining low line
    case 0x005F: case 0x203F: case 0x2040: case 0x2054: case 0xFE33: case 0xFE34:
    case 0xFE4D: case 0xFE4E: case 0xFE4F: case 0xFF3F: case 0x0332:
      return true;
    default:
      return c >= 0x2010 && c <= 0x2015;  // hyphen ... horizontal bar
  }
}

}  // namespace lotse::csaf
