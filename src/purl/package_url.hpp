// Package URLs (purl, ECMA-427): parsing, validation and canonical form.
//
// CSAF test 6.1.13 asks whether each `product_identification_helper/purl` is
// a valid purl, and SBOM matching compares purls from different producers, so
// both need one canonical form and a precise reason when a string is not a
// purl. This module implements ECMA-427 clause 5 (scheme, type, namespace,
// name, version, qualifiers, subpath; percent-encoding; case folding) plus
// the rules of every registered purl type (type_rules.hpp), as the purl-spec
// test suite (tests/spec, tests/types) defines them.
//
// Two modes, after the suite's two test groups:
//   - Mode::strict follows the "shall" rules of ECMA-427 and the registered
//     type definitions, with the normalizations the standard itself makes
//     (lowercase type, case-insensitive components lowercased, `pkg://`,
//     qualifiers sorted, empty qualifier values and `.`/`..` subpath
//     segments dropped, unneeded percent-encoding removed, and encoding
//     added where RFC 3986 lets a character stand unencoded, e.g. `+` or a
//     `/` in a qualifier value). This is the validity CSAF test 6.1.13 asks
//     about.
//   - Mode::repair additionally repairs common producer mistakes the suite's
//     "recommended" cases name: uppercase qualifier keys, an unencoded `@`
//     in an npm scope (`pkg:npm/@babel/core`), trailing `/` after the name,
//     a lowercase cpan author, unencoded spaces and the other characters
//     RFC 3986 excludes, a second '#', raw UTF-8. Use it to match purls from
//     SBOMs, never to judge validity.
//
// Input is untrusted: any byte string gives a PackageUrl or an Error, never
// a crash; time is linear in the input (plus sorting the qualifiers).
// Letters are case-folded in ASCII only (ECMA-427 5.5 asks for full Unicode
// case mapping; non-ASCII letters are kept as they are).
//
// Thread safety: all functions are reentrant and share no state.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace lotse::purl {

// The decoded components of a purl. From parse() or build() they are in
// canonical form: `type` lowercase, `ns` segments joined by '/', qualifiers
// sorted by key with unique lowercase keys and non-empty values, `subpath`
// without empty, `.` or `..` segments. An empty string means "absent".
struct PackageUrl {
  std::string type;
  std::string ns;  // namespace
  std::string name;
  std::string version;
  std::vector<std::pair<std::string, std::string>> qualifiers;
  std::string subpath;

  // The value of qualifier `key`, or nullptr; a binary search.
  // REQUIRES: qualifiers sorted by key, as parse() and build() leave them.
  const std::string* qualifier(std::string_view key) const;

  friend bool operator==(const PackageUrl&, const PackageUrl&) = default;
};

struct Error {
  enum class Kind : std::uint8_t {
    // Not a purl at all: missing scheme or separators, a byte that may not
    // appear, broken percent-encoding, invalid UTF-8.
    syntax,
    // A component breaks ECMA-427 clause 5.6 (type characters, qualifier key
    // rules, a '/' inside a namespace segment, a missing name).
    component,
    // The purl breaks the definition of its registered type (a required or
    // prohibited namespace, a required qualifier, permitted characters).
    type_rule,
  };
  static constexpr std::size_t no_offset = static_cast<std::size_t>(-1);

  Kind kind = Kind::syntax;
  std::string message;
  // Byte offset into the text given to parse() where the problem is;
  // no_offset for build() and for problems of the purl as a whole.
  std::size_t offset = no_offset;

  // "byte N: message" (or the message alone without an offset).
  std::string describe() const;
};

enum class Mode : std::uint8_t { strict, repair };

// Parses and validates a purl string; the result is in canonical form.
tl::expected<PackageUrl, Error> parse(std::string_view text, Mode mode = Mode::strict);

// Validates decoded components (e.g. from an SBOM's fields) and brings them
// into canonical form, applying the same rules as parse(). `namespace` may
// hold several segments separated by '/'; empty strings are absent.
tl::expected<PackageUrl, Error> build(const PackageUrl& components, Mode mode = Mode::strict);

// The canonical string of a purl from parse() or build(), which is what
// identity comparisons need. Other values get the generic rules only
// (lowercase type and keys, full percent-encoding, sorted qualifiers without
// empty values, no empty/./.. segments), never the type-specific ones.
std::string to_string(const PackageUrl& purl);

// parse() then to_string(): the canonical form of a purl string, for
// comparing purls from different sources.
tl::expected<std::string, Error> canonicalize(std::string_view text, Mode mode = Mode::strict);

// True when `type` (lowercase) is a registered purl type. ECMA-427 5.7
// asks validators to warn about unregistered types, which are otherwise
// checked with the generic rules only.
bool is_registered_type(std::string_view type);

}  // namespace lotse::purl
