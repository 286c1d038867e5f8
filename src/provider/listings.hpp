// The directory-based distribution files of one TLP folder (requirements
// 12 and 13), generated from the persisted state alone:
//
//   index.txt    every document's path in the folder, one per line
//                ("2022/bsi-2022-0001.json"), sorted by path
//   changes.csv  "path","current_release_date" per document, no heading,
//                newest current_release_date first (ties by path)
//
// Stateless and thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "provider/state.hpp"

namespace lotse::provider {

// The folder's entries, newest current_release_date first (compared as
// instants, not as text: offsets and fractions differ between documents),
// ties by path: the order of changes.csv and of the ROLIE feed.
std::vector<const Entry*> newest_first(const std::map<std::string, Entry>& entries);

// index.txt of a folder.
std::string render_index_txt(const std::map<std::string, Entry>& entries);

// changes.csv of a folder.
std::string render_changes_csv(const std::map<std::string, Entry>& entries);

}  // namespace lotse::provider
