// Language tags as BCP 47 (RFC 5646) defines them, checked against the
// IANA Language Subtag Registry: CSAF test 6.1.12 asks that /document/lang
// and /document/source_lang be "valid and exist".
//
// "Valid" is RFC 5646 section 2.2.9: the tag is well-formed (the ABNF of
// section 2.1) and either one of the 26 grandfathered tags or made of
// subtags the registry lists (primary language, at most one extended
// language, script, region, variants), with no variant and no extension
// singleton twice. Additionally every extension singleton must be one the
// Language Tag Extensions Registry defines ("t", "u"). Private use ("x-...")
// is accepted as is. Subtags compare case-insensitively (RFC 5646 2.1.1;
// CSAF 2.1 makes this explicit, CSAF 2.0 known issue #1347). Prefix fields
// are not checked: they guide tag choice, validity does not depend on them.
//
// Thread safety: a LanguageSubtagRegistry is immutable after construction;
// embedded() is built once, on first use, and may then be read from any
// number of threads. The check functions are reentrant.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <tl/expected.hpp>

namespace lotse::csaf {

// The subtag types of the registry that a tag's subtags are looked up as.
enum class SubtagType : std::uint8_t {
  language = 1,
  extlang = 2,
  script = 4,
  region = 8,
  variant = 16,
};

class LanguageSubtagRegistry {
 public:
  // The registry embedded in the binary (resources/data/language/).
  static const LanguageSubtagRegistry& embedded();

  // Reads the registry from JSON `{"subtags": [{"type", "subtag", ...}]}`
  // (resources/data/language/README.md). Records of other types
  // (grandfathered, redundant) are ignored. The error says what is wrong.
  static tl::expected<LanguageSubtagRegistry, std::string> parse(std::string_view json_text);

  // Whether `subtag` (any case) is registered as `type`, by itself or
  // inside a private-use range such as "qaa..qtz".
  bool contains(SubtagType type, std::string_view subtag) const;

  // The types `subtag` is registered as (a bit set of SubtagType values),
  // to tell a user that "EZ" is a region, not a language.
  unsigned types_of(std::string_view subtag) const;

  // Number of registered subtags (ranges count once).
  std::size_t size() const { return types_.size() + ranges_.size(); }

 private:
  struct Range {
    unsigned types = 0;
    std::string low;   // lower case, same length as high
    std::string high;
  };
  std::unordered_map<std::string, unsigned> types_;  // lower-case subtag -> types
  std::vector<Range> ranges_;
};

// Whether `tag` is well-formed per the RFC 5646 ABNF (section 2.1),
// grandfathered tags included. The error says which subtag breaks it.
tl::expected<void, std::string> check_language_tag_syntax(std::string_view tag);

// Whether `tag` is a valid language tag (see above) for `registry`. The
// error names the offending subtag and what was expected, e.g.
// `"EZ" is not a registered primary language subtag (it is a region subtag)`.
tl::expected<void, std::string> check_language_tag(
    std::string_view tag, const LanguageSubtagRegistry& registry = LanguageSubtagRegistry::embedded());

}  // namespace lotse::csaf
