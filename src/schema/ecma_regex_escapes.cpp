// The Scanner's escapes and character classes: CharacterEscape (`\n`, `\cX`, `\xHH`,
// `\uHHHH`, `\u{...}`, surrogate pairs, identity escapes), CharacterClassEscape (`\d \w \s`,
// `\p{...}`), the assertions and backreferences written with a backslash (`\b \B`, `\1`,
// `\k<name>`), and bracketed classes `[...]` with their ranges.
//
// Unicode-mode rules (ECMA-262 2025 §22.2.1 [UnicodeMode], no Annex B): only syntax characters
// and `/` (plus `-` in a class) are identity escapes, `\0` must not precede a digit, a class
// escape cannot bound a range. Property names are resolved by ecma_regex_unicode.cpp; the
// resulting sets are written as RE2 by ecma_regex_translate.cpp.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "schema/ecma_regex_detail.hpp"
#include "util/hex.hpp"
#include "schema/ecma_regex_scanner.hpp"

namespace lotse::schema::detail::ecma {

// At i_ == 'u' (after the backslash): \uXXXX, \uLead\uTrail, \u{X...}.
bool Scanner::parse_unicode_escape(char32_t& cp) {
  if (at(i_ + 1) == '{') {
    std::size_t k = i_ + 2;
    std::uint32_t v = 0;
    bool any = false;
    for (; util::hex_digit_value(at(k)) >= 0; ++k) {
      v = std::min<std::uint32_t>(v * 16 + static_cast<std::uint32_t>(util::hex_digit_value(at(k))),
                                  kMaxCodePoint + 1);
      any = true;
    }
    if (!any || at(k) != '}' || v > kMaxCodePoint) return false;
    cp = v;
    i_ = k + 1;
    return true;
  }
  const auto hex4 = [&](std::size_t k, char32_t& out) {
    out = 0;
    for (std::size_t j = k; j < k + 4; ++j) {
      if (util::hex_digit_value(at(j)) < 0) return false;
      out = out * 16 + static_cast<char32_t>(util::hex_digit_value(at(j)));
    }
    return true;
  };
  if (!hex4(i_ + 1, cp)) return false;
  i_ += 5;
  char32_t trail = 0;
  if (cp >= 0xD800 && cp <= 0xDBFF && at(i_) == '\\' && at(i_ + 1) == 'u' && hex4(i_ + 2, trail) &&
      trail >= 0xDC00 && trail <= 0xDFFF) {
    cp = 0x10000 + ((cp - 0xD800) << 10) + (trail - 0xDC00);
    i_ += 6;
  }
  return true;
}

// At i_ == '\\'. Parses CharacterEscape, CharacterClassEscape and (outside classes)
// AtomEscape; on a syntax error returns false with the error recorded.
bool Scanner::parse_escape(bool in_class, Escape& e) {
  const std::size_t start = i_;
  ++i_;
  const int c = at(i_);
  const auto invalid = [&](const char* what) { return fail(what, start); };
  if (c < 0) return invalid("'\\' at end of pattern");
  ++i_;
  e.kind = Escape::kChar;
  switch (c) {
    case 'b':
      if (in_class) {
        e.cp = 0x08;
      } else {
        e.kind = Escape::kWordBoundary;
      }
      return true;
    case 'B':
      if (in_class) return invalid("invalid escape '\\B' in character class");
      e.kind = Escape::kWordBoundary;
      e.negative = true;
      return true;
    case 'd':
    case 'D':
      e.kind = Escape::kSet;
      e.set.items = c == 'd' ? "\\d" : "\\D";
      return true;
    case 'w':
    case 'W':
      e.kind = Escape::kSet;
      e.set.items = c == 'w' ? "\\w" : "\\W";
      return true;
    case 's':
    case 'S':
      e.kind = Escape::kSet;
      e.set = whitespace(c == 'S');
      return true;
    case 'p':
    case 'P': {
      e.kind = Escape::kSet;
      const std::size_t close = p_.find('}', i_);
      if (at(i_) != '{' || close == std::string_view::npos) {
        return invalid("invalid property escape");
      }
      const std::string_view body = p_.substr(i_ + 1, close - i_ - 1);
      i_ = close + 1;
      std::string why;
      switch (resolve_property(body, c == 'P', tr_, e.set, why)) {
        case Status::kOk:
          // RE2 folds case before complementing \P{Script}; ECMA complements first.
          if (e.set.items.rfind("\\P{", 0) == 0 && (top().flags & kIgnoreCase) != 0) {
            unsupported("\\P{" + std::string(body) + "} under the i modifier", start);
          }
          return true;
        case Status::kInvalid:
          return invalid("invalid property name");
        case Status::kUnsupported:
          unsupported("property escape \\" + std::string(1, static_cast<char>(c)) + "{" +
                          std::string(body) + "}: " + why,
                      start);
          return true;
      }
      return true;
    }
    case 'k': {
      if (in_class) return invalid("invalid escape '\\k' in character class");
      e.kind = Escape::kBackreference;
      if (at(i_) != '<') return invalid("'\\k' must be followed by <name>");
      ++i_;
      std::string name;
      if (!parse_group_name(name)) return false;
      named_backrefs_.emplace_back(std::move(name), start);
      return true;
    }
    case '0':
      if (at(i_) >= '0' && at(i_) <= '9') return invalid("invalid decimal escape");
      e.cp = 0;
      return true;
    case 'f':
      e.cp = 0x0C;
      return true;
    case 'n':
      e.cp = 0x0A;
      return true;
    case 'r':
      e.cp = 0x0D;
      return true;
    case 't':
      e.cp = 0x09;
      return true;
    case 'v':
      e.cp = 0x0B;
      return true;
    case 'c':
      if (!is_ascii_letter(static_cast<char32_t>(at(i_)))) return invalid("invalid '\\c' escape");
      e.cp = static_cast<char32_t>(at(i_) % 32);
      ++i_;
      return true;
    case 'x':
      if (util::hex_digit_value(at(i_)) < 0 || util::hex_digit_value(at(i_ + 1)) < 0) {
        return invalid("invalid '\\x' escape");
      }
      e.cp = static_cast<char32_t>(util::hex_digit_value(at(i_)) * 16 + util::hex_digit_value(at(i_ + 1)));
      i_ += 2;
      return true;
    case 'u':
      --i_;
      if (!parse_unicode_escape(e.cp)) return invalid("invalid Unicode escape");
      return true;
    case '-':
      if (!in_class) return invalid("invalid identity escape '\\-' outside a character class");
      e.cp = '-';
      return true;
    case '^':
    case '$':
    case '\\':
    case '.':
    case '*':
    case '+':
    case '?':
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
    case '|':
    case '/':
      e.cp = static_cast<char32_t>(c);
      return true;
    default:
      if (c >= '1' && c <= '9' && !in_class) {
        --i_;
        std::uint32_t number = 0;
        parse_decimal(number);
        e.kind = Escape::kBackreference;
        backrefs_.emplace_back(number, start);
        return true;
      }
      std::string text = "invalid escape '\\";
      text.append(p_.substr(start + 1, decode_utf8(p_, start + 1).len));
      return fail(text + "'", start);
  }
}

void Scanner::parse_atom_escape() {
  const std::size_t start = i_;
  Escape e;
  if (!parse_escape(false, e)) return;
  switch (e.kind) {
    case Escape::kChar:
      emit_char(e.cp);
      return;
    case Escape::kSet:
      begin_atom();
      if (tr_) emit_class(std::move(e.set), false);
      return;
    case Escape::kWordBoundary:
      if ((top().flags & kIgnoreCase) != 0) {
        unsupported("word boundary under the i modifier", start);
      }
      if (e.negative) a_.has_non_word_boundary = true;
      emit(e.negative ? "\\B" : "\\b");
      last_ = Last::kAssertion;
      return;
    case Escape::kBackreference:
      unsupported("backreference (not evaluable in linear time)", start);
      begin_atom();
      return;
  }
}

void Scanner::parse_class() {
  const std::size_t start = i_;
  ++i_;
  const bool negated = at(i_) == '^';
  if (negated) ++i_;
  ClassSet set;
  std::size_t compact_at = 4096;
  // Reads one ClassAtom; `is_char` tells whether it is a single code point.
  const auto atom = [&](Escape& e) {
    if (at(i_) == '\\') return parse_escape(true, e);
    const Utf8Char ch = decode_utf8(p_, i_);
    i_ += ch.len;
    e.kind = Escape::kChar;
    e.cp = ch.cp;
    return true;
  };
  while (true) {
    if (at(i_) < 0) {
      fail("unterminated character class", start);
      return;
    }
    if (at(i_) == ']') break;
    const std::size_t atom_start = i_;
    Escape first;
    if (!atom(first)) return;
    if (at(i_) == '-' && at(i_ + 1) != ']' && at(i_ + 1) >= 0) {
      ++i_;
      Escape last;
      if (!atom(last)) return;
      if (first.kind != Escape::kChar || last.kind != Escape::kChar) {
        fail("character class escape used as a range bound", atom_start);
        return;
      }
      if (first.cp > last.cp) {
        fail("range out of order in character class", atom_start);
        return;
      }
      set.add(first.cp, last.cp);
    } else if (first.kind == Escape::kChar) {
      set.add(first.cp, first.cp);
    } else if (tr_) {
      set.add(first.set);
    }
    if (tr_ && set.ranges.size() > compact_at) {  // e.g. many \p{Cn} in one class
      set.ranges = normalized(std::move(set.ranges));
      compact_at = 2 * set.ranges.size() + 4096;
    }
    if (tr_ && set.items.size() > kMaxTranslatedBytes) {
      unsupported("the translated pattern exceeds 2 MiB", start);
    }
  }
  ++i_;
  begin_atom();
  if (tr_) emit_class(std::move(set), negated);
}

}  // namespace lotse::schema::detail::ecma
