// Internal interface of the ECMA-262 regex module; not for callers (include
// schema/ecma_regex.hpp). Kept out of the public header so that schema code including it does
// not see the translator's internals.
//
// Two layers:
//  * namespace detail: what ecma_regex.cpp (EcmaRegex, is_ecma_regex, translate_ecma_to_re2)
//    needs from the translator: analyze() and its Analysis, and the UTF-8 decoder it shares
//    for subject repair.
//  * namespace detail::ecma: building blocks shared by the translator's files: limits, code
//    point sets (ClassSet) and the Unicode lookups.
//
// Files of the module (src/schema/):
//   ecma_regex.hpp / .cpp     public API; EcmaRegex compiles an Analysis into RE2 programs
//   ecma_regex_scanner.hpp    the Scanner class: state of the one pass over a pattern
//   ecma_regex_scanner.cpp    pattern structure: alternatives, groups, names, quantifier syntax
//   ecma_regex_escapes.cpp    escapes and character classes
//   ecma_regex_translate.cpp  RE2 emission: code points, classes, repetition chunks, branches
//   ecma_regex_unicode.cpp    UTF-8, Unicode property tables and lookups, ID_Start/ID_Continue
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::schema::detail {

// A lookahead at the start of a top-level alternative, after `^`: its body must (positive) or
// must not (negative) match as a prefix of the subject.
struct Lookahead {
  bool negative = false;
  std::string re2;  // RE2 syntax of the body, not anchored
};

// One top-level alternative: `re2` (RE2 syntax, starts with `^` if lookaheads is non-empty)
// matches only if every lookahead condition holds.
struct Branch {
  std::vector<Lookahead> lookaheads;
  std::string re2;
};

struct Analysis {
  std::string syntax_error;            // non-empty: the pattern is not valid ECMA-262 (u-mode)
  std::string unsupported;             // non-empty: valid ECMA-262 but not translatable to RE2
  std::vector<Branch> branches;        // the translation; complete only if both strings are empty
  bool has_non_word_boundary = false;  // `\B` occurs (see EcmaRegex::compile)
};

// One UTF-8 sequence at `pos` (pos < s.size()). When !ok, `len` is the length of the
// maximal invalid subpart (Unicode §3.9), which a decoder replaces by one U+FFFD.
struct Utf8Char {
  char32_t cp;
  std::size_t len;
  bool ok;
};
Utf8Char decode_utf8(std::string_view s, std::size_t pos);

// Validates `pattern`; when `translate` is true also translates it. Never recurses.
Analysis analyze(std::string_view pattern, bool translate);

namespace ecma {

// --- Limits and constant RE2 fragments -------------------------------------------------------

inline constexpr std::size_t kMaxDepth = 1000;        // group nesting compile() accepts
inline constexpr std::uint32_t kRe2MaxRepeat = 1000;  // RE2's limit for {n,m}
inline constexpr std::uint32_t kMaxRepeat = 100000;   // larger counts are refused
inline constexpr std::size_t kMaxTranslatedBytes = 2u << 20;
inline constexpr std::size_t kMaxClassWeight = 1000;  // Unicode property tables RE2 must parse
inline constexpr char32_t kMaxCodePoint = 0x10FFFF;
inline constexpr const char* kNoMatch = "[^\\x{0}-\\x{10FFFF}]";
inline constexpr const char* kAnyChar = "[\\x{0}-\\x{10FFFF}]";

// --- Code points and code point sets ---------------------------------------------------------

struct Range {
  char32_t lo;
  char32_t hi;
};

inline bool is_surrogate(char32_t c) { return c >= 0xD800 && c <= 0xDFFF; }
inline bool is_ascii_alnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
inline bool is_ascii_letter(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// Appends `c` as UTF-8 (ecma_regex_unicode.cpp).
void append_utf8(std::string& out, char32_t c);

// A union of code points: explicit ranges, RE2 class items such as `\pL` or `\d`, and
// "complement members", each the complement of a set of General_Category leaves (added by the
// property lookups, rendered by ecma_regex_translate.cpp). Surrogates are dropped: UTF-8 text
// cannot contain them.
struct ClassSet {
  std::vector<Range> ranges;
  std::string items;
  std::vector<std::uint32_t> complements;  // leaf masks, never containing Cn

  void add(char32_t lo, char32_t hi) {
    if (hi < 0xD800 || lo > 0xDFFF) {
      ranges.push_back({lo, hi});
      return;
    }
    if (lo < 0xD800) ranges.push_back({lo, 0xD7FF});
    if (hi > 0xDFFF) ranges.push_back({0xE000, hi});
  }
  void add(const ClassSet& other) {
    ranges.insert(ranges.end(), other.ranges.begin(), other.ranges.end());
    items += other.items;
    complements.insert(complements.end(), other.complements.begin(), other.complements.end());
  }
};

// `ranges` sorted, overlapping and adjacent ranges merged (ecma_regex_translate.cpp).
std::vector<Range> normalized(std::vector<Range> ranges);
// The code points not in `ranges`, surrogates excluded (ecma_regex_translate.cpp).
ClassSet complement(const std::vector<Range>& ranges);

// --- Unicode lookups (ecma_regex_unicode.cpp) ------------------------------------------------

// Every General_Category leaf value, as a mask (bit i is the i-th of the 30 leaves Cc, Cf, Cn,
// Co, Cs, Ll, ..., Zs, in alphabetical order).
inline constexpr std::uint32_t kAllLeaves = (1u << 30) - 1;

// `\s` (`\S` when `negated`): ECMA-262 WhiteSpace and LineTerminator.
ClassSet whitespace(bool negated);

// Adds the General_Category leaves in `mask` to `out` as RE2 items (`\pL`, `\p{Lu}`, ...); Cn,
// which RE2 lacks, as explicit ranges derived from RE2's tables.
void add_categories(std::uint32_t mask, ClassSet& out);

enum class Status { kOk, kInvalid, kUnsupported };

// Resolves the body of `\p{body}` (`\P{body}` when `negated`) into `out` (only when `build`);
// `why` explains kUnsupported.
Status resolve_property(std::string_view body, bool negated, bool build, ClassSet& out,
                        std::string& why);

// Group names: ID_Start and ID_Continue (UAX #31, from RE2's General_Category tables), plus
// `$` and `_`, and ZWNJ and ZWJ after the first character.
bool is_id_start(char32_t c);
bool is_id_continue(char32_t c);

}  // namespace ecma
}  // namespace lotse::schema::detail
