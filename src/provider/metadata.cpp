#include "provider/metadata.hpp"

#include <vector>

#include "csaf/schemas.hpp"
#include "json/parser.hpp"
#include "json/writer.hpp"
#include "provider/rolie.hpp"

namespace lotse::provider {

namespace {

constexpr std::string_view kProviderSchema = "https://docs.oasis-open.org/csaf/csaf/v2.0/provider_json_schema.json";

void member(std::string& out, std::string_view key, std::string_view value, bool comma = true) {
  if (comma) out += ',';
  json::write_string(out, key);
  out += ':';
  json::write_string(out, value);
}

void string_array(std::string& out, std::string_view key, const std::vector<std::string>& items,
                  bool comma = true) {
  if (comma) out += ',';
  json::write_string(out, key);
  out += ":[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    json::write_string(out, items[i]);
  }
  out += ']';
}

}  // namespace

std::string public_key_path(const std::string& fingerprint) { return "openpgp/" + fingerprint + ".asc"; }

std::string security_txt_line(const ProviderConfig& config) { return "CSAF: " + config.canonical_url; }

tl::expected<std::string, std::string> render_provider_metadata(const ProviderConfig& config,
                                                                const std::vector<std::string>& folders,
                                                                const std::string& fingerprint,
                                                                const std::string& last_updated) {
  if (folders.empty()) return tl::unexpected(std::string("no document is published: nothing to list"));

  std::string out = "{";
  member(out, "canonical_url", config.canonical_url, false);
  out += ",\"distributions\":[";
  for (const std::string& folder : folders) {
    out += '{';
    member(out, "directory_url", tree_url(config, folder + "/"), false);
    out += "},";
  }
  out += "{\"rolie\":{";
  std::vector<std::string> categories;
  for (const std::string& folder : folders) categories.push_back(tree_url(config, folder + "/" + category_file_name(folder)));
  string_array(out, "categories", categories, false);
  out += ",\"feeds\":[";
  for (std::size_t i = 0; i < folders.size(); ++i) {
    if (i) out += ',';
    const std::string label = label_for_folder(folders[i]);
    out += '{';
    member(out, "summary",
           "All " + (label == "UNLABELED" ? std::string("unlabeled") : "TLP:" + label) + " advisories of " +
               config.publisher.name + ".",
           false);
    member(out, "tlp_label", label);
    member(out, "url", tree_url(config, folders[i] + "/" + feed_file_name(folders[i])));
    out += '}';
  }
  out += ']';
  string_array(out, "services", {tree_url(config, "service.json")});
  out += "}}]";
  member(out, "last_updated", last_updated);
  out += ",\"list_on_CSAF_aggregators\":";
  out += config.list_on_csaf_aggregators ? "true" : "false";
  member(out, "metadata_version", "2.0");
  out += ",\"mirror_on_CSAF_aggregators\":";
  out += config.mirror_on_csaf_aggregators ? "true" : "false";
  out += ",\"public_openpgp_keys\":[{";
  member(out, "fingerprint", fingerprint, false);
  member(out, "url", tree_url(config, public_key_path(fingerprint)));
  out += "}],\"publisher\":{";
  member(out, "category", config.publisher.category, false);
  if (config.publisher.contact_details) member(out, "contact_details", *config.publisher.contact_details);
  if (config.publisher.issuing_authority) member(out, "issuing_authority", *config.publisher.issuing_authority);
  member(out, "name", config.publisher.name);
  member(out, "namespace", config.publisher.name_space);
  out += '}';
  member(out, "role", config.role);
  out += "}\n";

  static const schema::Schema kSchema = csaf::compile_embedded_schema(kProviderSchema, csaf::SchemaFlavour::normal);
  auto parsed = json::parse(std::string_view(out));
  if (!parsed) return tl::unexpected("generated provider-metadata.json is not JSON: " + parsed.error().describe());
  std::vector<schema::Violation> violations;
  if (!kSchema.validate(parsed->root(), &violations)) {
    std::string message = "provider-metadata.json would not be valid against the provider schema (check the "
                          "configuration):";
    for (const schema::Violation& v : violations) message += "\n  " + v.instance_pointer + ": " + v.message;
    return tl::unexpected(message);
  }
  return out;
}

}  // namespace lotse::provider
