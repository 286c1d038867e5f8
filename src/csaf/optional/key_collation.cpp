#include "csaf/optional/key_collation.hpp"

#include <array>
#include <cstdint>

#include "csaf/text.hpp"

namespace lotse::csaf::optional {

namespace {

// CLDR root primary order of the ASCII characters that are not letters or
// ignorable; letters follow, case-folded.
constexpr std::string_view kPrimaryOrder =
    "\t\n\v\f\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789";

struct Weights {
  std::uint32_t primary = 0;  // 0: ignorable
  std::uint8_t tertiary = 0;  // 1 for upper case letters
};

constexpr std::array<Weights, 128> make_ascii_weights() {
  std::array<Weights, 128> table{};
  for (std::size_t i = 0; i < kPrimaryOrder.size(); ++i) {
    table[static_cast<unsigned char>(kPrimaryOrder[i])].primary = static_cast<std::uint32_t>(i + 1);
  }
  const auto letters = static_cast<std::uint32_t>(kPrimaryOrder.size() + 1);
  for (char c = 'a'; c <= 'z'; ++c) {
    table[static_cast<unsigned char>(c)].primary = letters + static_cast<std::uint32_t>(c - 'a');
    table[static_cast<unsigned char>(c - 'a' + 'A')] = {letters + static_cast<std::uint32_t>(c - 'a'), 1};
  }
  return table;
}

constexpr std::array<Weights, 128> kAsciiWeights = make_ascii_weights();
constexpr std::uint32_t kAfterAscii = 256;

// Reads the weights of the next non-ignorable character of `text` from
// `pos`; false at the end.
bool next_weights(std::string_view text, std::size_t& pos, Weights& out) {
  while (pos < text.size()) {
    const char32_t c = next_code_point(text, pos);
    if (c < 128) {
      out = kAsciiWeights[c];
      if (out.primary == 0) continue;  // ignorable control character
      return true;
    }
    out = {kAfterAscii + static_cast<std::uint32_t>(c), 0};
    return true;
  }
  return false;
}

}  // namespace

int compare_keys(std::string_view a, std::string_view b) {
  // First level: primary weights over the whole key; the third level
  // (case) only breaks a tie, at its first difference.
  int case_difference = 0;
  std::size_t pa = 0, pb = 0;
  for (;;) {
    Weights wa, wb;
    const bool more_a = next_weights(a, pa, wa);
    const bool more_b = next_weights(b, pb, wb);
    if (!more_a || !more_b) {
      if (more_a != more_b) return more_a ? 1 : -1;
      return case_difference;
    }
    if (wa.primary != wb.primary) return wa.primary < wb.primary ? -1 : 1;
    if (case_difference == 0 && wa.tertiary != wb.tertiary) case_difference = wa.tertiary < wb.tertiary ? -1 : 1;
  }
}

}  // namespace lotse::csaf::optional
