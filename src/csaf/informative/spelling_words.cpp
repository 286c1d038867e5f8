#include "csaf/informative/spelling_words.hpp"

#include <locale.h>
#include <wctype.h>

#include "csaf/text.hpp"

namespace lotse::csaf::informative {

namespace {

// glibc's C.UTF-8 locale, for Unicode letter and case classes; null when
// it is not installed.
locale_t unicode_ctype() {
  static const locale_t locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
  return locale;
}

bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char32_t c) {
  if (c >= '0' && c <= '9') return true;
  const locale_t l = unicode_ctype();
  return c >= 0x80 && l && iswdigit_l(static_cast<wint_t>(c), l);
}
bool is_combining_mark(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
         (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}
bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool is_hyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

bool is_letter(char32_t c) {
  if (c < 0x80) return is_ascii_letter(c);
  if (is_combining_mark(c)) return true;
  if (const locale_t l = unicode_ctype()) return iswalpha_l(static_cast<wint_t>(c), l);
  // No Unicode tables: anything but spaces, dashes and general punctuation.
  return !is_white_space(c) && !is_dash_or_underscore(c) && !(c >= 0x2000 && c <= 0x206F) &&
         !(c >= 0x80 && c <= 0xBF) && c != 0xD7 && c != 0xF7;
}

bool is_upper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (const locale_t l = unicode_ctype()) return iswupper_l(static_cast<wint_t>(c), l);
  return false;
}

bool is_word_char(char32_t c) { return is_letter(c) || is_digit(c) || is_apostrophe(c) || is_hyphen(c); }

bool is_alnum(char32_t c) { return is_letter(c) || is_digit(c); }

// See the header: addresses, paths, identifiers.
bool looks_technical(std::string_view chunk) {
  if (chunk.find("://") != std::string_view::npos || chunk.find("::") != std::string_view::npos) return true;
  if (chunk.find_first_of("@/\\_=<>{}|~#$%^*+`") != std::string_view::npos) return true;
  char32_t before = 0;
  for (std::size_t pos = 0; pos < chunk.size();) {
    const char32_t c = next_code_point(chunk, pos);
    if ((c == '.' || c == ':') && pos < chunk.size() && is_alnum(before)) {
      std::size_t peek = pos;
      if (is_alnum(next_code_point(chunk, peek))) return true;
    }
    before = c;
  }
  return false;
}

// Whether a word (without edge apostrophes/hyphens) is worth checking.
bool worth_checking(std::string_view word) {
  std::size_t letters = 0;
  bool non_capital = false;  // lower case, or a script without case
  for (std::size_t pos = 0; pos < word.size();) {
    const char32_t c = next_code_point(word, pos);
    if (is_digit(c)) return false;
    if (is_letter(c) && !is_combining_mark(c)) {
      ++letters;
      if (!is_upper(c)) non_capital = true;
    }
  }
  if (letters == 0) return false;
  return letters == 1 || non_capital;  // capitals only: an acronym
}

// Appends the words of one chunk (no white space in it).
void split_chunk(std::string_view chunk, std::vector<std::string_view>& out) {
  std::size_t pos = 0;
  while (pos < chunk.size()) {
    std::size_t start = pos;
    char32_t c = next_code_point(chunk, pos);
    if (!is_word_char(c)) continue;
    std::size_t end = pos;
    while (pos < chunk.size()) {
      std::size_t here = pos;
      c = next_code_point(chunk, pos);
      if (!is_word_char(c)) {
        pos = here;
        break;
      }
      end = pos;
    }
    std::string_view word = chunk.substr(start, end - start);
    // Drop apostrophes and hyphens at both ends.
    for (;;) {
      std::size_t p = 0;
      if (word.empty()) break;
      const char32_t first = next_code_point(word, p);
      if (!is_apostrophe(first) && !is_hyphen(first)) break;
      word.remove_prefix(p);
    }
    while (!word.empty()) {
      std::size_t last = word.size() - 1;
      while (last > 0 && (static_cast<unsigned char>(word[last]) & 0xC0) == 0x80) --last;
      std::size_t p = last;
      const char32_t tail = next_code_point(word, p);
      if (!is_apostrophe(tail) && !is_hyphen(tail)) break;
      word.remove_suffix(word.size() - last);
    }
    if (worth_checking(word)) out.push_back(word);
  }
}

}  // namespace

std::vector<std::string_view> words_to_check(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Skip white space, then take the chunk up to the next white space.
    std::size_t start = pos;
    if (is_white_space(next_code_point(text, pos))) continue;
    std::size_t end = pos;
    while (pos < text.size()) {
      std::size_t here = pos;
      if (is_white_space(next_code_point(text, pos))) {
        pos = here;
        break;
      }
      end = pos;
    }
    const std::string_view chunk = text.substr(start, end - start);
    if (!looks_technical(chunk)) split_chunk(chunk, words);
  }
  return words;
}

}  // namespace lotse::csaf::informative
