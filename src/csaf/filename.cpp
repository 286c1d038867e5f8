#include "csaf/filename.hpp"

#include "csaf/text.hpp"

namespace lotse::csaf {

namespace {

// Rule 2's groups: lower case ASCII letters, digits, '+', '-'.
bool kept(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-'; }

}  // namespace

std::string csaf_filename(std::string_view tracking_id) {
  std::string name;
  name.reserve(tracking_id.size() + 5);
  bool in_replaced_run = false;
  auto append = [&](char32_t c) {
    if (kept(c)) {
      name += static_cast<char>(c);
      in_replaced_run = false;
    } else if (!in_replaced_run) {
      name += '_';
      in_replaced_run = true;
    }
  };
  for (std::size_t pos = 0; pos < tracking_id.size();) {
    char32_t c = next_code_point(tracking_id, pos);
    // Rule 1, lower case: ASCII, and the two non-ASCII characters whose
    // Unicode lower case holds an ASCII letter.
    if (c >= 'A' && c <= 'Z') {
      c = c - 'A' + 'a';
    } else if (c == 0x212A) {  // KELVIN SIGN
      c = 'k';
    } else if (c == 0x0130) {  // LATIN CAPITAL LETTER I WITH DOT ABOVE
      append('i');
      c = 0x0307;  // COMBINING DOT ABOVE
    }
    append(c);
  }
  name += ".json";
  return name;
}

}  // namespace lotse::csaf
