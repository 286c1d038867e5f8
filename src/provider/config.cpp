#include "provider/config.hpp"

#include <array>

#include "json/parser.hpp"
#include "util/file.hpp"

namespace lotse::provider {

namespace {

constexpr std::string_view kWellKnownPath = "/.well-known/csaf/provider-metadata.json";

tl::unexpected<std::string> fail(std::string message) {
  return tl::unexpected("provider configuration: " + std::move(message));
}

tl::expected<std::string, std::string> required_string(const json::Value& object, std::string_view key,
                                                       std::string_view where) {
  const json::Value* v = object.find(key);
  if (!v) return fail(std::string(where) + std::string(key) + " is missing");
  if (!v->is_string() || v->as_string().empty()) {
    return fail(std::string(where) + std::string(key) + " must be a non-empty string");
  }
  return std::string(v->as_string());
}

tl::expected<std::optional<std::string>, std::string> optional_string(const json::Value& object,
                                                                      std::string_view key,
                                                                      std::string_view where) {
  if (!object.find(key)) return std::optional<std::string>{};
  auto s = required_string(object, key, where);
  if (!s) return tl::unexpected(s.error());
  return std::optional<std::string>(std::move(*s));
}

tl::expected<bool, std::string> optional_bool(const json::Value& object, std::string_view key) {
  const json::Value* v = object.find(key);
  if (!v) return true;
  if (!v->is_bool()) return fail(std::string(key) + " must be true or false");
  return v->as_bool();
}

template <std::size_t N>
tl::expected<void, std::string> only_members(const json::Value& object, const std::array<std::string_view, N>& known,
                                             std::string_view where) {
  for (const json::Member& m : object.members()) {
    bool found = false;
    for (std::string_view k : known) found = found || m.key == k;
    if (!found) return fail("unknown member " + std::string(where) + std::string(m.key));
  }
  return {};
}

}  // namespace

std::string ProviderConfig::base_url() const {
  return canonical_url.substr(0, canonical_url.size() - std::string_view("provider-metadata.json").size());
}

tl::expected<ProviderConfig, std::string> parse_config(std::string_view text) {
  auto doc = json::parse(text);
  if (!doc) return fail(doc.error().describe());
  const json::Value& root = doc->root();
  if (!root.is_object()) return fail("must be a JSON object");
  static constexpr std::array<std::string_view, 5> kTop = {
      "canonical_url", "publisher", "role", "list_on_CSAF_aggregators", "mirror_on_CSAF_aggregators"};
  if (auto ok = only_members(root, kTop, ""); !ok) return tl::unexpected(ok.error());

  ProviderConfig config;
  auto url = required_string(root, "canonical_url", "");
  if (!url) return tl::unexpected(url.error());
  config.canonical_url = std::move(*url);
  // https://HOST/.well-known/csaf/provider-metadata.json, HOST non-empty
  // and without a path of its own.
  const std::string_view u = config.canonical_url;
  if (u.rfind("https://", 0) != 0) return fail("canonical_url must start with https:// (requirement 3)");
  const std::size_t host_end = u.find('/', 8);
  if (host_end == std::string_view::npos || host_end == 8 || u.substr(host_end) != kWellKnownPath) {
    return fail("canonical_url must be https://HOST" + std::string(kWellKnownPath) +
                " (requirement 9), not \"" + config.canonical_url + "\"");
  }
  if (u.find_first_of(" \"<>\\^`{|}?#") != std::string_view::npos) {
    return fail("canonical_url contains characters not allowed in a URL, a query or a fragment");
  }

  const json::Value* publisher = root.find("publisher");
  if (!publisher || !publisher->is_object()) return fail("publisher must be an object");
  static constexpr std::array<std::string_view, 5> kPublisher = {"category", "name", "namespace",
                                                                 "contact_details", "issuing_authority"};
  if (auto ok = only_members(*publisher, kPublisher, "publisher/"); !ok) return tl::unexpected(ok.error());
  auto category = required_string(*publisher, "category", "publisher/");
  if (!category) return tl::unexpected(category.error());
  static constexpr std::array<std::string_view, 6> kCategories = {"coordinator", "discoverer", "other",
                                                                  "translator",  "user",       "vendor"};
  bool known_category = false;
  for (std::string_view c : kCategories) known_category = known_category || *category == c;
  if (!known_category) {
    return fail("publisher/category must be one of coordinator, discoverer, other, translator, user, vendor");
  }
  auto name = required_string(*publisher, "name", "publisher/");
  if (!name) return tl::unexpected(name.error());
  auto name_space = required_string(*publisher, "namespace", "publisher/");
  if (!name_space) return tl::unexpected(name_space.error());
  auto contact = optional_string(*publisher, "contact_details", "publisher/");
  if (!contact) return tl::unexpected(contact.error());
  auto authority = optional_string(*publisher, "issuing_authority", "publisher/");
  if (!authority) return tl::unexpected(authority.error());
  config.publisher = {std::move(*category), std::move(*name), std::move(*name_space), std::move(*contact),
                      std::move(*authority)};

  auto role = required_string(root, "role", "");
  if (!role) return tl::unexpected(role.error());
  if (*role != "csaf_provider" && *role != "csaf_trusted_provider") {
    return fail("role must be csaf_provider or csaf_trusted_provider, not \"" + *role + "\"");
  }
  config.role = std::move(*role);
  auto list = optional_bool(root, "list_on_CSAF_aggregators");
  if (!list) return tl::unexpected(list.error());
  auto mirror = optional_bool(root, "mirror_on_CSAF_aggregators");
  if (!mirror) return tl::unexpected(mirror.error());
  config.list_on_csaf_aggregators = *list;
  config.mirror_on_csaf_aggregators = *mirror;
  return config;
}

tl::expected<ProviderConfig, std::string> load_config(const std::string& path) {
  auto text = util::read_file(path, 1u << 20);
  if (!text) return tl::unexpected(text.error().message);
  auto config = parse_config(*text);
  if (!config) return tl::unexpected(path + ": " + config.error());
  return config;
}

}  // namespace lotse::provider
