// CSAF `version_t` (CSAF 2.0 section 3.1.11): a document version is either
// integer versioning ("0", "12") or semantic versioning after SemVer 2.0.0
// ("1.4.3", "1.0.0-rc.1+build.5"). The revision-history tests (6.1.14 ...
// 6.1.22, 6.1.30) parse numbers with parse_version() and order them with
// compare_precedence().
//
// A Version views the text it was parsed from: keep that text alive.
// Stateless and thread-safe.
#pragma once

#include <compare>
#include <optional>
#include <string_view>

namespace lotse::csaf {

enum class VersioningScheme { integer, semantic };

// "integer versioning" / "semantic versioning", for messages.
std::string_view versioning_name(VersioningScheme scheme);

struct Version {
  VersioningScheme scheme = VersioningScheme::integer;
  // Decimal digits without leading zeros. For integer versioning `major` is
  // the whole number and `minor`/`patch` are empty.
  std::string_view major;
  std::string_view minor;
  std::string_view patch;
  std::string_view pre_release;    // the identifiers after '-', "" when none
  std::string_view build;          // the identifiers after '+', "" when none
  std::string_view without_build;  // the text before '+': all that precedence depends on

  bool has_pre_release() const { return !pre_release.empty(); }
  // Version 0 or 0.y.z: initial development, before the initial release.
  bool is_initial_development() const { return major == "0"; }
};

// The version `text` denotes, or nullopt when it matches neither grammar of
// section 3.1.11 (the version_t pattern of the schema).
std::optional<Version> parse_version(std::string_view text);

// SemVer 2.0.0 precedence (section 11): major, minor, patch numerically, then
// a pre-release sorts before its normal version and pre-release identifiers
// compare one by one (numeric < alphanumeric; numerics by value, others in
// ASCII order; a longer list wins a tie). Build metadata is ignored. An
// integer version N compares as N.0.0, as CSAF 2.1 test 6.1.14 prescribes
// for documents that mix both schemes.
std::strong_ordering compare_precedence(const Version& a, const Version& b);

// Compares two decimal digit strings without leading zeros by value, however
// long they are.
std::strong_ordering compare_decimal(std::string_view a, std::string_view b);

}  // namespace lotse::csaf
