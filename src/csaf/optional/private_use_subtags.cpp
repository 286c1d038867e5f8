#include "csaf/optional/private_use_subtags.hpp"

#include "csaf/text.hpp"
#include "json/parser.hpp"
#include "resources/resources.hpp"

namespace lotse::csaf::optional {

namespace {

// One "Scope: private-use" record: a subtag or a range "low..high", lower case.
struct Range {
  std::string type;  // "language", "script", "region"
  std::string low;
  std::string high;
};

std::string to_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

// The private-use records of the embedded registry. A missing or broken
// resource is a build defect the unit tests catch; it yields no ranges.
const std::vector<Range>& private_use_ranges() {
  static const std::vector<Range> ranges = [] {
    std::vector<Range> out;
    const resources::Resource* resource = resources::find("data/language/subtags.json");
    if (!resource) return out;
    auto document = json::parse(resource->data);
    if (!document) return out;
    const json::Value* subtags = document->root().find("subtags");
    if (!subtags || !subtags->is_array()) return out;
    for (const json::Value& record : subtags->items()) {
      const json::Value* scope = record.find("scope");
      const json::Value* type = record.find("type");
      const json::Value* subtag = record.find("subtag");
      if (!scope || !scope->is_string() || scope->as_string() != "private-use") continue;
      if (!type || !type->is_string() || !subtag || !subtag->is_string()) continue;
      std::string text = to_lower(subtag->as_string());
      const std::size_t dots = text.find("..");
      Range range{std::string(type->as_string()), text, text};
      if (dots != std::string::npos) {
        range.low = text.substr(0, dots);
        range.high = text.substr(dots + 2);
      }
      out.push_back(std::move(range));
    }
    return out;
  }();
  return ranges;
}

bool is_private_use(std::string_view type, std::string_view subtag) {
  const std::string key = to_lower(subtag);
  for (const Range& range : private_use_ranges()) {
    // Same-length lower-case ASCII strings order like the subtags they spell.
    if (range.type == type && key.size() == range.low.size() && range.low <= key && key <= range.high) {
      return true;
    }
  }
  return false;
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool all_alpha(std::string_view s) {
  for (char c : s) {
    if (!is_alpha(c)) return false;
  }
  return true;
}
bool all_digit(std::string_view s) {
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  return true;
}

std::vector<std::string_view> split_subtags(std::string_view tag) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t dash = tag.find('-', start);
    parts.push_back(tag.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start));
    if (dash == std::string_view::npos) return parts;
    start = dash + 1;
  }
}

}  // namespace

std::vector<PrivateUseSubtag> private_use_subtags(std::string_view tag) {
  std::vector<PrivateUseSubtag> found;
  const std::vector<std::string_view> parts = split_subtags(tag);
  // The singleton "x" starts the private use subtags; extension subtags
  // have 2-8 characters, so the first lone "x" is that singleton.
  std::size_t end = parts.size();
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].size() == 1 && ascii_lower(parts[i][0]) == 'x') {
      end = i;
      break;
    }
  }
  // A tag starting with another singleton is grandfathered ("i-default"):
  // no langtag part to inspect.
  if (end > 0 && parts[0].size() > 1) {
    const std::string_view language = parts[0];
    if (is_private_use("language", language)) found.push_back({"primary language", language});
    std::size_t i = 1;
    for (int extlangs = 0; language.size() <= 3 && extlangs < 3 && i < end && parts[i].size() == 3 &&
                           all_alpha(parts[i]);
         ++extlangs) {
      ++i;  // extended language subtags are never private use
    }
    if (i < end && parts[i].size() == 4 && all_alpha(parts[i])) {
      if (is_private_use("script", parts[i])) found.push_back({"script", parts[i]});
      ++i;
    }
    if (i < end && ((parts[i].size() == 2 && all_alpha(parts[i])) || (parts[i].size() == 3 && all_digit(parts[i])))) {
      if (is_private_use("region", parts[i])) found.push_back({"region", parts[i]});
    }
  }
  if (end < parts.size()) {
    const std::size_t offset = static_cast<std::size_t>(parts[end].data() - tag.data());
    found.push_back({"private use", tag.substr(offset)});
  }
  return found;
}

}  // namespace lotse::csaf::optional
