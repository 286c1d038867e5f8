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
// Stateless and thread-safe.
#pragma once

#include <map>
#include <string>

#include "provider/config.hpp"
#include "provider/state.hpp"

namespace lotse::provider {

// "csaf-feed-tlp-white.json" for folder "white".
std::string feed_file_name(const std::string& folder);

// "category-white.json" for folder "white".
std::string category_file_name(const std::string& folder);

// The URL of a file in the tree, given its path below .well-known/csaf/.
std::string tree_url(const ProviderConfig& config, const std::string& relative);

// The ROLIE feed of `folder` ("white"); `tlp_label` is "WHITE" or
// "UNLABELED"; `updated` an RFC 3339 time.
std::string render_feed(const ProviderConfig& config, const std::string& folder,
                        const std::map<std::string, Entry>& entries, const std::string& updated);

// The ROLIE service document listing the feed of every folder in `state`.
std::string render_service(const ProviderConfig& config, const State& state);

// The ROLIE category document of a folder.
std::string render_category(const std::map<std::string, Entry>& entries);

// The TLP label a folder stands for ("white" -> "WHITE").
std::string label_for_folder(const std::string& folder);

}  // namespace lotse::provider
