// The listings of one TLP folder, updated by splicing text rather than
// regenerated from all documents (the item 3: the cost of a run
// grows with the change, not with the provider):
//
//   index.txt    every document's path in the folder, one per line
//                ("2022/bsi-2022-0001.json"), sorted by path (requirement 12)
//   changes.csv  "path","current_release_date" per document, no heading,
//                newest current_release_date first, ties by path (13)
//   csaf-feed-tlp-<folder>.json  the ROLIE feed (15), one entry per line in
//                the order of changes.csv (rolie.hpp gives the layout)
//
// splice_listings() walks the old texts line by line only as far as the
// removed lines and the insertion points reach, then copies the rest as one
// block: adding the newest advisory reads the first line of changes.csv and
// of the feed and copies the others without looking at them. changes.csv
// and the feed are walked together (line i of one is entry i of the
// other), which is how the feed learns where an entry goes without a date
// parsed from JSON; a line count or path that disagrees is reported, never
// guessed around.
//
// Stateless and thread-safe.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "provider/config.hpp"
#include "provider/state.hpp"

namespace lotse::provider {

// True when an entry with (`date_a`, `path_a`) comes before one with
// (`date_b`, `path_b`) in changes.csv and the feed: newer first, dates
// compared as instants (offsets and fractions differ between documents),
// ties by path; an unparsable date sorts last.
bool comes_first(std::string_view date_a, std::string_view path_a, std::string_view date_b, std::string_view path_b);

// Sorts entries into the order of changes.csv and the feed.
std::vector<const Entry*> newest_first(const std::vector<const Entry*>& entries);

// The three listing texts of a folder; empty strings for a folder not
// published yet.
struct Listings {
  std::string index_txt;
  std::string changes_csv;
  std::string feed;
};

// An entry to add to a folder.
struct Addition {
  const Entry* entry;
  std::string feed_entry;  // render_feed_entry() of it
};

// `old` without the documents whose paths are in `remove` and with
// `additions` (none of whose paths may stay listed), the feed's first line
// replaced by `feed_header` (render_feed_header()). Errors: the old texts
// do not have the layout Lotse writes or disagree with each other.
tl::expected<Listings, std::string> splice_listings(const Listings& old, const std::set<std::string>& remove,
                                                    std::vector<Addition> additions, const std::string& feed_header);

}  // namespace lotse::provider
