// RFC 3986 URI / URI-reference and RFC 3987 IRI / IRI-reference. One
// non-recursive parser splits the reference into scheme, authority, path,
// query and fragment and checks each part's character set; the IRI variant
// additionally admits UTF-8 encoded `ucschar` (and `iprivate` in queries).
#include <cstddef>

#include "schema/formats.hpp"
#include "schema/formats_detail.hpp"

namespace lotse::schema {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

bool is_unreserved(char c) {
  return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

bool is_sub_delim(char c) {
  switch (c) {
    case '!': case '$': case '&': case '\'': case '(': case ')':
    case '*': case '+': case ',': case ';': case '=':
      return true;
    default:
      return false;
  }
}

// RFC 3987 ucschar.
bool is_ucschar(char32_t c) {
  if (c >= 0xA0 && c <= 0xD7FF) return true;
  if (c >= 0xF900 && c <= 0xFDCF) return true;
  if (c >= 0xFDF0 && c <= 0xFFEF) return true;
  if (c >= 0x10000 && c <= 0xEFFFD) {
    // %x10000-1FFFD / ... / %xD0000-DFFFD: each plane except its last two
    // code points; plane 14 only from E1000.
    if ((c & 0xFFFF) >= 0xFFFE) return false;
    return c < 0xE0000 || c >= 0xE1000;
  }
  return false;
}

// RFC 3987 iprivate.
bool is_iprivate(char32_t c) {
  return (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0xFFFFD) ||
         (c >= 0x100000 && c <= 0x10FFFD);
}

// Which extra characters a component admits besides unreserved and
// pct-encoded.
enum Extra : unsigned {
  kSubDelims = 1u << 0,
  kColon = 1u << 1,
  kAt = 1u << 2,
  kSlash = 1u << 3,
  kQuestion = 1u << 4,
  kUcs = 1u << 5,      // IRI only: ucschar
  kPrivate = 1u << 6,  // IRI only: iprivate
};

constexpr unsigned kPchar = kSubDelims | kColon | kAt;

// True when every character of `s` is unreserved, a well-formed
// pct-encoded triplet, or admitted by `extra`.
bool all_allowed(std::string_view s, unsigned extra) {
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '%') {
      if (s.size() - i < 3 || !is_hex(s[i + 1]) || !is_hex(s[i + 2])) return false;
      i += 3;
      continue;
    }
    if (static_cast<unsigned char>(c) >= 0x80) {
      if (!(extra & (kUcs | kPrivate))) return false;
      char32_t cp = 0;
      if (!detail::next_code_point(s, i, cp)) return false;
      if (!((extra & kUcs) && is_ucschar(cp)) && !((extra & kPrivate) && is_iprivate(cp)))
        return false;
      continue;
    }
    const bool ok = is_unreserved(c) || ((extra & kSubDelims) && is_sub_delim(c)) ||
                    ((extra & kColon) && c == ':') || ((extra & kAt) && c == '@') ||
                    ((extra & kSlash) && c == '/') || ((extra & kQuestion) && c == '?');
    if (!ok) return false;
    ++i;
  }
  return true;
}

// scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
bool is_scheme(std::string_view s) {
  if (s.empty() || !is_alpha(s[0])) return false;
  for (char c : s)
    if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.') return false;
  return true;
}

// IP-literal contents: IPv6address / IPvFuture.
bool is_ip_literal_body(std::string_view s) {
  if (!s.empty() && (s[0] == 'v' || s[0] == 'V')) {
    // IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
    std::size_t i = 1;
    while (i < s.size() && is_hex(s[i])) ++i;
    if (i == 1 || i >= s.size() || s[i] != '.') return false;
    const std::string_view tail = s.substr(i + 1);
    if (tail.empty()) return false;
    for (char c : tail)
      if (!is_unreserved(c) && !is_sub_delim(c) && c != ':') return false;
    return true;
  }
  return is_ipv6(s);
}

// authority = [ userinfo "@" ] host [ ":" port ]
bool is_authority(std::string_view s, unsigned ucs) {
  const std::size_t at = s.find('@');
  if (at != std::string_view::npos) {
    if (!all_allowed(s.substr(0, at), kSubDelims | kColon | ucs)) return false;
    s.remove_prefix(at + 1);
  }
  std::string_view port;
  bool has_port = false;
  if (!s.empty() && s[0] == '[') {
    const std::size_t close = s.find(']');
    if (close == std::string_view::npos) return false;
    if (!is_ip_literal_body(s.substr(1, close - 1))) return false;
    const std::string_view rest = s.substr(close + 1);
    if (!rest.empty()) {
      if (rest[0] != ':') return false;
      port = rest.substr(1);
      has_port = true;
    }
  } else {
    const std::size_t colon = s.find(':');
    // reg-name = *( unreserved / pct-encoded / sub-delims ); IPv4address is
    // a subset of it, so dotted quads need no separate check.
    if (!all_allowed(s.substr(0, colon), kSubDelims | ucs)) return false;
    if (colon != std::string_view::npos) {
      port = s.substr(colon + 1);
      has_port = true;
    }
  }
  if (has_port)
    for (char c : port)
      if (!is_digit(c)) return false;
  return true;
}

// Parses URI-reference (or IRI-reference with `iri`); `absolute` demands a
// scheme, as in URI / IRI.
bool is_reference(std::string_view s, bool iri, bool absolute) {
  const unsigned ucs = iri ? static_cast<unsigned>(kUcs) : 0u;

  // A ':' before any '/', '?' or '#' must end a scheme: a relative
  // reference may not have one in its first segment (path-noscheme).
  const std::size_t first = s.find_first_of(":/?#");
  if (first != std::string_view::npos && s[first] == ':') {
    if (!is_scheme(s.substr(0, first))) return false;
    s.remove_prefix(first + 1);
  } else if (absolute) {
    return false;
  }

  const std::size_t hash = s.find('#');
  if (hash != std::string_view::npos) {
    if (!all_allowed(s.substr(hash + 1), kPchar | kSlash | kQuestion | ucs)) return false;
    s = s.substr(0, hash);
  }
  const std::size_t question = s.find('?');
  if (question != std::string_view::npos) {
    const unsigned priv = iri ? static_cast<unsigned>(kPrivate) : 0u;
    if (!all_allowed(s.substr(question + 1), kPchar | kSlash | kQuestion | ucs | priv))
      return false;
    s = s.substr(0, question);
  }
  if (s.size() >= 2 && s[0] == '/' && s[1] == '/') {
    s.remove_prefix(2);
    const std::size_t slash = s.find('/');
    if (!is_authority(s.substr(0, slash), ucs)) return false;
    s = slash == std::string_view::npos ? std::string_view{} : s.substr(slash);
  }
  // Whatever remains is path-abempty / path-absolute / path-rootless /
  // path-noscheme / path-empty: segments of pchar separated by '/'.
  return all_allowed(s, kPchar | kSlash | ucs);
}

}  // namespace

bool is_uri(std::string_view value) { return is_reference(value, false, true); }

bool is_uri_reference(std::string_view value) { return is_reference(value, false, false); }

bool is_iri(std::string_view value) { return is_reference(value, true, true); }

bool is_iri_reference(std::string_view value) { return is_reference(value, true, false); }

}  // namespace lotse::schema
