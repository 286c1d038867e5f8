// The format dispatcher plus the small formats: hostname, IPv4, IPv6, email,
// UUID, JSON Pointer and Relative JSON Pointer.
#include <array>
#include <cstddef>

#include "schema/ecma_regex.hpp"
#include "schema/formats.hpp"
#include "schema/formats_detail.hpp"

namespace lotse::schema {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Hostname label: LDH, 1..63 octets, no hyphen at either end; "xn--" labels
// must be IDNA A-labels. Other labels with "--" in positions 3-4 (reserved
// R-LDH labels) are accepted, as the test suite expects ("ab--cd").
bool is_hostname_label(std::string_view label) {
  if (label.empty() || label.size() > 63) return false;
  if (label.front() == '-' || label.back() == '-') return false;
  for (char c : label)
    if (!is_alpha(c) && !is_digit(c) && c != '-') return false;
  if (label.size() >= 4 && label[2] == '-' && label[3] == '-' &&
      (label[0] == 'x' || label[0] == 'X') && (label[1] == 'n' || label[1] == 'N'))
    return detail::is_valid_a_label(label);
  return true;
}

// atext of RFC 5322 (used by RFC 5321 Atom).
bool is_atext(char c) {
  if (is_alpha(c) || is_digit(c)) return true;
  constexpr std::string_view kSpecials = "!#$%&'*+-/=?^_`{|}~";
  return kSpecials.find(c) != std::string_view::npos;
}

// RFC 5321 Local-part = Dot-string / Quoted-string.
bool is_local_part(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  if (s.front() == '"') {
    if (s.size() < 2 || s.back() != '"') return false;
    for (std::size_t i = 1; i + 1 < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c == '\\') {  // quoted-pairSMTP = %d92 %d32-126
        if (i + 2 >= s.size()) return false;
        const auto q = static_cast<unsigned char>(s[++i]);
        if (q < 32 || q > 126) return false;
      } else if (c < 32 || c > 126 || c == '"') {  // qtextSMTP
        return false;
      }
    }
    return true;
  }
  bool atom_empty = true;
  for (char c : s) {
    if (c == '.') {
      if (atom_empty) return false;
      atom_empty = true;
    } else if (is_atext(c)) {
      atom_empty = false;
    } else {
      return false;
    }
  }
  return !atom_empty;
}

// JSON Pointer body after the caller has checked the leading '/' (or empty).
bool is_pointer_tokens(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '~') {
      if (i + 1 >= s.size() || (s[i + 1] != '0' && s[i + 1] != '1')) return false;
      i += 2;
      continue;
    }
    char32_t cp = 0;
    if (!detail::next_code_point(s, i, cp)) return false;
  }
  return true;
}

struct FormatEntry {
  std::string_view name;
  bool (*check)(std::string_view);
};

bool check_regex(std::string_view v) { return is_ecma_regex(v); }

constexpr std::array<FormatEntry, 16> kFormats = {{
    {"date-time", is_date_time},
    {"date", is_date},
    {"time", is_time},
    {"duration", is_duration},
    {"email", is_email},
    {"hostname", is_hostname},
    {"ipv4", is_ipv4},
    {"ipv6", is_ipv6},
    {"uri", is_uri},
    {"uri-reference", is_uri_reference},
    {"iri", is_iri},
    {"iri-reference", is_iri_reference},
    {"uuid", is_uuid},
    {"json-pointer", is_json_pointer},
    {"relative-json-pointer", is_relative_json_pointer},
    {"regex", check_regex},
}};

const FormatEntry* find_format(std::string_view name) {
  for (const auto& f : kFormats)
    if (f.name == name) return &f;
  return nullptr;
}

}  // namespace

bool check_format(std::string_view format, std::string_view value) {
  const FormatEntry* f = find_format(format);
  return f == nullptr || f->check(value);
}

bool is_known_format(std::string_view format) { return find_format(format) != nullptr; }

bool is_hostname(std::string_view value) {
  if (value.empty() || value.size() > 253) return false;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = value.find('.', start);
    const std::string_view label =
        value.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (!is_hostname_label(label)) return false;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

bool is_ipv4(std::string_view value) {
  std::size_t pos = 0;
  for (int octet = 0; octet < 4; ++octet) {
    if (octet > 0) {
      if (pos >= value.size() || value[pos] != '.') return false;
      ++pos;
    }
    const std::size_t start = pos;
    int v = 0;
    while (pos < value.size() && is_digit(value[pos]) && pos - start < 3) {
      v = v * 10 + (value[pos] - '0');
      ++pos;
    }
    const std::size_t len = pos - start;
    if (len == 0 || v > 255 || (len > 1 && value[start] == '0')) return false;
  }
  return pos == value.size();
}

bool is_ipv6(std::string_view value) {
  const std::size_t n = value.size();
  std::size_t pos = 0;
  int groups = 0;  // 16-bit pieces written out
  bool compressed = false;
  if (n >= 2 && value[0] == ':' && value[1] == ':') {
    compressed = true;
    pos = 2;
    if (pos == n) return true;
  } else if (n == 0 || value[0] == ':') {
    return false;
  }
  while (true) {
    const std::size_t start = pos;
    while (pos < n && is_hex(value[pos]) && pos - start < 5) ++pos;
    if (pos < n && value[pos] == '.') {  // trailing dotted quad = two pieces
      if (!is_ipv4(value.substr(start))) return false;
      groups += 2;
      break;
    }
    const std::size_t len = pos - start;
    if (len == 0 || len > 4) return false;
    ++groups;
    if (groups > 8) return false;
    if (pos == n) break;
    if (value[pos] != ':') return false;
    ++pos;
    if (pos < n && value[pos] == ':') {
      if (compressed) return false;
      compressed = true;
      ++pos;
      if (pos == n) break;
    } else if (pos == n) {
      return false;  // a single trailing ':'
    }
  }
  return compressed ? groups <= 7 : groups == 8;
}

bool is_email(std::string_view value) {
  // The local part may contain '@' only when quoted, so split at the last.
  const std::size_t at = value.rfind('@');
  if (at == std::string_view::npos) return false;
  if (!is_local_part(value.substr(0, at))) return false;
  const std::string_view domain = value.substr(at + 1);
  if (!domain.empty() && domain.front() == '[') {
    if (domain.size() < 2 || domain.back() != ']') return false;
    const std::string_view literal = domain.substr(1, domain.size() - 2);
    if (literal.size() >= 5 && (literal[0] == 'I' || literal[0] == 'i') &&
        (literal[1] == 'P' || literal[1] == 'p') && (literal[2] == 'v' || literal[2] == 'V') &&
        literal[3] == '6' && literal[4] == ':')
      return is_ipv6(literal.substr(5));
    return is_ipv4(literal);
  }
  return is_hostname(domain);
}

bool is_uuid(std::string_view value) {
  if (value.size() != 36) return false;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const bool dash_position = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash_position ? value[i] != '-' : !is_hex(value[i])) return false;
  }
  return true;
}

bool is_json_pointer(std::string_view value) {
  if (value.empty()) return true;
  return value.front() == '/' && is_pointer_tokens(value);
}

bool is_relative_json_pointer(std::string_view value) {
  // non-negative-integer = "0" / %x31-39 *DIGIT; returns false when absent.
  std::size_t pos = 0;
  auto integer = [&]() {
    const std::size_t start = pos;
    while (pos < value.size() && is_digit(value[pos])) ++pos;
    return pos > start && (pos - start == 1 || value[start] != '0');
  };
  if (!integer()) return false;
  // Optional index-manipulation = ("+" / "-") non-negative-integer.
  if (pos < value.size() && (value[pos] == '+' || value[pos] == '-')) {
    ++pos;
    if (!integer()) return false;
  }
  const std::string_view rest = value.substr(pos);
  return rest == "#" || is_json_pointer(rest);
}

}  // namespace lotse::schema
