// The Scanner: one left-to-right pass over an ECMA-262 pattern that validates it and, when
// asked, translates it into RE2 syntax (see ecma_regex_detail.hpp for the module's files).
//
// One class because validation and translation share one pass and its state (position, group
// stack, output), but its member functions are defined by concern in three files:
//   ecma_regex_scanner.cpp    pattern structure: alternatives, groups, names, quantifier syntax
//   ecma_regex_escapes.cpp    escapes and character classes
//   ecma_regex_translate.cpp  RE2 emission
// The pass never recurses: groups live on the explicit stack `frames_`, so nesting depth
// cannot overflow the C stack.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schema/ecma_regex_detail.hpp"

namespace lotse::schema::detail::ecma {

// Regular expression flags that modifier groups `(?ims-ims:...)` turn on and off.
enum Flag : std::uint8_t { kIgnoreCase = 1, kMultiline = 2, kDotAll = 4 };

// Group names seen inside an open group (ES2025: a name may repeat only in other alternatives).
struct NameSets {
  std::set<std::string> alternative;  // names in the current alternative of the group
  std::set<std::string> finished;     // names in its finished alternatives
};

enum class GroupKind : std::uint8_t { kRoot, kCapture, kPlain, kLookahead, kLookbehind };

// An open group on the Scanner's stack; the root frame is the whole pattern.
struct Frame {
  GroupKind kind = GroupKind::kRoot;
  bool negative = false;   // lookaround polarity
  bool extracted = false;  // leading lookahead: its body becomes a Branch condition
  std::uint8_t flags = 0;  // modifiers active inside the group
  std::size_t offset = 0;  // byte offset of '('
  std::size_t out_start = 0;
  std::string name;
  std::unique_ptr<NameSets> names;
};

// One parsed escape or class atom: a code point, a set, `\b`/`\B`, or a backreference.
struct Escape {
  enum Kind { kChar, kSet, kWordBoundary, kBackreference } kind = kChar;
  char32_t cp = 0;
  bool negative = false;
  ClassSet set;
};

class Scanner {
 public:
  Scanner(std::string_view pattern, bool translate) : p_(pattern), tr_(translate) {}

  Analysis run();

 private:
  enum class Last { kNone, kAtom, kQuantified, kAssertion };
  enum class Prefix { kStart, kAfterCaret, kClosed };

  int at(std::size_t k) const { return k < p_.size() ? static_cast<unsigned char>(p_[k]) : -1; }
  Frame& top() { return frames_.back(); }

  // --- ecma_regex_scanner.cpp: structure ---
  void finish_pattern();
  bool fail(const std::string& what, std::size_t offset);
  Analysis finish();
  void unsupported(const std::string& what, std::size_t offset);
  void step();
  bool parse_decimal(std::uint32_t& value, std::string_view* digits = nullptr);
  void parse_quantifier();
  bool parse_group_name(std::string& name);
  void open_group();
  bool parse_modifiers(Frame& f);
  void close_group();
  bool close_names(Frame& f);

  // --- ecma_regex_escapes.cpp: escapes and character classes ---
  bool parse_unicode_escape(char32_t& cp);
  bool parse_escape(bool in_class, Escape& e);
  void parse_atom_escape();
  void parse_class();

  // --- ecma_regex_translate.cpp: RE2 emission ---
  void emit(std::string_view s);
  void begin_atom();
  void emit_char(char32_t c);
  void emit_class(ClassSet set, bool negated);
  void emit_repeat(std::uint32_t min, std::uint32_t max, bool unbounded, bool lazy,
                   std::string_view count, std::size_t start);
  void end_branch();

  std::string_view p_;
  bool tr_;
  std::size_t i_ = 0;
  Analysis a_;
  std::vector<Frame> frames_;
  std::string out_;
  std::vector<Lookahead> lookaheads_;
  Last last_ = Last::kNone;
  Prefix prefix_ = Prefix::kStart;
  std::size_t atom_start_ = 0;
  std::size_t translated_bytes_ = 0;
  std::size_t class_weight_ = 0;
  std::uint32_t captures_ = 0;
  std::set<std::string> all_names_;
  std::vector<std::pair<std::uint32_t, std::size_t>> backrefs_;
  std::vector<std::pair<std::string, std::size_t>> named_backrefs_;
};

}  // namespace lotse::schema::detail::ecma
