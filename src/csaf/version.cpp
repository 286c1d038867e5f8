#include "csaf/version.hpp"

#include <cstddef>

namespace lotse::csaf {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_identifier_char(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
}

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  return true;
}

// 0 | [1-9][0-9]*
bool is_numeric_identifier(std::string_view s) {
  return !s.empty() && all_digits(s) && (s.size() == 1 || s[0] != '0');
}

// Reads a numeric identifier at `pos`; nullopt when there is none.
std::optional<std::string_view> read_number(std::string_view s, std::size_t& pos) {
  std::size_t start = pos;
  while (pos < s.size() && is_digit(s[pos])) ++pos;
  std::string_view number = s.substr(start, pos - start);
  if (!is_numeric_identifier(number)) return std::nullopt;
  return number;
}

// A dot-separated list of non-empty [0-9A-Za-z-] identifiers; for a
// pre-release, all-digit identifiers must not have leading zeros.
bool is_identifier_list(std::string_view s, bool pre_release) {
  if (s.empty()) return false;
  std::size_t start = 0;
  for (;;) {
    std::size_t end = s.find('.', start);
    std::string_view id = s.substr(start, end == std::string_view::npos ? s.npos : end - start);
    if (id.empty()) return false;
    for (char c : id) {
      if (!is_identifier_char(c)) return false;
    }
    if (pre_release && all_digits(id) && !is_numeric_identifier(id)) return false;
    if (end == std::string_view::npos) return true;
    start = end + 1;
  }
}

// Splits off the next dot-separated identifier of `list`.
std::string_view next_identifier(std::string_view& list) {
  std::size_t dot = list.find('.');
  std::string_view id = list.substr(0, dot);
  list = dot == std::string_view::npos ? std::string_view{} : list.substr(dot + 1);
  return id;
}

// SemVer 11.4: identifier lists compared left to right.
std::strong_ordering compare_pre_release(std::string_view a, std::string_view b) {
  for (;;) {
    if (a.empty() || b.empty()) return !a.empty() <=> !b.empty();
    std::string_view x = next_identifier(a);
    std::string_view y = next_identifier(b);
    bool x_numeric = all_digits(x);
    bool y_numeric = all_digits(y);
    std::strong_ordering order = std::strong_ordering::equal;
    if (x_numeric && y_numeric) {
      order = compare_decimal(x, y);
    } else if (x_numeric != y_numeric) {
      order = x_numeric ? std::strong_ordering::less : std::strong_ordering::greater;
    } else {
      order = x <=> y;  // ASCII order
    }
    if (order != 0) return order;
  }
}

}  // namespace

std::string_view versioning_name(VersioningScheme scheme) {
  return scheme == VersioningScheme::integer ? "integer versioning" : "semantic versioning";
}

std::optional<Version> parse_version(std::string_view text) {
  Version v;
  std::size_t pos = 0;
  auto major = read_number(text, pos);
  if (!major) return std::nullopt;
  v.major = *major;
  if (pos == text.size()) {  // ^(0|[1-9][0-9]*)$
    v.scheme = VersioningScheme::integer;
    v.without_build = text;
    return v;
  }
  v.scheme = VersioningScheme::semantic;
  if (text[pos++] != '.') return std::nullopt;
  auto minor = read_number(text, pos);
  if (!minor || pos == text.size() || text[pos++] != '.') return std::nullopt;
  auto patch = read_number(text, pos);
  if (!patch) return std::nullopt;
  v.minor = *minor;
  v.patch = *patch;
  std::size_t plus = text.find('+', pos);
  v.without_build = text.substr(0, plus);
  if (plus != std::string_view::npos) {
    v.build = text.substr(plus + 1);
    if (!is_identifier_list(v.build, false)) return std::nullopt;
  }
  if (pos < v.without_build.size()) {
    if (text[pos] != '-') return std::nullopt;
    v.pre_release = v.without_build.substr(pos + 1);
    if (!is_identifier_list(v.pre_release, true)) return std::nullopt;
  }
  return v;
}

std::strong_ordering compare_decimal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return a.size() <=> b.size();
  return a <=> b;
}

std::strong_ordering compare_precedence(const Version& a, const Version& b) {
  // Integer versioning N is N.0.0: empty minor/patch read as "0".
  auto part = [](std::string_view s) { return s.empty() ? std::string_view("0") : s; };
  if (auto c = compare_decimal(a.major, b.major); c != 0) return c;
  if (auto c = compare_decimal(part(a.minor), part(b.minor)); c != 0) return c;
  if (auto c = compare_decimal(part(a.patch), part(b.patch)); c != 0) return c;
  // A pre-release sorts before the normal version it leads to.
  if (a.has_pre_release() != b.has_pre_release()) {
    return a.has_pre_release() ? std::strong_ordering::less : std::strong_ordering::greater;
  }
  return compare_pre_release(a.pre_release, b.pre_release);
}

}  // namespace lotse::csaf
