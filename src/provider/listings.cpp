#include "provider/listings.hpp"

#include <algorithm>
#include <optional>

#include "csaf/date_time.hpp"

namespace lotse::provider {

std::vector<const Entry*> newest_first(const std::map<std::string, Entry>& entries) {
  struct Keyed {
    std::optional<csaf::DateTime> when;
    const Entry* entry;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(entries.size());
  for (const auto& [name, entry] : entries) {
    keyed.push_back({csaf::parse_date_time(entry.current_release_date), &entry});
  }
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    if (a.when != b.when) return a.when > b.when;  // nullopt (never stored) sorts last
    return a.entry->path < b.entry->path;
  });
  std::vector<const Entry*> out;
  out.reserve(keyed.size());
  for (const Keyed& k : keyed) out.push_back(k.entry);
  return out;
}

std::string render_index_txt(const std::map<std::string, Entry>& entries) {
  std::vector<const std::string*> paths;
  paths.reserve(entries.size());
  for (const auto& [name, entry] : entries) paths.push_back(&entry.path);
  std::sort(paths.begin(), paths.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
  std::string out;
  for (const std::string* p : paths) {
    out += *p;
    out += '\n';
  }
  return out;
}

std::string render_changes_csv(const std::map<std::string, Entry>& entries) {
  // Paths are [a-z0-9+_-/.] and dates RFC 3339: no field holds a '"' that
  // would need doubling.
  std::string out;
  for (const Entry* e : newest_first(entries)) {
    out += '"';
    out += e->path;
    out += "\",\"";
    out += e->current_release_date;
    out += "\"\n";
  }
  return out;
}

}  // namespace lotse::provider
