// RE2 emission: how the Scanner writes what it has validated in RE2 syntax. Code points
// (escaped so they mean the same inside and outside a class), code point sets (ranges, RE2
// class items, complements of General_Category sets that would contain Cn), repetition counts
// above RE2's limit of 1000 (split into a sequence of chunks), and the finished top-level
// alternatives (Branch). docs/ecma-regex.md documents the translation table.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schema/ecma_regex_detail.hpp"
#include "schema/ecma_regex_scanner.hpp"

namespace lotse::schema::detail::ecma {
namespace {

// A code point in RE2 syntax, valid both inside and outside a character class.
void append_re2_char(std::string& out, char32_t c) {
  if (is_ascii_alnum(c)) {
    out += static_cast<char>(c);
  } else if (c >= 0x20 && c < 0x7F) {
    out += '\\';  // RE2 reads backslash + ASCII punctuation (or space) as that literal
    out += static_cast<char>(c);
  } else {
    static constexpr char kHex[] = "0123456789ABCDEF";
    char buf[8];
    int n = 0;
    do {
      buf[n++] = kHex[c & 0xF];
      c >>= 4;
    } while (c != 0);
    out += "\\x{";
    while (n > 0) out += buf[--n];
    out += '}';
  }
}

// Renders ranges and items (not complement members) as one RE2 character class.
std::string render_union(const ClassSet& set, bool negated) {
  const std::vector<Range> ranges = normalized(set.ranges);
  if (ranges.empty() && set.items.empty()) return negated ? kAnyChar : kNoMatch;
  std::string out = negated ? "[^" : "[";
  out += set.items;
  for (const Range r : ranges) {
    append_re2_char(out, r.lo);
    if (r.hi != r.lo) {
      out += '-';
      append_re2_char(out, r.hi);
    }
  }
  out += ']';
  return out;
}

// Renders `set` (or its complement) as one RE2 atom. A complement member M is rendered as
// `[^M]`, so `\P{L}` needs no table of unassigned code points; where that is impossible (in a
// negated class: RE2 has no intersection) or wrong (under `i`: RE2 folds case before it
// complements, ECMA after), M is replaced by the union of the other categories, Cn included.
// `weight` grows by the RE2 parsing cost of the result, in Unicode property tables parsed.
std::string render(ClassSet set, bool negated, bool ignore_case, std::size_t& weight) {
  if (!set.complements.empty() && (negated || ignore_case)) {
    for (const std::uint32_t mask : set.complements) add_categories(kAllLeaves & ~mask, set);
    set.complements.clear();
  }
  const auto tables = [](std::string_view items) {  // counts \p.. and \P.. items
    std::size_t n = 0;
    for (std::size_t k = 0; k + 1 < items.size(); ++k) {
      if (items[k] == '\\' && (items[k + 1] == 'p' || items[k + 1] == 'P')) ++n;
    }
    return n;
  };
  weight += tables(set.items) + set.ranges.size() / 64;
  if (set.complements.empty()) return render_union(set, negated);
  const bool alone = set.ranges.empty() && set.items.empty() && set.complements.size() == 1;
  std::string out = "(?:";
  if (!set.ranges.empty() || !set.items.empty()) out += render_union(set, false) + "|";
  for (const std::uint32_t mask : set.complements) {
    ClassSet members;
    add_categories(mask, members);
    weight += tables(members.items);
    out += members.items.empty() ? kAnyChar : "[^" + members.items + "]";
    out += '|';
  }
  if (alone) return out.substr(3, out.size() - 4);
  out.back() = ')';
  return out;
}

}  // namespace

std::vector<Range> normalized(std::vector<Range> ranges) {
  std::sort(ranges.begin(), ranges.end(), [](Range a, Range b) { return a.lo < b.lo; });
  std::vector<Range> out;
  for (const Range r : ranges) {
    if (!out.empty() && r.lo <= out.back().hi + 1) {
      out.back().hi = std::max(out.back().hi, r.hi);
    } else {
      out.push_back(r);
    }
  }
  return out;
}

ClassSet complement(const std::vector<Range>& ranges) {
  ClassSet out;
  char32_t next = 0;
  for (const Range r : normalized(ranges)) {
    if (r.lo > next) out.add(next, r.lo - 1);
    next = r.hi + 1;
  }
  if (next <= kMaxCodePoint) out.add(next, kMaxCodePoint);
  return out;
}

void Scanner::emit(std::string_view s) {
  if (tr_) out_ += s;
}

void Scanner::begin_atom() {
  atom_start_ = out_.size();
  last_ = Last::kAtom;
}

void Scanner::emit_char(char32_t c) {
  begin_atom();
  if (!tr_) return;
  if (is_surrogate(c)) {
    out_ += kNoMatch;  // a lone surrogate never occurs in UTF-8 text
  } else {
    append_re2_char(out_, c);
  }
}

void Scanner::emit_class(ClassSet set, bool negated) {
  out_ += render(std::move(set), negated, (top().flags & kIgnoreCase) != 0, class_weight_);
  if (class_weight_ > kMaxClassWeight) {
    unsupported("more than 1000 Unicode property classes (RE2 compile time)", i_);
  }
}

// Appends the quantifier to the atom that starts at atom_start_. `count` is the count as
// written (for the error message), `start` the offset of the quantifier.
void Scanner::emit_repeat(std::uint32_t min, std::uint32_t max, bool unbounded, bool lazy,
                          std::string_view count, std::size_t start) {
  if (!tr_) return;
  const std::string suffix = lazy ? "?" : "";
  const auto braces = [](std::uint32_t lo, std::uint32_t hi) {
    return "{" + std::to_string(lo) + (lo == hi ? "" : "," + std::to_string(hi)) + "}";
  };
  if (min <= kRe2MaxRepeat && (unbounded || max <= kRe2MaxRepeat)) {
    if (unbounded) {
      out_ += min == 0 ? "*" : min == 1 ? "+" : "{" + std::to_string(min) + ",}";
    } else {
      out_ += (min == 0 && max == 1) ? "?" : braces(min, max);
    }
    out_ += suffix;
    return;
  }
  // RE2 caps counts at 1000; a sequence of chunks of at most 1000 matches the same strings.
  const std::uint32_t largest = unbounded ? min : max;
  const std::string atom = out_.substr(atom_start_);
  const std::size_t chunks = largest / kRe2MaxRepeat + 2;
  if (largest > kMaxRepeat || chunks * (atom.size() + 12) > kMaxTranslatedBytes) {
    unsupported("repetition count " + std::string(count) + " is too large", start);
    return;
  }
  out_.resize(atom_start_);
  for (std::uint32_t left = min; left > 0;) {
    const std::uint32_t n = std::min(left, kRe2MaxRepeat);
    out_ += atom + braces(n, n) + suffix;
    left -= n;
  }
  if (unbounded) {
    out_ += atom + "*" + suffix;
  } else {
    for (std::uint32_t left = max - min; left > 0;) {
      const std::uint32_t n = std::min(left, kRe2MaxRepeat);
      out_ += atom + braces(0, n) + suffix;
      left -= n;
    }
  }
}

void Scanner::end_branch() {
  translated_bytes_ += out_.size();
  a_.branches.push_back(Branch{std::move(lookaheads_), std::move(out_)});
  lookaheads_.clear();
  out_.clear();
  prefix_ = Prefix::kStart;
  last_ = Last::kNone;
}

}  // namespace lotse::schema::detail::ecma
