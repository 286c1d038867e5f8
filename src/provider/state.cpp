#include "provider/state.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "json/parser.hpp"
#include "json/writer.hpp"
#include "util/file.hpp"

namespace lotse::provider {

namespace {

constexpr std::size_t kMaxState = std::size_t{1} << 30;

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

}  // namespace

const std::string* State::folder_of(const std::string& file_name) const {
  for (const auto& [folder, entries] : folders) {
    if (entries.count(file_name)) return &folder;
  }
  return nullptr;
}

Entry entry_for(const Advisory& a) {
  return Entry{a.tracking_id,          a.title,          a.category, a.csaf_version, a.summary,
               a.initial_release_date, a.current_release_date, a.path};
}

std::string state_path(const std::string& tree) { return tree + "/.lotse/state.json"; }

std::string serialize_state(const State& state) {
  std::string out = "{\"format\":1,\"folders\":{";
  bool first_folder = true;
  for (const auto& [folder, entries] : state.folders) {
    if (!first_folder) out += ',';
    first_folder = false;
    out += '\n';
    json::write_string(out, folder);
    out += ":{";
    bool first_entry = true;
    for (const auto& [file_name, entry] : entries) {
      if (!first_entry) out += ',';
      first_entry = false;
      out += '\n';
      json::write_string(out, file_name);
      out += ":{";
      for (std::size_t i = 0; i < std::size(kFields); ++i) {
        if (i) out += ',';
        json::write_string(out, kFields[i].name);
        out += ':';
        json::write_string(out, entry.*kFields[i].member);
      }
      out += '}';
    }
    out += '}';
  }
  out += "}}\n";
  return out;
}

tl::expected<State, std::string> parse_state(std::string_view text) {
  json::ParseLimits limits;
  limits.max_size = kMaxState;
  auto doc = json::parse(text, limits);
  if (!doc) return tl::unexpected(doc.error().describe());
  const json::Value& root = doc->root();
  const json::Value* format = root.find("format");
  const json::Value* folders = root.find("folders");
  if (!format || !format->is_number() || format->text() != "1" || !folders || !folders->is_object()) {
    return tl::unexpected(std::string("not a Lotse provider state (format 1)"));
  }
  State state;
  for (const json::Member& folder : folders->members()) {
    if (!folder.value.is_object()) return tl::unexpected("folder \"" + std::string(folder.key) + "\" is not an object");
    auto& entries = state.folders[std::string(folder.key)];
    for (const json::Member& item : folder.value.members()) {
      Entry entry;
      for (const Field& field : kFields) {
        const json::Value* v = item.value.find(field.name);
        if (!v || !v->is_string()) {
          return tl::unexpected("entry \"" + std::string(item.key) + "\" lacks the string " + field.name);
        }
        entry.*field.member = std::string(v->as_string());
      }
      entries.emplace(std::string(item.key), std::move(entry));
    }
  }
  return state;
}

tl::expected<State, std::string> load_state(const std::string& tree) {
  const std::string path = state_path(tree);
  auto text = util::read_file(path, kMaxState);
  if (!text) {
    if (text.error().kind == util::FileError::Kind::not_found) return State{};
    return tl::unexpected(text.error().message);
  }
  auto state = parse_state(*text);
  if (!state) return tl::unexpected(path + ": " + state.error());
  return state;
}

tl::expected<void, std::string> save_state(const std::string& tree, const State& state) {
  const std::string dir = tree + "/.lotse";
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    return tl::unexpected(dir + ": " + std::strerror(errno));
  }
  if (auto ok = util::write_file_atomic(state_path(tree), serialize_state(state)); !ok) {
    return tl::unexpected(ok.error().message);
  }
  return {};
}

}  // namespace lotse::provider
