// The provider's persisted state, kept small and per document so that a
// run touches only what it changes (the item 3):
//
//   TREE/.lotse/entries/<file name>   one file per published document: its
//        TLP folder and what the indexes and feed list about it (path,
//        dates, title, ...). A run reads only the entries of its inputs
//        (to find the version it replaces) and writes only theirs.
//   TREE/.lotse/folders.json          per TLP folder the number of
//        documents and of documents per /document/category: what the
//        category documents, the service document and provider-metadata
//        need, a few hundred bytes whatever the size of the provider.
//
// index.txt, changes.csv and the ROLIE feeds are not regenerated from the
// state: they are spliced (listings.hpp), so no run reads all documents'
// entries. TREE/.lotse is outside .well-known/ (the web server serves only
// .well-known/) and 0700. Its files are replaced through the run's journal
// (journal.hpp), in the same step sequence as the files they describe.
//
// One entry per document: entries are keyed by the section 5.1 file name
// (which a tracking id determines), so a new version replaces its entry.
//
// Thread safety: values and free functions; one writer per tree (the run's
// lock, journal.hpp).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// A published document's entry with the TLP folder ("white") holding it.
struct StoredEntry {
  std::string folder;
  Entry entry;
};

// The entry an accepted advisory makes.
Entry entry_for(const Advisory& advisory);

// TREE/.lotse: the private directory of the state, journal and lock.
std::string private_dir(const std::string& tree);

// TREE/.lotse/entries/<file_name>: where a document's entry is kept.
std::string entry_path(const std::string& tree, const std::string& file_name);

// The text of an entry file.
std::string serialize_entry(const StoredEntry& stored);

// Parses an entry file's text.
tl::expected<StoredEntry, std::string> parse_entry(std::string_view text);

// The entry of the published document `file_name`, or nullopt when none is
// published. Errors: unreadable or damaged (the message names the file).
tl::expected<std::optional<StoredEntry>, std::string> load_entry(const std::string& tree,
                                                                 const std::string& file_name);

// What one TLP folder holds, in counts.
struct FolderSummary {
  std::size_t documents = 0;
  std::map<std::string, std::size_t> categories;  // /document/category -> documents

  // Counts `entry` in (+1) or out (-1).
  void add(const Entry& entry);
  void remove(const Entry& entry);
};

// folder ("white") -> summary; ordered, so output made from it is stable.
using Summary = std::map<std::string, FolderSummary>;

// TREE/.lotse/folders.json.
std::string summary_path(const std::string& tree);

// The text of folders.json.
std::string serialize_summary(const Summary& summary);

// Parses folders.json text.
tl::expected<Summary, std::string> parse_summary(std::string_view text);

// Reads the summary of `tree`; empty when nothing was published yet.
tl::expected<Summary, std::string> load_summary(const std::string& tree);

// The folders holding at least one document, in name order: those the
// metadata and the service document list.
std::vector<std::string> published_folders(const Summary& summary);

}  // namespace lotse::provider
