#include "schema/registry.hpp"

#include "json/parser.hpp"
#include "resources/resources.hpp"
#include "schema/uri.hpp"

namespace lotse::schema {

namespace {
std::string normalise(std::string_view uri) { return strip_fragment(uri); }

// Aliases under which documents reference embedded schemas whose `$id`
// differs from the reference (the FIRST schemas carry a date query).
struct Alias {
  std::string_view path;
  std::string_view uri;
};
constexpr Alias kAliases[] = {
    {"schemas/first/cvss-v2.0.json", "https://www.first.org/cvss/cvss-v2.0.json"},
    {"schemas/first/cvss-v3.0.json", "https://www.first.org/cvss/cvss-v3.0.json"},
    {"schemas/first/cvss-v3.1.json", "https://www.first.org/cvss/cvss-v3.1.json"},
    {"schemas/first/cvss-v4.0.json", "https://www.first.org/cvss/cvss-v4.0.json"},
    {"schemas/csaf_2.0/csaf_json_schema.json",
     "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json"},
    {"schemas/csaf_2.0/provider_json_schema.json",
     "https://docs.oasis-open.org/csaf/csaf/v2.0/provider_json_schema.json"},
    {"schemas/csaf_2.0/aggregator_json_schema.json",
     "https://docs.oasis-open.org/csaf/csaf/v2.0/aggregator_json_schema.json"},
};
}  // namespace

tl::expected<void, std::string> Registry::add(std::string_view uri, std::string_view json_text) {
  json::ParseLimits limits;
  auto doc = json::parse(json_text, limits);
  if (!doc) return tl::unexpected("schema " + std::string(uri) + ": " + doc.error().describe());
  auto shared = std::make_shared<const json::Document>(std::move(*doc));
  const json::Value& root = shared->root();
  if (root.is_object()) {
    const json::Value* id = root.find("$id");
    if (!id || !id->is_string()) id = root.find("id");
    if (id && id->is_string()) {
      std::string own = normalise(resolve_uri(uri, id->as_string()));
      if (!own.empty()) documents_[own] = shared;
    }
  }
  documents_[normalise(uri)] = std::move(shared);
  return {};
}

void Registry::add_embedded() {
  for (const resources::Resource& resource : resources::all()) {
    if (!resource.path.starts_with("schemas/")) continue;
    // The embedded copies are ours and known to parse; the build's tests
    // prove it, so a failure here is a packaging bug worth surfacing loudly.
    auto ok = add("lotse:" + std::string(resource.path), resource.data);
    if (!ok) std::abort();
  }
  for (const Alias& alias : kAliases) {
    auto it = documents_.find("lotse:" + std::string(alias.path));
    if (it != documents_.end()) documents_[std::string(alias.uri)] = it->second;
  }
}

const json::Document* Registry::find(std::string_view uri) const {
  auto it = documents_.find(normalise(uri));
  return it == documents_.end() ? nullptr : it->second.get();
}

const Registry& embedded_registry() {
  static const Registry registry = [] {
    Registry r;
    r.add_embedded();
    return r;
  }();
  return registry;
}

}  // namespace lotse::schema
