// The rules of the registered purl types (internal).
//
// ECMA-427 5.7: a purl of a registered type is invalid unless it conforms to
// its type definition. The definitions are JSON files in purl-spec
// (`types/*-definition.json`); their machine-readable parts (namespace
// required or prohibited, which components are case-insensitive, required
// qualifiers) are one row per type in type_rules.cpp, and the rules they
// give in prose or as `permitted_characters` (pypi `_` -> `-`, cpan names
// without `::`, chrome-extension ids, ...) are small check functions there.
// Lotse never reads the definition files at run time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "purl/package_url.hpp"

namespace lotse::purl::detail {

enum class Requirement : std::uint8_t { optional, required, prohibited };

// The component a type rule is about, so that an error can point at it.
enum class Component : std::uint8_t { type, ns, name, version, qualifiers, subpath };

struct Violation {
  Component component = Component::type;
  std::string message;
};

// Type-specific normalization beyond case folding, and checks; returns the
// first violation. Runs after case folding.
using TypeCheck = std::optional<Violation> (*)(PackageUrl& purl, Mode mode);

struct TypeRule {
  std::string_view type;
  Requirement ns = Requirement::optional;
  bool ns_lowercase = false;
  bool name_lowercase = false;
  bool version_lowercase = false;
  bool subpath_lowercase = false;
  // The name is a path of '/'-separated segments after a one-segment
  // namespace (git: `pkg:git/codeberg.org/forgejo/forgejo`).
  bool name_is_path = false;
  std::string_view required_qualifier;  // empty when there is none
  TypeCheck check = nullptr;
};

// The rule of registered type `type` (lowercase), or nullptr.
const TypeRule* find_type_rule(std::string_view type);

// Normalizes `purl` (whose generic rules already hold) by `rule` and checks
// it; returns the first violation.
std::optional<Violation> apply_type_rule(const TypeRule& rule, PackageUrl& purl, Mode mode);

}  // namespace lotse::purl::detail
