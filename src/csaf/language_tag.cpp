#include "csaf/language_tag.hpp"

#include <algorithm>
#include <array>

#include "csaf/text.hpp"
#include "json/parser.hpp"
#include "resources/resources.hpp"

namespace lotse::csaf {

namespace {

// RFC 5646 section 2.1, productions `irregular` and `regular`: a closed
// list (section 2.2.8), so it lives here rather than in the registry data.
constexpr std::array<std::string_view, 26> kGrandfathered = {
    "en-gb-oed", "i-ami",     "i-bnn",      "i-default",  "i-enochian", "i-hak",
    "i-klingon", "i-lux",     "i-mingo",    "i-navajo",   "i-pwn",      "i-tao",
    "i-tay",     "i-tsu",     "sgn-be-fr",  "sgn-be-nl",  "sgn-ch-de",  "art-lojban",
    "cel-gaulish", "no-bok",  "no-nyn",     "zh-guoyu",   "zh-hakka",   "zh-min",
    "zh-min-nan", "zh-xiang",
};

// The singletons of the IANA Language Tag Extensions Registry: "t"
// (RFC 6497, transformed content) and "u" (RFC 6067, Unicode locale).
constexpr std::string_view kRegisteredSingletons = "tu";

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

bool equals_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

bool all_of(std::string_view s, bool (*pred)(char)) {
  return std::all_of(s.begin(), s.end(), pred);
}


// A tag split into its parts (views into the tag).
struct ParsedTag {
  bool grandfathered = false;
  bool private_use_only = false;
  std::string_view language;
  std::vector<std::string_view> extlangs;
  std::string_view script;
  std::string_view region;
  std::vector<std::string_view> variants;
  std::vector<std::string_view> singletons;
};

bool is_variant(std::string_view s) {
  return all_of(s, is_alnum) && ((s.size() >= 5 && s.size() <= 8) || (s.size() == 4 && is_digit(s[0])));
}

tl::expected<ParsedTag, std::string> parse_tag(std::string_view tag) {
  ParsedTag parsed;
  if (tag.empty()) return tl::unexpected(std::string("the tag is empty"));
  for (char c : tag) {
    if (!is_alnum(c) && c != '-') {
      return tl::unexpected(static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F
                                ? std::string("it contains a character other than ASCII letters, digits and '-'")
                                : "it contains '" + std::string(1, c) +
                                      "' (only ASCII letters, digits and '-' are allowed)");
    }
  }
  for (std::string_view g : kGrandfathered) {
    if (equals_ignore_case(tag, g)) {
      parsed.grandfathered = true;
      return parsed;
    }
  }
  std::vector<std::string_view> subtags;
  for (std::size_t start = 0;;) {
    std::size_t hyphen = tag.find('-', start);
    std::string_view subtag = tag.substr(start, hyphen == std::string_view::npos ? tag.npos : hyphen - start);
    if (subtag.empty()) {
      return tl::unexpected(std::string("it has an empty subtag (a '-' at the start or end, or two in a row)"));
    }
    if (subtag.size() > 8) {
      return tl::unexpected("subtag " + quote_text(subtag) + " is longer than 8 characters");
    }
    subtags.push_back(subtag);
    if (hyphen == std::string_view::npos) break;
    start = hyphen + 1;
  }
  std::size_t i = 0;
  const std::size_t n = subtags.size();
  auto private_use = [&]() -> tl::expected<void, std::string> {
    // "x" 1*("-" 1*8alphanum): everything after "x" is free-form.
    if (i + 1 >= n) return tl::unexpected(std::string("the private use singleton \"x\" has no subtag after it"));
    i = n;
    return {};
  };
  if (equals_ignore_case(subtags[0], "x")) {
    parsed.private_use_only = true;
    if (auto ok = private_use(); !ok) return tl::unexpected(ok.error());
    return parsed;
  }
  std::string_view first = subtags[0];
  if (!all_of(first, is_alpha) || first.size() < 2) {
    return tl::unexpected("the primary language subtag " + quote_text(first) +
                          " is not 2 to 8 letters (nor a grandfathered tag)");
  }
  parsed.language = first;
  i = 1;
  if (first.size() <= 3) {
    while (i < n && parsed.extlangs.size() < 3 && subtags[i].size() == 3 && all_of(subtags[i], is_alpha)) {
      parsed.extlangs.push_back(subtags[i++]);
    }
  }
  if (i < n && subtags[i].size() == 4 && all_of(subtags[i], is_alpha)) parsed.script = subtags[i++];
  if (i < n && ((subtags[i].size() == 2 && all_of(subtags[i], is_alpha)) ||
                (subtags[i].size() == 3 && all_of(subtags[i], is_digit)))) {
    parsed.region = subtags[i++];
  }
  while (i < n && is_variant(subtags[i])) parsed.variants.push_back(subtags[i++]);
  while (i < n && subtags[i].size() == 1 && !equals_ignore_case(subtags[i], "x")) {
    std::string_view singleton = subtags[i++];
    std::size_t count = 0;
    while (i < n && subtags[i].size() >= 2) {
      ++i;
      ++count;
    }
    if (count == 0) {
      return tl::unexpected("the extension singleton " + quote_text(singleton) +
                            " has no subtag of 2 to 8 characters after it");
    }
    parsed.singletons.push_back(singleton);
  }
  if (i < n && equals_ignore_case(subtags[i], "x")) {
    if (auto ok = private_use(); !ok) return tl::unexpected(ok.error());
  }
  if (i < n) {
    return tl::unexpected("subtag " + quote_text(subtags[i]) +
                          " does not fit the order language-extlang-script-region-variant-extension-x");
  }
  return parsed;
}

std::string registered_as(const LanguageSubtagRegistry& registry, std::string_view subtag) {
  static constexpr std::pair<SubtagType, std::string_view> kNames[] = {
      {SubtagType::language, "language"}, {SubtagType::extlang, "extended language"},
      {SubtagType::script, "script"},     {SubtagType::region, "region"},
      {SubtagType::variant, "variant"}};
  unsigned types = registry.types_of(subtag);
  std::string names;
  for (const auto& [type, name] : kNames) {
    if (types & static_cast<unsigned>(type)) names += (names.empty() ? "" : " and ") + std::string(name);
  }
  return names.empty() ? "" : " (it is a " + names + " subtag)";
}

}  // namespace

tl::expected<LanguageSubtagRegistry, std::string> LanguageSubtagRegistry::parse(std::string_view json_text) {
  auto document = json::parse(json_text);
  if (!document) return tl::unexpected("language subtag registry: " + document.error().message);
  const json::Value* subtags = document->root().find("subtags");
  if (!subtags || !subtags->is_array()) {
    return tl::unexpected(std::string("language subtag registry: no \"subtags\" array"));
  }
  static constexpr std::pair<std::string_view, SubtagType> kTypes[] = {
      {"language", SubtagType::language}, {"extlang", SubtagType::extlang},
      {"script", SubtagType::script},     {"region", SubtagType::region},
      {"variant", SubtagType::variant}};
  LanguageSubtagRegistry registry;
  for (const json::Value& record : subtags->items()) {
    const json::Value* type = record.find("type");
    const json::Value* subtag = record.find("subtag");
    if (!type || !type->is_string() || !subtag || !subtag->is_string()) {
      return tl::unexpected(std::string("language subtag registry: a record without string type and subtag"));
    }
    unsigned bit = 0;
    for (const auto& [name, value] : kTypes) {
      if (type->as_string() == name) bit = static_cast<unsigned>(value);
    }
    std::string_view text = subtag->as_string();
    if (bit == 0 || text.empty()) continue;  // grandfathered, redundant
    if (std::size_t dots = text.find(".."); dots != std::string_view::npos) {
      Range range{bit, to_lower(text.substr(0, dots)), to_lower(text.substr(dots + 2))};
      if (range.low.size() != range.high.size()) {
        return tl::unexpected("language subtag registry: range " + std::string(text) + " of unequal ends");
      }
      registry.ranges_.push_back(std::move(range));
    } else {
      registry.types_[to_lower(text)] |= bit;
    }
  }
  return registry;
}

const LanguageSubtagRegistry& LanguageSubtagRegistry::embedded() {
  // Built once; a missing or broken resource is a build defect that the
  // unit tests catch, so fall back to an empty registry rather than abort.
  static const LanguageSubtagRegistry registry = [] {
    const resources::Resource* resource = resources::find("data/language/subtags.json");
    if (!resource) return LanguageSubtagRegistry{};
    auto parsed = parse(resource->data);
    return parsed ? std::move(*parsed) : LanguageSubtagRegistry{};
  }();
  return registry;
}

unsigned LanguageSubtagRegistry::types_of(std::string_view subtag) const {
  std::string key = to_lower(subtag);
  unsigned types = 0;
  if (auto it = types_.find(key); it != types_.end()) types = it->second;
  for (const Range& range : ranges_) {
    // Same-length lower-case ASCII strings order like the subtags they spell.
    if (key.size() == range.low.size() && range.low <= key && key <= range.high) types |= range.types;
  }
  return types;
}

bool LanguageSubtagRegistry::contains(SubtagType type, std::string_view subtag) const {
  return (types_of(subtag) & static_cast<unsigned>(type)) != 0;
}

tl::expected<void, std::string> check_language_tag_syntax(std::string_view tag) {
  auto parsed = parse_tag(tag);
  if (!parsed) return tl::unexpected(parsed.error());
  return {};
}

tl::expected<void, std::string> check_language_tag(std::string_view tag,
                                                   const LanguageSubtagRegistry& registry) {
  auto parsed = parse_tag(tag);
  if (!parsed) return tl::unexpected(parsed.error());
  if (parsed->grandfathered || parsed->private_use_only) return {};
  auto unregistered = [&](std::string_view what, std::string_view subtag) {
    return tl::unexpected(quote_text(subtag) + " is not a registered " + std::string(what) + " subtag" +
                          registered_as(registry, subtag));
  };
  if (!registry.contains(SubtagType::language, parsed->language)) {
    return unregistered("primary language", parsed->language);
  }
  if (parsed->extlangs.size() > 1) {
    // RFC 5646 2.2.2: the second and third extlang positions are reserved.
    return tl::unexpected("it has " + std::to_string(parsed->extlangs.size()) +
                          " extended language subtags (at most one is allowed)");
  }
  for (std::string_view extlang : parsed->extlangs) {
    if (!registry.contains(SubtagType::extlang, extlang)) return unregistered("extended language", extlang);
  }
  if (!parsed->script.empty() && !registry.contains(SubtagType::script, parsed->script)) {
    return unregistered("script", parsed->script);
  }
  if (!parsed->region.empty() && !registry.contains(SubtagType::region, parsed->region)) {
    return unregistered("region", parsed->region);
  }
  for (std::size_t v = 0; v < parsed->variants.size(); ++v) {
    std::string_view variant = parsed->variants[v];
    if (!registry.contains(SubtagType::variant, variant)) return unregistered("variant", variant);
    // Quadratic but bounded: only ~100 distinct variants are registered, so
    // a duplicate turns up within that many even in a hostile tag.
    for (std::size_t w = 0; w < v; ++w) {
      if (equals_ignore_case(parsed->variants[w], variant)) {
        return tl::unexpected("the variant subtag " + quote_text(variant) + " appears twice");
      }
    }
  }
  std::array<bool, 256> seen{};
  for (std::string_view singleton : parsed->singletons) {
    char c = ascii_lower(singleton[0]);
    if (kRegisteredSingletons.find(c) == std::string_view::npos) {
      return tl::unexpected("the extension singleton " + quote_text(singleton) +
                            " is not registered (registered: \"t\", \"u\")");
    }
    if (seen[static_cast<unsigned char>(c)]) {
      return tl::unexpected("the extension singleton " + quote_text(singleton) + " appears twice");
    }
    seen[static_cast<unsigned char>(c)] = true;
  }
  return {};
}

}  // namespace lotse::csaf
