// The Scanner's pass over a pattern and its structure: alternatives, groups (capturing, named,
// non-capturing, lookaround, ES2025 modifiers), group names and quantifier syntax, and the
// checks made at the end (unterminated groups, backreferences to missing groups).
//
// One left-to-right pass with an explicit group stack (no recursion, so nesting depth cannot
// overflow the C stack). The grammar is ECMA-262 2025 §22.2.1 with the [UnicodeMode] parameter
// set (no Annex B leniency), plus ES2025 duplicate named groups and modifiers `(?ims-ims:...)`.
// Escapes and classes are in ecma_regex_escapes.cpp, the RE2 output in
// ecma_regex_translate.cpp; docs/ecma-regex.md documents the translation table.
#include "schema/ecma_regex_scanner.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "schema/ecma_regex_detail.hpp"

namespace lotse::schema::detail {
namespace ecma {
namespace {

// Moves `from` into `into` (small into large); with `disjoint`, a shared name is an error.
bool merge_names(std::set<std::string>& into, std::set<std::string>& from, bool disjoint,
                 std::string& duplicate) {
  if (into.size() < from.size()) std::swap(into, from);
  for (const std::string& name : from) {
    if (!into.insert(name).second && disjoint) {
      duplicate = name;
      return false;
    }
  }
  from.clear();
  return true;
}

}  // namespace

Analysis Scanner::run() {
  for (std::size_t pos = 0; pos < p_.size();) {
    const Utf8Char ch = decode_utf8(p_, pos);
    if (!ch.ok) {
      fail("invalid UTF-8", pos);
      return finish();
    }
    pos += ch.len;
  }
  frames_.emplace_back();
  while (i_ < p_.size() && a_.syntax_error.empty()) {
    step();
    if (tr_ && translated_bytes_ + out_.size() > kMaxTranslatedBytes) {
      unsupported("the translated pattern exceeds 2 MiB", i_);
    }
  }
  if (a_.syntax_error.empty()) finish_pattern();
  return finish();
}

void Scanner::finish_pattern() {
  if (frames_.size() > 1) {
    fail("unterminated group", frames_.back().offset);
    return;
  }
  for (const auto& [number, offset] : backrefs_) {
    if (number > captures_) {
      fail("backreference to a group that does not exist", offset);
      return;
    }
  }
  for (const auto& [name, offset] : named_backrefs_) {
    if (all_names_.count(name) == 0) {
      fail("\\k<" + name + "> names no group", offset);
      return;
    }
  }
  end_branch();
}

// Records a syntax error (the first one wins) and returns false.
bool Scanner::fail(const std::string& what, std::size_t offset) {
  if (a_.syntax_error.empty()) {
    a_.syntax_error = "at offset " + std::to_string(offset) + ": " + what;
  }
  return false;
}

Analysis Scanner::finish() {
  if (!a_.syntax_error.empty() || !a_.unsupported.empty()) a_.branches.clear();
  return std::move(a_);
}

// Records that the pattern is valid but not translatable (the first reason wins) and stops
// translating.
void Scanner::unsupported(const std::string& what, std::size_t offset) {
  if (a_.unsupported.empty()) {
    a_.unsupported = "at offset " + std::to_string(offset) + ": " + what;
  }
  tr_ = false;
  out_.clear();
}

void Scanner::step() {
  const std::size_t start = i_;
  const int c = at(i_);
  const bool top_level = frames_.size() == 1;
  if (top_level && c != '^' && c != '|' && c != '(') prefix_ = Prefix::kClosed;
  switch (c) {
    case '|':
      ++i_;
      if (top().names) {
        std::string unused;
        merge_names(top().names->finished, top().names->alternative, false, unused);
      }
      if (top_level) {
        end_branch();
      } else {
        emit("|");
        last_ = Last::kNone;
      }
      return;
    case '(':
      return open_group();
    case ')':
      return close_group();
    case '^':
    case '$':
      ++i_;
      if ((top().flags & kMultiline) != 0) {
        unsupported(std::string("'") + static_cast<char>(c) + "' under the m modifier", start);
      }
      if (top_level && c == '^' && prefix_ != Prefix::kClosed) prefix_ = Prefix::kAfterCaret;
      emit(c == '^' ? "^" : "$");
      last_ = Last::kAssertion;
      return;
    case '.':
      ++i_;
      begin_atom();
      emit((top().flags & kDotAll) != 0 ? kAnyChar : "[^\\n\\r\\x{2028}\\x{2029}]");
      return;
    case '[':
      return parse_class();
    case '\\':
      return parse_atom_escape();
    case '*':
    case '+':
    case '?':
    case '{':
      return parse_quantifier();
    case '}':
    case ']':
      fail(std::string("lone '") + static_cast<char>(c) + "'", start);
      return;
    default: {
      const Utf8Char ch = decode_utf8(p_, i_);
      i_ += ch.len;
      emit_char(ch.cp);
    }
  }
}

// Reads DecimalDigits; `value` saturates, `digits` keeps the exact number (no leading 0s).
bool Scanner::parse_decimal(std::uint32_t& value, std::string_view* digits) {
  if (at(i_) < '0' || at(i_) > '9') return false;
  std::uint64_t v = 0;
  while (at(i_) == '0') ++i_;
  const std::size_t first = i_;
  while (at(i_) >= '0' && at(i_) <= '9') {
    v = std::min<std::uint64_t>(v * 10 + static_cast<std::uint64_t>(at(i_) - '0'), 1u << 31);
    ++i_;
  }
  value = static_cast<std::uint32_t>(v);
  if (digits != nullptr) *digits = p_.substr(first, i_ - first);
  return true;
}

void Scanner::parse_quantifier() {
  const std::size_t start = i_;
  std::uint32_t min = 0;
  std::uint32_t max = 0;
  std::string_view min_digits = "0";
  std::string_view max_digits = "0";
  bool unbounded = false;
  switch (at(i_)) {
    case '*':
      unbounded = true;
      ++i_;
      break;
    case '+':
      min = 1;
      unbounded = true;
      ++i_;
      break;
    case '?':
      max = 1;
      ++i_;
      break;
    default:  // '{'
      ++i_;
      if (!parse_decimal(min, &min_digits)) {
        fail("lone '{' (not a quantifier)", start);
        return;
      }
      max = min;
      max_digits = min_digits;
      if (at(i_) == ',') {
        ++i_;
        unbounded = !parse_decimal(max, &max_digits);
      }
      if (at(i_) != '}') {
        fail("lone '{' (not a quantifier)", start);
        return;
      }
      ++i_;
  }
  const bool lazy = at(i_) == '?';
  if (lazy) ++i_;
  if (last_ == Last::kAssertion) {
    fail("quantifier after an assertion", start);
    return;
  }
  if (last_ != Last::kAtom) {
    fail("nothing to repeat", start);
    return;
  }
  const bool out_of_order = min_digits.size() != max_digits.size()
                                ? min_digits.size() > max_digits.size()
                                : min_digits > max_digits;
  if (!unbounded && out_of_order) {
    fail("numbers out of order in {} quantifier", start);
    return;
  }
  last_ = Last::kQuantified;
  emit_repeat(min, max, unbounded, lazy, unbounded ? min_digits : max_digits, start);
}

bool Scanner::parse_group_name(std::string& name) {
  // at i_: first character of RegExpIdentifierName; consumes through '>'
  const std::size_t start = i_;
  bool first = true;
  while (at(i_) != '>') {
    if (at(i_) < 0) return fail("unterminated group name", start);
    char32_t c = 0;
    const std::size_t char_start = i_;
    if (at(i_) == '\\') {
      ++i_;
      if (at(i_) != 'u' || !parse_unicode_escape(c)) {
        return fail("invalid escape in group name", char_start);
      }
    } else {
      const Utf8Char ch = decode_utf8(p_, i_);
      c = ch.cp;
      i_ += ch.len;
    }
    if (first ? !is_id_start(c) : !is_id_continue(c)) {
      return fail("invalid character in group name", char_start);
    }
    append_utf8(name, c);
    first = false;
  }
  if (first) return fail("empty group name", start);
  ++i_;
  return true;
}

void Scanner::open_group() {
  Frame f;
  f.offset = i_;
  f.flags = top().flags;
  f.kind = GroupKind::kCapture;
  ++i_;
  if (at(i_) == '?') {
    const int c = at(i_ + 1);
    if (c == ':') {
      f.kind = GroupKind::kPlain;
      i_ += 2;
    } else if (c == '=' || c == '!') {
      f.kind = GroupKind::kLookahead;
      f.negative = c == '!';
      i_ += 2;
    } else if (c == '<' && (at(i_ + 2) == '=' || at(i_ + 2) == '!')) {
      f.kind = GroupKind::kLookbehind;
      f.negative = at(i_ + 2) == '!';
      i_ += 3;
    } else if (c == '<') {
      i_ += 2;
      if (!parse_group_name(f.name)) return;
      all_names_.insert(f.name);
    } else if (!parse_modifiers(f)) {
      return;
    }
  }
  if (f.kind == GroupKind::kCapture) ++captures_;
  const bool top_level = frames_.size() == 1;
  if (top_level) {
    if (f.kind == GroupKind::kLookahead && prefix_ == Prefix::kAfterCaret) {
      f.extracted = true;
    } else {
      prefix_ = Prefix::kClosed;
    }
  }
  if (f.kind == GroupKind::kLookbehind) {
    unsupported(
        std::string("lookbehind '(?<") + (f.negative ? "!" : "=") + "' (RE2 has no lookaround)",
        f.offset);
  } else if (f.kind == GroupKind::kLookahead && !f.extracted) {
    unsupported(std::string("lookahead '(?") + (f.negative ? "!" : "=") +
                    "' (only supported at the start of a top-level alternative, directly "
                    "after '^')",
                f.offset);
  }
  if (frames_.size() > kMaxDepth) unsupported("groups nested deeper than 1000", f.offset);
  f.out_start = out_.size();
  if (f.kind == GroupKind::kCapture) {
    emit("(");  // compiled with never_capture: all groups are non-capturing in RE2
  } else if (f.kind == GroupKind::kPlain) {
    const bool was = (top().flags & kIgnoreCase) != 0;
    const bool is = (f.flags & kIgnoreCase) != 0;
    emit(was == is ? "(?:" : is ? "(?i:" : "(?-i:");
  }
  last_ = Last::kNone;
  frames_.push_back(std::move(f));
}

// After "(?": the ES2025 modifiers `ims` [`-` `ims`] `:`.
bool Scanner::parse_modifiers(Frame& f) {
  const std::size_t start = f.offset;
  std::uint8_t add = 0;
  std::uint8_t remove = 0;
  bool dash = false;
  for (++i_;; ++i_) {
    const int c = at(i_);
    const std::uint8_t bit = c == 'i'   ? kIgnoreCase
                             : c == 'm' ? kMultiline
                             : c == 's' ? kDotAll
                                        : 0;
    if (bit != 0) {
      if (((add | remove) & bit) != 0) return fail("repeated modifier flag", i_);
      (dash ? remove : add) |= bit;
    } else if (c == '-' && !dash) {
      dash = true;
    } else if (c == ':') {
      break;
    } else {
      return fail("invalid group '(?'", start);
    }
  }
  ++i_;
  if (add == 0 && remove == 0) return fail("modifier group without flags", start);
  f.kind = GroupKind::kPlain;
  f.flags = static_cast<std::uint8_t>((f.flags | add) & ~remove);
  return true;
}

void Scanner::close_group() {
  if (frames_.size() == 1) {
    fail("unmatched ')'", i_);
    return;
  }
  ++i_;
  Frame f = std::move(frames_.back());
  frames_.pop_back();
  if (!close_names(f)) return;
  if (f.extracted) {
    if (tr_) {
      lookaheads_.push_back(Lookahead{f.negative, out_.substr(f.out_start)});
      out_.resize(f.out_start);
    }
    last_ = Last::kAssertion;
  } else if (f.kind == GroupKind::kLookahead || f.kind == GroupKind::kLookbehind) {
    last_ = Last::kAssertion;  // not quantifiable in Unicode mode
  } else {
    emit(")");
    last_ = Last::kAtom;
    atom_start_ = f.out_start;
  }
}

// ES2025 duplicate named groups: one name may appear only in different alternatives.
bool Scanner::close_names(Frame& f) {
  if (!f.names && f.name.empty()) return true;
  std::set<std::string> inside;
  std::string duplicate;
  if (f.names) {
    merge_names(f.names->finished, f.names->alternative, false, duplicate);
    inside.swap(f.names->finished);
  }
  if (!f.name.empty() && !inside.insert(f.name).second) duplicate = f.name;
  if (duplicate.empty()) {
    if (!top().names) top().names = std::make_unique<NameSets>();
    if (merge_names(top().names->alternative, inside, true, duplicate)) return true;
  }
  fail("duplicate group name '" + duplicate + "'", f.offset);
  return false;
}

}  // namespace ecma

Analysis analyze(std::string_view pattern, bool translate) {
  return ecma::Scanner(pattern, translate).run();
}

}  // namespace lotse::schema::detail
