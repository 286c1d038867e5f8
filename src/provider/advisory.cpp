#include "provider/advisory.hpp"

#include "csaf/date_time.hpp"
#include "csaf/filename.hpp"
#include "csaf/report.hpp"
#include "csaf/validator.hpp"
#include "json/parser.hpp"

namespace lotse::provider {

namespace {

tl::unexpected<Refusal> refuse(const std::string& file, std::string message) {
  return tl::unexpected(Refusal{file, std::move(message)});
}

std::string string_at(const json::Value& root, std::initializer_list<std::string_view> path) {
  const json::Value* v = &root;
  for (std::string_view key : path) {
    v = v->find(key);
    if (!v) return {};
  }
  return v->is_string() ? std::string(v->as_string()) : std::string();
}

std::string summary_note(const json::Value& root) {
  const json::Value* document = root.find("document");
  const json::Value* notes = document ? document->find("notes") : nullptr;
  if (!notes || !notes->is_array()) return {};
  for (const json::Value& note : notes->items()) {
    const json::Value* category = note.find("category");
    const json::Value* text = note.find("text");
    if (category && category->is_string() && category->as_string() == "summary" && text && text->is_string()) {
      return std::string(text->as_string());
    }
  }
  return {};
}

// Ids that would name a file outside its folder if a tool used them as a
// path; section 5.1 maps them to '_', but a provider should not publish
// them at all.
bool unsafe_tracking_id(std::string_view id) {
  return id.find('/') != std::string_view::npos || id.find('\\') != std::string_view::npos ||
         id.find('\0') != std::string_view::npos || id.find("..") != std::string_view::npos;
}

bool safe_file_name(std::string_view name) {
  if (name.size() <= 5 || name.size() > 255) return false;
  for (char c : name.substr(0, name.size() - 5)) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '_';
    if (!ok) return false;
  }
  return name.substr(name.size() - 5) == ".json";
}

}  // namespace

std::string folder_for_label(const std::string& tlp_label) {
  std::string folder;
  for (char c : tlp_label) folder.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  return folder;
}

tl::expected<Advisory, Refusal> prepare_advisory(std::string text, const std::string& file) {
  csaf::ValidateOptions options;
  options.preset = csaf::Preset::basic;
  csaf::DocumentResult result = csaf::validate_document(text, file, options);
  if (!result.valid) {
    return refuse(file, "not published: the document fails the basic preset (requirement 1):\n" +
                            csaf::render_text(result));
  }
  auto parsed = json::parse(std::string_view(text));
  if (!parsed) return refuse(file, "not published: " + parsed.error().describe());
  const json::Value& root = parsed->root();

  Advisory a;
  a.tracking_id = string_at(root, {"document", "tracking", "id"});
  a.title = string_at(root, {"document", "title"});
  a.category = string_at(root, {"document", "category"});
  a.csaf_version = string_at(root, {"document", "csaf_version"});
  a.summary = summary_note(root);
  a.initial_release_date = string_at(root, {"document", "tracking", "initial_release_date"});
  a.current_release_date = string_at(root, {"document", "tracking", "current_release_date"});
  if (a.csaf_version != "2.0") {
    return refuse(file, "not published: csaf_version \"" + a.csaf_version +
                            "\"; this provider tree is CSAF 2.0 (provider-metadata 2.0)");
  }
  if (a.tracking_id.empty() || unsafe_tracking_id(a.tracking_id)) {
    return refuse(file, "not published: /document/tracking/id must not be empty or contain '/', '\\', "
                        "\"..\" or NUL (it names the published file)");
  }
  a.file_name = csaf::csaf_filename(a.tracking_id);
  if (!safe_file_name(a.file_name)) {
    return refuse(file, "not published: /document/tracking/id gives the file name \"" + a.file_name +
                            "\", which is not a safe file name");
  }
  if (!csaf::parse_date_time(a.initial_release_date) || !csaf::parse_date_time(a.current_release_date)) {
    return refuse(file, "not published: the tracking release dates are not RFC 3339 date-times");
  }

  const json::Value* label = nullptr;
  if (const json::Value* document = root.find("document")) {
    if (const json::Value* distribution = document->find("distribution")) {
      if (const json::Value* tlp = distribution->find("tlp")) label = tlp->find("label");
    }
  }
  if (!label) {
    a.tlp_label = "UNLABELED";
  } else if (label->is_string() && label->as_string() == "WHITE") {
    a.tlp_label = "WHITE";
  } else {
    const std::string name = label->is_string() ? std::string(label->as_string()) : std::string("?");
    return refuse(file, "not published: TLP:" + name +
                            " documents need access-controlled distribution (requirement 5), which "
                            "lotse publish does not write; only TLP:WHITE and unlabeled documents are published");
  }
  a.folder = folder_for_label(a.tlp_label);
  a.path = a.initial_release_date.substr(0, 4) + "/" + a.file_name;
  a.text = std::move(text);
  return a;
}

}  // namespace lotse::provider
