#include "provider/state.hpp"

#include "json/parser.hpp"
#include "json/writer.hpp"
#include "util/file.hpp"

namespace lotse::provider {

namespace {

constexpr std::size_t kMaxEntry = std::size_t{1} << 24;
constexpr std::size_t kMaxSummary = std::size_t{1} << 24;

// The members of an Entry, in the order they are written.
struct Field {
  const char* name;
  std::string Entry::*member;
};
constexpr Field kFields[] = {
    {"tracking_id", &Entry::tracking_id},
    {"title", &Entry::title},
    {"category", &Entry::category},
    {"csaf_version", &Entry::csaf_version},
    {"summary", &Entry::summary},
    {"initial_release_date", &Entry::initial_release_date},
    {"current_release_date", &Entry::current_release_date},
    {"path", &Entry::path},
};

bool is_count(const json::Value& v) {
  if (!v.is_number() || v.text().empty() || v.text().size() > 18) return false;
  for (char c : v.text()) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

Entry entry_for(const Advisory& a) {
  return Entry{a.tracking_id,          a.title,          a.category, a.csaf_version, a.summary,
               a.initial_release_date, a.current_release_date, a.path};
}

std::string private_dir(const std::string& tree) { return tree + "/.lotse"; }

std::string entry_path(const std::string& tree, const std::string& file_name) {
  return private_dir(tree) + "/entries/" + file_name;
}

std::string serialize_entry(const StoredEntry& stored) {
  std::string out = "{\"format\":2,\"folder\":";
  json::write_string(out, stored.folder);
  for (const Field& field : kFields) {
    out += ',';
    json::write_string(out, field.name);
    out += ':';
    json::write_string(out, stored.entry.*field.member);
  }
  out += "}\n";
  return out;
}

tl::expected<StoredEntry, std::string> parse_entry(std::string_view text) {
  json::ParseLimits limits;
  limits.max_size = kMaxEntry;
  auto doc = json::parse(text, limits);
  if (!doc) return tl::unexpected(doc.error().describe());
  const json::Value& root = doc->root();
  const json::Value* format = root.find("format");
  const json::Value* folder = root.find("folder");
  if (!format || !format->is_number() || format->text() != "2" || !folder || !folder->is_string()) {
    return tl::unexpected(std::string("not a Lotse provider entry (format 2)"));
  }
  StoredEntry stored;
  stored.folder = std::string(folder->as_string());
  for (const Field& field : kFields) {
    const json::Value* v = root.find(field.name);
    if (!v || !v->is_string()) return tl::unexpected(std::string("lacks the string ") + field.name);
    stored.entry.*field.member = std::string(v->as_string());
  }
  return stored;
}

tl::expected<std::optional<StoredEntry>, std::string> load_entry(const std::string& tree,
                                                                 const std::string& file_name) {
  const std::string path = entry_path(tree, file_name);
  auto text = util::read_file(path, kMaxEntry);
  if (!text) {
    if (text.error().kind == util::FileError::Kind::not_found) return std::optional<StoredEntry>();
    return tl::unexpected(text.error().message);
  }
  auto stored = parse_entry(*text);
  if (!stored) return tl::unexpected(path + ": " + stored.error());
  return std::optional<StoredEntry>(std::move(*stored));
}

void FolderSummary::add(const Entry& entry) {
  ++documents;
  ++categories[entry.category];
}

void FolderSummary::remove(const Entry& entry) {
  if (documents > 0) --documents;
  auto it = categories.find(entry.category);
  if (it != categories.end() && --it->second == 0) categories.erase(it);
}

std::string summary_path(const std::string& tree) { return private_dir(tree) + "/folders.json"; }

std::string serialize_summary(const Summary& summary) {
  std::string out = "{\"format\":2,\"folders\":{";
  bool first_folder = true;
  for (const auto& [folder, s] : summary) {
    if (!first_folder) out += ',';
    first_folder = false;
    out += '\n';
    json::write_string(out, folder);
    out += ":{\"documents\":" + std::to_string(s.documents) + ",\"categories\":{";
    bool first = true;
    for (const auto& [category, count] : s.categories) {
      if (!first) out += ',';
      first = false;
      json::write_string(out, category);
      out += ':' + std::to_string(count);
    }
    out += "}}";
  }
  out += "}}\n";
  return out;
}

tl::expected<Summary, std::string> parse_summary(std::string_view text) {
  json::ParseLimits limits;
  limits.max_size = kMaxSummary;
  auto doc = json::parse(text, limits);
  if (!doc) return tl::unexpected(doc.error().describe());
  const json::Value& root = doc->root();
  const json::Value* format = root.find("format");
  const json::Value* folders = root.find("folders");
  if (!format || !format->is_number() || format->text() != "2" || !folders || !folders->is_object()) {
    return tl::unexpected(std::string("not a Lotse provider summary (format 2)"));
  }
  Summary summary;
  for (const json::Member& folder : folders->members()) {
    const json::Value* documents = folder.value.find("documents");
    const json::Value* categories = folder.value.find("categories");
    if (!documents || !is_count(*documents) || !categories || !categories->is_object()) {
      return tl::unexpected("folder \"" + std::string(folder.key) + "\" lacks documents or categories");
    }
    FolderSummary& s = summary[std::string(folder.key)];
    s.documents = std::stoull(std::string(documents->text()));
    for (const json::Member& category : categories->members()) {
      if (!is_count(category.value)) return tl::unexpected("category count of \"" + std::string(category.key) + "\"");
      s.categories[std::string(category.key)] = std::stoull(std::string(category.value.text()));
    }
  }
  return summary;
}

tl::expected<Summary, std::string> load_summary(const std::string& tree) {
  const std::string path = summary_path(tree);
  auto text = util::read_file(path, kMaxSummary);
  if (!text) {
    if (text.error().kind == util::FileError::Kind::not_found) return Summary{};
    return tl::unexpected(text.error().message);
  }
  auto summary = parse_summary(*text);
  if (!summary) return tl::unexpected(path + ": " + summary.error());
  return summary;
}

std::vector<std::string> published_folders(const Summary& summary) {
  std::vector<std::string> folders;
  for (const auto& [folder, s] : summary) {
    if (s.documents > 0) folders.push_back(folder);
  }
  return folders;
}

}  // namespace lotse::provider
