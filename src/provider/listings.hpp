// The listings of one TLP folder, updated by splicing text rather than
// regenerated from all documents (the item 3: the cost of a run
// grows with the change, not with the provider):
//
//   index.txt    every document's path in the folder, one per line
//                ("2022/bsi-2022-0001.json"), sorted by path (requirement 12)
//   changes.csv  "path","current_release_date" per document, no heading,
//                newest current_release_date first, ties by path (13)
//   csaf-feed-tlp-<folder>.json  the ROLIE feed (15), one entry per line in
//                the order of changes.csv (feed.hpp gives the layout)
//
// Each splice walks the old text line by line only as far as the removed
// lines and the insertion points reach; the result is a list of slices:
// the unchanged runs of the old text (views, not copies) and the new lines,
// written out as they are (the old text is mapped, util/mapped_file.hpp).
// Adding the newest advisory looks at the first line of changes.csv and at
// a few lines of index.txt (found by binary search: it is sorted).
//
// The feed is edited in place when it can be (feed.hpp); splice_feed()
// writes it whole otherwise, walking changes.csv and the feed together
// (line i of one is entry i of the other), which is how the feed learns
// where an entry goes without a date parsed from JSON; a line count or
// path that disagrees is reported, never guessed around.
//
// Stateless and thread-safe.
#pragma once

#include <deque>
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

// A listing's new text as slices: views into the old text and into
// `owned` (the new lines). Moving keeps the views valid; copying is not
// allowed.
struct Spliced {
  std::vector<std::string_view> parts;
  std::deque<std::string> owned;

  Spliced() = default;
  Spliced(Spliced&&) = default;
  Spliced& operator=(Spliced&&) = default;
  Spliced(const Spliced&) = delete;
  Spliced& operator=(const Spliced&) = delete;
  // The text as one string (tests, small listings).
  std::string joined() const;
};

// An entry to add to a folder.
struct Addition {
  const Entry* entry;
  std::string feed_entry;  // render_feed_entry() of it
};

// Sorts additions into the order of changes.csv and the feed.
void sort_newest_first(std::vector<Addition>& additions);

// index.txt without the paths in `remove` and with `add` (none of which may
// stay listed). Errors: an added path is listed already.
tl::expected<Spliced, std::string> splice_index(std::string_view old, const std::set<std::string>& remove,
                                                std::vector<std::string_view> add);

// changes.csv without `remove` and with `additions` (newest first), and
// what the feed's in-place edit needs to know.
struct SplicedChanges {
  Spliced text;
  std::string first_kept;       // the path of the first old line kept; empty: none
  bool additions_first = true;  // every addition comes before that line
};
tl::expected<SplicedChanges, std::string> splice_changes(std::string_view old, const std::set<std::string>& remove,
                                                         const std::vector<Addition>& additions);

// The whole feed text of `old_feed` (whose entries are in the order of
// `old_changes`) without `remove`, with `additions` (newest first), under
// `feed_header` (render_feed_header()). Errors: the old texts do not have
// the layout Lotse writes or disagree with each other.
tl::expected<std::string, std::string> splice_feed(std::string_view old_feed, std::string_view old_changes,
                                                   const std::set<std::string>& remove,
                                                   const std::vector<Addition>& additions,
                                                   const std::string& feed_header);

// The three listing texts of a folder; empty strings for a folder not
// published yet.
struct Listings {
  std::string index_txt;
  std::string changes_csv;
  std::string feed;
};

// The three spliced as whole texts (the feed by splice_feed), `additions`
// in any order: the order of runs does not change the result (tests).
tl::expected<Listings, std::string> splice_listings(const Listings& old, const std::set<std::string>& remove,
                                                    std::vector<Addition> additions, const std::string& feed_header);

}  // namespace lotse::provider
