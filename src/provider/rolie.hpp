// The ROLIE documents of the tree (RFC 8322 in its JSON form, CSAF
// requirements 15-17), generated from the persisted state, shaped field by
// field like the OASIS examples (csaf_2.0/examples/ROLIE):
//
//   <folder>/csaf-feed-tlp-<folder>.json  one feed per TLP folder: id, title,
//        link self, category information-type "csaf", updated, and per
//        document an entry with id (tracking id), title, links self / hash
//        (.sha256 and .sha512) / signature (.asc), published (initial
//        release), updated (current release), summary (the document's
//        summary note, when it has one), content and format
//   service.json  the ROLIE service document: one workspace, one collection
//        per feed
//   <folder>/category-<folder>.json  a ROLIE category document per folder
//        whose terms are the document categories (/document/category) in
//        that folder, one of the criteria requirement 17 suggests
//
// Entries are newest first (listings.hpp). `updated` of a feed is the time
// of the publish run that wrote it.
//
// The feed file's layout (one entry per line, a gap of whitespace for new
// entries) and its edits in place are feed.hpp's.
//
// Stateless and thread-safe.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "provider/config.hpp"
#include "provider/state.hpp"

namespace lotse::provider {

// "csaf-feed-tlp-white.json" for folder "white".
std::string feed_file_name(const std::string& folder);

// "category-white.json" for folder "white".
std::string category_file_name(const std::string& folder);

// The URL of a file in the tree, given its path below .well-known/csaf/.
std::string tree_url(const ProviderConfig& config, const std::string& relative);

// The first line of the ROLIE feed of `folder` ("white"), up to and with
// `"entry":[`; `updated` an RFC 3339 time. A run rewrites only this line
// and the entries it changes.
std::string render_feed_header(const ProviderConfig& config, const std::string& folder, const std::string& updated);

// The feed entry of one document, on one line, without separator.
std::string render_feed_entry(const ProviderConfig& config, const std::string& folder, const Entry& entry);

// A whole feed from entries already newest first (header, entries, end), for
// a folder's first publication and for tests.
std::string render_feed(const ProviderConfig& config, const std::string& folder,
                        const std::vector<const Entry*>& newest_first, const std::string& updated);

// The ROLIE service document listing the feed of each of `folders`.
std::string render_service(const ProviderConfig& config, const std::vector<std::string>& folders);

// The ROLIE category document of a folder whose documents have the
// categories (/document/category) `terms`.
std::string render_category(const std::map<std::string, std::size_t>& terms);

// The TLP label a folder stands for ("white" -> "WHITE").
std::string label_for_folder(const std::string& folder);

}  // namespace lotse::provider
