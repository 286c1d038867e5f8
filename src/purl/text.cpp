#include "purl/text.hpp"

namespace lotse::purl::detail {

void lowercase_ascii(std::string& text) {
  for (char& c : text) c = ascii_lower(c);
}

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

bool contains_ignoring_ascii_case(std::string_view haystack, std::string_view needle) {
  if (needle.size() > haystack.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    if (equals_ignoring_ascii_case(haystack.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

std::string quote(std::string_view text) {
  constexpr std::size_t max_bytes = 40;
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out = "'";
  for (std::size_t i = 0; i < text.size() && i < max_bytes; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F && c != '\\') {
      out += static_cast<char>(c);
    } else {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  if (text.size() > max_bytes) out += "...";
  out += '\'';
  return out;
}

}  // namespace lotse::purl::detail
