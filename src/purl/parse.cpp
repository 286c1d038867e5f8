// parse(): splitting a purl string at its separators (ECMA-427 5.3, and
// purl-spec docs/how-to-parse.md), then finish() for the component rules.
//
// The string is split as the URL it is (RFC 3986): the subpath starts at the
// first '#', the qualifiers at the first '?' before it, the scheme ends at
// the first ':'. So a qualifier value may hold '?', '@', ':' and '/'
// unencoded, as real purls do. The version starts at the last '@' of the
// path, so `pkg:brew/node@20@20.10.0` is `node@20` version `20.10.0`.
//
// Every step is one scan over its part of the input: linear time.
#include <optional>

#include "purl/draft.hpp"
#include "purl/percent.hpp"
#include "json/utf8.hpp"
#include "purl/text.hpp"

namespace lotse::purl {
namespace {

using detail::Draft;
using detail::Located;
using detail::quote;

tl::unexpected<Error> syntax_error(std::string message, std::size_t offset) {
  return tl::unexpected(Error{Error::Kind::syntax, std::move(message), offset});
}

std::string hex_byte(unsigned char c) {
  static constexpr char hex[] = "0123456789ABCDEF";
  return std::string("0x") + hex[c >> 4] + hex[c & 0xF];
}

// ASCII characters RFC 3986 never allows unencoded in a URL.
bool is_excluded_ascii(char c) {
  switch (c) {
    case ' ': case '"': case '<': case '>': case '\\': case '^': case '`': case '{': case '|':
    case '}':
      return true;
    default:
      return false;
  }
}

// Rejects bytes that cannot appear in a purl: control characters always;
// in strict mode also non-ASCII bytes and the characters RFC 3986 excludes
// (all must be percent-encoded); in repair mode non-ASCII must be UTF-8.
std::optional<Error> screen_bytes(std::string_view text, Mode mode) {
  if (mode == Mode::repair) {
    if (const std::size_t bad = json::first_invalid_utf8(text); bad != text.size()) {
      return Error{Error::Kind::syntax,
                   "byte " + hex_byte(static_cast<unsigned char>(text[bad])) +
                       " is not valid UTF-8",
                   bad};
    }
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) {
      return Error{Error::Kind::syntax,
                   "control character " + hex_byte(c) + " is not allowed (percent-encode it)", i};
    }
    if (mode == Mode::repair) continue;
    if (c >= 0x80) {
      return Error{Error::Kind::syntax,
                   "non-ASCII byte " + hex_byte(c) +
                       ": a purl is ASCII, other characters are percent-encoded as UTF-8",
                   i};
    }
    if (is_excluded_ascii(static_cast<char>(c))) {
      return Error{Error::Kind::syntax,
                   quote(text.substr(i, 1)) + " must be percent-encoded" +
                       (c == ' ' ? " as %20" : ""),
                   i};
    }
  }
  return std::nullopt;
}

// Splits `raw` (at `offset` in the input) on '/' and decodes each segment.
// Empty segments are not significant and skipped, except the last one: an
// empty name is an error that finish() reports.
tl::expected<std::vector<Located>, Error> decode_segments(std::string_view raw,
                                                          std::size_t offset,
                                                          std::string_view what) {
  std::vector<Located> segments;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = raw.find('/', start);
    const std::string_view segment = raw.substr(start, end - start);
    if (segment.empty() && end != std::string_view::npos) {
      start = end + 1;
      continue;
    }
    auto decoded = detail::percent_decode(segment, offset + start, what);
    if (!decoded) return tl::unexpected(std::move(decoded.error()));
    segments.push_back(Located{std::move(*decoded), offset + start});
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return segments;
}

}  // namespace

tl::expected<PackageUrl, Error> parse(std::string_view text, Mode mode) {
  if (auto error = screen_bytes(text, mode)) return tl::unexpected(std::move(*error));
  Draft draft;

  // Subpath after the first '#', qualifiers after the first '?' before it.
  const std::size_t hash = text.find('#');
  const std::string_view before_hash = text.substr(0, hash);
  const std::size_t question = before_hash.find('?');
  const std::string_view path = before_hash.substr(0, question);

  // Scheme (5.6.1): "pkg", case-insensitive, then ':' and any '/'.
  const std::size_t colon = path.find(':');
  if (colon == std::string_view::npos) {
    return syntax_error("the scheme 'pkg:' is missing", 0);
  }
  if (!detail::equals_ignoring_ascii_case(path.substr(0, colon), "pkg")) {
    return syntax_error("the scheme must be 'pkg', not " + quote(path.substr(0, colon)), 0);
  }
  std::size_t type_start = colon + 1;
  while (type_start < path.size() && path[type_start] == '/') ++type_start;

  // Type, up to the next '/'.
  const std::size_t type_end = path.find('/', type_start);
  if (type_end == std::string_view::npos) {
    if (type_start == path.size()) {
      return tl::unexpected(Error{Error::Kind::component, "the type is missing", type_start});
    }
    return syntax_error("no '/' after the type " + quote(path.substr(type_start)) +
                            ": a purl needs a type and a name (pkg:type/name)",
                        path.size());
  }
  draft.type = Located{std::string(path.substr(type_start, type_end - type_start)), type_start};

  // Version after the last '@' of the path. An '@' followed by a '/' is
  // an unencoded '@' in the namespace (npm scopes) or a '/' in the version.
  std::string_view rest = path.substr(type_end + 1);
  const std::size_t rest_offset = type_end + 1;
  std::size_t at = rest.rfind('@');
  if (mode == Mode::repair) {
    while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
    const std::size_t last_slash = rest.rfind('/');
    at = rest.rfind('@');
    if (at != std::string_view::npos && last_slash != std::string_view::npos &&
        at < last_slash) {
      at = std::string_view::npos;
    }
  } else if (at != std::string_view::npos && rest.find('/', at) != std::string_view::npos) {
    return syntax_error(
        "'@' is followed by '/': an '@' in the namespace or name must be percent-encoded as "
        "%40, a '/' in the version as %2F",
        rest_offset + at);
  }
  if (at != std::string_view::npos) {
    auto version = detail::percent_decode(rest.substr(at + 1), rest_offset + at + 1, "version");
    if (!version) return tl::unexpected(std::move(version.error()));
    draft.version = Located{std::move(*version), rest_offset + at + 1};
    rest = rest.substr(0, at);
  }

  // Namespace segments and name.
  auto segments = decode_segments(rest, rest_offset, "namespace or name");
  if (!segments) return tl::unexpected(std::move(segments.error()));
  draft.path = std::move(*segments);
  draft.path_offset = rest_offset;

  // Qualifiers: '&'-separated key=value pairs; a pair without '=' has an
  // empty value and is dropped like one.
  if (question != std::string_view::npos) {
    const std::string_view query = before_hash.substr(question + 1);
    const std::size_t query_offset = question + 1;
    draft.qualifiers_offset = query_offset;
    std::size_t start = 0;
    while (start <= query.size()) {
      std::size_t end = query.find('&', start);
      if (end == std::string_view::npos) end = query.size();
      const std::string_view pair = query.substr(start, end - start);
      if (!pair.empty()) {
        const std::size_t eq = pair.find('=');
        const std::string_view key = pair.substr(0, eq);
        const std::string_view value =
            eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
        const std::size_t value_offset = query_offset + start + key.size() + 1;
        auto decoded = detail::percent_decode(value, value_offset, "qualifier value");
        if (!decoded) return tl::unexpected(std::move(decoded.error()));
        draft.qualifiers.emplace_back(Located{std::string(key), query_offset + start},
                                      Located{std::move(*decoded), value_offset});
      }
      start = end + 1;
    }
  } else {
    draft.qualifiers_offset = before_hash.size();
  }

  // Subpath segments.
  if (hash != std::string_view::npos) {
    const std::string_view subpath = text.substr(hash + 1);
    draft.subpath_offset = hash + 1;
    if (mode == Mode::strict) {
      if (const std::size_t second = subpath.find('#'); second != std::string_view::npos) {
        return syntax_error("a second '#' must be percent-encoded as %23", hash + 1 + second);
      }
    }
    auto subpath_segments = decode_segments(subpath, hash + 1, "subpath");
    if (!subpath_segments) return tl::unexpected(std::move(subpath_segments.error()));
    draft.subpath = std::move(*subpath_segments);
  } else {
    draft.subpath_offset = text.size();
  }

  return detail::finish(std::move(draft), mode);
}

}  // namespace lotse::purl
