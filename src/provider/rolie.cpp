#include "provider/rolie.hpp"

#include "json/writer.hpp"
#include "provider/feed.hpp"

namespace lotse::provider {

namespace {

constexpr const char* kInformationType =
    "{\"scheme\":\"urn:ietf:params:rolie:category:information-type\",\"term\":\"csaf\"}";

void member(std::string& out, std::string_view key, std::string_view value, bool comma = true) {
  if (comma) out += ',';
  json::write_string(out, key);
  out += ':';
  json::write_string(out, value);
}

std::string feed_title(const ProviderConfig& config, const std::string& folder) {
  const std::string label = label_for_folder(folder);
  return config.publisher.name + " CSAF feed (" + (label == "UNLABELED" ? label : "TLP:" + label) + ")";
}

void link(std::string& out, std::string_view rel, const std::string& href, bool comma) {
  if (comma) out += ',';
  out += '{';
  member(out, "rel", rel, false);
  member(out, "href", href);
  out += '}';
}

}  // namespace

std::string feed_file_name(const std::string& folder) { return "csaf-feed-tlp-" + folder + ".json"; }

std::string category_file_name(const std::string& folder) { return "category-" + folder + ".json"; }

std::string tree_url(const ProviderConfig& config, const std::string& relative) {
  return config.base_url() + relative;
}

std::string label_for_folder(const std::string& folder) {
  std::string label;
  for (char c : folder) label.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  return label;
}

std::string render_feed_header(const ProviderConfig& config, const std::string& folder, const std::string& updated) {
  std::string out = "{\"feed\":{";
  member(out, "id", "csaf-feed-tlp-" + folder, false);
  member(out, "title", feed_title(config, folder));
  out += ",\"link\":[";
  link(out, "self", tree_url(config, folder + "/" + feed_file_name(folder)), false);
  out += "],\"category\":[";
  out += kInformationType;
  out += ']';
  member(out, "updated", updated);
  out += ",\"entry\":[";
  return out;
}

std::string render_feed_entry(const ProviderConfig& config, const std::string& folder, const Entry& e) {
  const std::string url = tree_url(config, folder + "/" + e.path);
  std::string out = "{";
  member(out, "id", e.tracking_id, false);
  member(out, "title", e.title);
  out += ",\"link\":[";
  link(out, "self", url, false);
  link(out, "hash", url + ".sha256", true);
  link(out, "hash", url + ".sha512", true);
  link(out, "signature", url + ".asc", true);
  out += ']';
  member(out, "published", e.initial_release_date);
  member(out, "updated", e.current_release_date);
  if (!e.summary.empty()) {
    out += ",\"summary\":{";
    member(out, "content", e.summary, false);
    out += '}';
  }
  out += ",\"content\":{";
  member(out, "type", "application/json", false);
  member(out, "src", url);
  out += "},\"format\":{";
  member(out, "schema", "https://docs.oasis-open.org/csaf/csaf/v" + e.csaf_version + "/csaf_json_schema.json", false);
  member(out, "version", e.csaf_version);
  out += "}}";
  return out;
}

std::string render_feed(const ProviderConfig& config, const std::string& folder,
                        const std::vector<const Entry*>& newest_first, const std::string& updated) {
  std::vector<std::string> rendered;
  rendered.reserve(newest_first.size());
  for (const Entry* e : newest_first) rendered.push_back(render_feed_entry(config, folder, *e));
  return layout_feed(render_feed_header(config, folder, updated),
                     std::vector<std::string_view>(rendered.begin(), rendered.end()));
}

std::string render_service(const ProviderConfig& config, const std::vector<std::string>& folders) {
  std::string out = "{\"service\":{\"workspace\":[{";
  member(out, "title", config.publisher.name + " CSAF feeds", false);
  out += ",\"collection\":[";
  bool first = true;
  for (const std::string& folder : folders) {
    if (!first) out += ',';
    first = false;
    out += '{';
    member(out, "title", feed_title(config, folder), false);
    member(out, "href", tree_url(config, folder + "/" + feed_file_name(folder)));
    out += ",\"categories\":{\"category\":[";
    out += kInformationType;
    out += "]}}";
  }
  out += "]}]}}\n";
  return out;
}

std::string render_category(const std::map<std::string, std::size_t>& terms) {
  std::string out = "{\"categories\":{\"category\":[";
  bool first = true;
  for (const auto& [term, count] : terms) {
    if (!first) out += ',';
    first = false;
    out += '{';
    member(out, "term", term, false);
    out += '}';
  }
  out += "]}}\n";
  return out;
}

}  // namespace lotse::provider
