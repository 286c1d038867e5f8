// IDNA2008 A-label validation for the "hostname" format: Punycode decoding
// (RFC 3492), the U-label rules of RFC 5891 section 5.4, the contextual
// rules of RFC 5892 appendix A and the Bidi rule of RFC 5893. Mirrors the
// checks of the Python "idna" package (which the JSON-Schema-Test-Suite
// follows), except the NFC check, which would need normalisation tables.
#include <array>
#include <cstddef>
#include <cstdint>

#include "schema/formats_detail.hpp"

namespace lotse::schema::detail {

namespace {

// An A-label is at most 63 octets, so a U-label has fewer code points.
constexpr std::size_t kMaxLabel = 63;

struct ULabel {
  std::array<char32_t, kMaxLabel> cp{};
  std::size_t size = 0;
};

constexpr std::uint64_t kBase = 36, kTmin = 1, kTmax = 26, kSkew = 38, kDamp = 700;
constexpr std::uint64_t kLimit = 0x7FFFFFFF;  // RFC 3492 maxint

std::uint64_t adapt(std::uint64_t delta, std::uint64_t numpoints, bool first) {
  delta = first ? delta / kDamp : delta / 2;
  delta += delta / numpoints;
  std::uint64_t k = 0;
  while (delta > ((kBase - kTmin) * kTmax) / 2) {
    delta /= kBase - kTmin;
    k += kBase;
  }
  return k + (kBase - kTmin + 1) * delta / (delta + kSkew);
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0' + 26;
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= 'A' && c <= 'Z') return c - 'A';
  return -1;
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// RFC 3492 section 6.2 decoding, with its overflow checks, plus rejecting
// inserted code points that are basic (ASCII), surrogates or > U+10FFFF,
// none of which a conforming encoder emits. Basic code points are lowered,
// as A-labels compare case-insensitively.
bool punycode_decode(std::string_view in, ULabel& out) {
  if (in.size() > kMaxLabel) return false;
  std::size_t b = 0;  // index of the last delimiter, or 0 when none
  for (std::size_t j = 0; j < in.size(); ++j)
    if (in[j] == '-') b = j;
  for (std::size_t j = 0; j < b; ++j) {
    const auto c = static_cast<unsigned char>(in[j]);
    if (c >= 0x80) return false;
    out.cp[out.size++] = static_cast<char32_t>(ascii_lower(in[j]));
  }
  std::uint64_t n = 0x80, i = 0, bias = 72;
  for (std::size_t pos = b > 0 ? b + 1 : 0; pos < in.size();) {
    const std::uint64_t old_i = i;
    std::uint64_t w = 1;
    for (std::uint64_t k = kBase;; k += kBase) {
      if (pos >= in.size()) return false;
      const int digit = digit_value(in[pos++]);
      if (digit < 0) return false;
      i += static_cast<std::uint64_t>(digit) * w;
      if (i > kLimit) return false;
      const std::uint64_t t = k <= bias ? kTmin : k >= bias + kTmax ? kTmax : k - bias;
      if (static_cast<std::uint64_t>(digit) < t) break;
      w *= kBase - t;
      if (w > kLimit) return false;
    }
    const std::uint64_t count = out.size + 1;
    bias = adapt(i - old_i, count, old_i == 0);
    n += i / count;
    i %= count;
    if (n < 0x80 || n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF)) return false;
    if (out.size >= kMaxLabel) return false;
    for (std::size_t j = out.size; j > i; --j) out.cp[j] = out.cp[j - 1];
    out.cp[i] = static_cast<char32_t>(n);
    ++out.size;
    ++i;
  }
  return true;
}

bool is_contexto(char32_t c) {
  return c == 0x00B7 || c == 0x0375 || c == 0x05F3 || c == 0x05F4 || c == 0x30FB ||
         (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);
}

// RFC 5892 appendix A.1 (ZWNJ) and A.2 (ZWJ).
bool valid_contextj(const ULabel& l, std::size_t pos) {
  if (pos > 0 && (idna_props(l.cp[pos - 1]) & kVirama)) return true;
  if (l.cp[pos] == 0x200D) return false;
  // ZWNJ: (Joining_Type:{L,D})(Joining_Type:T)* \u200C (Joining_Type:T)*(Joining_Type:{R,D})
  bool before = false;
  for (std::size_t j = pos; j-- > 0;) {
    const auto p = idna_props(l.cp[j]);
    if (p & kJoinT) continue;
    before = (p & (kJoinL | kJoinD)) != 0;
    break;
  }
  if (!before) return false;
  for (std::size_t j = pos + 1; j < l.size; ++j) {
    const auto p = idna_props(l.cp[j]);
    if (p & kJoinT) continue;
    return (p & (kJoinR | kJoinD)) != 0;
  }
  return false;
}

// RFC 5892 appendix A.3 to A.9.
bool valid_contexto(const ULabel& l, std::size_t pos) {
  const char32_t c = l.cp[pos];
  if (c == 0x00B7)  // MIDDLE DOT only between two 'l'
    return pos > 0 && pos + 1 < l.size && l.cp[pos - 1] == 'l' && l.cp[pos + 1] == 'l';
  if (c == 0x0375)  // GREEK LOWER NUMERAL SIGN (KERAIA) before Greek
    return pos + 1 < l.size && (idna_props(l.cp[pos + 1]) & kGreek);
  if (c == 0x05F3 || c == 0x05F4)  // HEBREW GERESH / GERSHAYIM after Hebrew
    return pos > 0 && (idna_props(l.cp[pos - 1]) & kHebrew);
  if (c == 0x30FB) {  // KATAKANA MIDDLE DOT needs some Hiragana/Katakana/Han
    for (std::size_t j = 0; j < l.size; ++j)
      if (l.cp[j] != 0x30FB && (idna_props(l.cp[j]) & kHiraKataHan)) return true;
    return false;
  }
  // ARABIC-INDIC and EXTENDED ARABIC-INDIC digits must not be mixed.
  const bool arabic = c >= 0x0660 && c <= 0x0669;
  const char32_t lo = arabic ? 0x06F0 : 0x0660;
  for (std::size_t j = 0; j < l.size; ++j)
    if (l.cp[j] >= lo && l.cp[j] <= lo + 9) return false;
  return true;
}

// RFC 5893 section 2, applied (as the "idna" package does) to each label
// that contains a right-to-left character (R, AL or AN).
bool valid_bidi(const ULabel& l) {
  using B = BidiClass;
  bool rtl_label = false;
  for (std::size_t j = 0; j < l.size; ++j) {
    const B b = bidi_class(idna_props(l.cp[j]));
    if (b == B::R || b == B::AL || b == B::AN) rtl_label = true;
  }
  if (!rtl_label) return true;
  const B first = bidi_class(idna_props(l.cp[0]));  // rule 1
  if (first != B::L && first != B::R && first != B::AL) return false;
  const bool rtl = first != B::L;
  bool valid_ending = false;
  bool seen_en = false, seen_an = false;
  for (std::size_t j = 0; j < l.size; ++j) {
    const B b = bidi_class(idna_props(l.cp[j]));
    if (rtl) {
      if (b == B::L) return false;  // rule 2: every other class we store is allowed
      if (b == B::EN) seen_en = true;
      if (b == B::AN) seen_an = true;
      if (seen_en && seen_an) return false;  // rule 4
      if (b != B::NSM) valid_ending = b == B::R || b == B::AL || b == B::EN || b == B::AN;
    } else {
      if (b == B::R || b == B::AL || b == B::AN) return false;  // rule 5
      if (b != B::NSM) valid_ending = b == B::L || b == B::EN;  // rule 6
    }
  }
  return valid_ending;  // rules 3 and 6
}

}  // namespace

bool is_valid_a_label(std::string_view label) {
  if (label.size() < 4 || label.size() > kMaxLabel) return false;
  if (ascii_lower(label[0]) != 'x' || ascii_lower(label[1]) != 'n' || label[2] != '-' ||
      label[3] != '-')
    return false;
  const std::string_view puny = label.substr(4);
  if (puny.empty() || puny.back() == '-') return false;

  ULabel u;
  if (!punycode_decode(puny, u) || u.size == 0) return false;

  // RFC 5891 section 5.4 / 4.2.3.1: hyphen restrictions.
  if (u.size >= 4 && u.cp[2] == '-' && u.cp[3] == '-') return false;
  if (u.cp[0] == '-' || u.cp[u.size - 1] == '-') return false;
  // RFC 5891 section 4.2.3.2: no leading combining mark.
  if (idna_props(u.cp[0]) & kMark) return false;
  // RFC 5892: every code point PVALID, or CONTEXTJ/CONTEXTO in context.
  for (std::size_t j = 0; j < u.size; ++j) {
    const char32_t c = u.cp[j];
    if (idna_props(c) & kPvalid) continue;
    if (c == 0x200C || c == 0x200D) {
      if (!valid_contextj(u, j)) return false;
    } else if (is_contexto(c)) {
      if (!valid_contexto(u, j)) return false;
    } else {
      return false;
    }
  }
  return valid_bidi(u);
}

}  // namespace lotse::schema::detail
