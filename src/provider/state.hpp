// The provider's persisted state: for every published document, what the
// indexes and feeds list about it (path, dates, title, ...), so that
// index.txt, changes.csv, the ROLIE feeds and provider-metadata.json are
// regenerated after a change without re-reading, re-hashing or re-signing
// any other document (the item 3).
//
// It lives in TREE/.lotse/state.json, outside .well-known/ (the web server
// serves only .well-known/), written atomically after the documents it
// lists and before the indexes made from it.
//
// One entry per document: entries are keyed by TLP folder and the section
// 5.1 file name (which a tracking id determines), so a new version of a
// document replaces its entry.
//
// Thread safety: a State is a value; one writer at a time.
#pragma once

#include <map>
#include <string>

#include <tl/expected.hpp>

#include "provider/advisory.hpp"

namespace lotse::provider {

struct Entry {
  std::string tracking_id;
  std::string title;
  std::string category;
  std::string csaf_version;
  std::string summary;
  std::string initial_release_date;
  std::string current_release_date;
  std::string path;  // in its folder: "2022/bsi-2022-0001.json"
};

struct State {
  // folder ("white") -> file name ("bsi-2022-0001.json") -> entry. Ordered
  // maps: output built from them is deterministic.
  std::map<std::string, std::map<std::string, Entry>> folders;

  // The folder holding a document with this file name, or nullptr.
  const std::string* folder_of(const std::string& file_name) const;
};

// The entry an accepted advisory makes.
Entry entry_for(const Advisory& advisory);

// The state file's path in the tree: TREE/.lotse/state.json.
std::string state_path(const std::string& tree);

// Reads the state of `tree`; an empty State when the tree has none yet.
// Errors: unreadable or malformed (the message names the file; nothing
// should then be published, as the indexes would lose documents).
tl::expected<State, std::string> load_state(const std::string& tree);

// The JSON text of `state` (what save_state writes).
std::string serialize_state(const State& state);

// Parses state JSON text.
tl::expected<State, std::string> parse_state(std::string_view text);

// Writes TREE/.lotse/state.json atomically (the directory is made 0700).
tl::expected<void, std::string> save_state(const std::string& tree, const State& state);

}  // namespace lotse::provider
