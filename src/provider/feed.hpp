// The bytes of a ROLIE feed file and the edits a run makes to it in place,
// so that adding the newest advisory to a feed of 100,000 entries (80 MB)
// writes a few hundred bytes instead of the whole file (the item 3).
//
// Layout (what a JSON parser reads as insignificant whitespace is spaces
// and newlines only):
//
//   line 1    the header, up to and with `"entry":[` (render_feed_header)
//   the gap   whitespace kept free for new entries: about 1/32 of the
//             entries' size, at least 16 KiB (layout_feed)
//   entries   one per line, newest first: `{...},`, the last one `{...}`;
//             a line may start with spaces, and a removed entry leaves a
//             line of spaces
//   `]}}`     then newlines only (a run adds one, see below)
//
// An in-place edit (plan_in_place) is a list of writes at fixed offsets,
// each of whole units and each inside one 4096-byte page:
//
//   - a removed entry's `{...},` overwritten with spaces (phase A);
//   - the header line rewritten (same length: only `updated` differs);
//   - each new entry `{...},` (`{...}` into a feed without entries) written
//     into the gap, before the first entry (phase C);
//   - one more newline at the end, so that the size changes with every run
//     (HTTP validators such as nginx's ETag are mtime seconds and size).
//
// Every write leaves a valid feed, and a write inside one page is all or
// nothing when the process is killed: Linux copies a buffered write into
// the page cache a page (folio) at a time and checks for a fatal signal
// only before each one (the bytes come from memory the run just wrote, so
// the copy does not stop at a page fault). So whatever moment a kill -9 hits, the feed on
// disk is the feed before or after each write, never half an entry. The
// writes are journalled (journal.hpp) and redone by the next run after a
// crash.
//
// When an edit in place is not possible (first publication, the gap is
// full, an addition is not newer than every listed entry, the removed entry
// is the last one or spans two pages, a header of another length, a layout
// Lotse did not write), the run writes the feed whole with a fresh gap
// (layout_feed) and renames it into place, as for the other listings.
//
// Stateless and thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

namespace lotse::provider {

// The unit of an in-place write: a write never crosses a multiple of it.
inline constexpr std::size_t kFeedPage = 4096;

// A whole feed: `header` (without newline), the gap, `entries` (each
// `{...}` on one line, newest first), `]}}`.
std::string layout_feed(std::string_view header, const std::vector<std::string_view>& entries);

// Walks the entries of a feed text in order.
class FeedReader {
 public:
  // Errors: no first line ending in `"entry":[`.
  static tl::expected<FeedReader, std::string> open(std::string_view feed);
  // The first line, without its newline.
  std::string_view header() const { return feed_.substr(0, header_end_); }
  // The next entry (`{...}`, no comma), nullopt after the last. Errors:
  // bytes that are not the layout above.
  tl::expected<std::optional<std::string_view>, std::string> next();

 private:
  FeedReader(std::string_view feed, std::size_t header_end)
      : feed_(feed), header_end_(header_end), at_(header_end + 1) {}
  std::string_view feed_;
  std::size_t header_end_;
  std::size_t at_;
  bool any_ = false;   // an entry was returned
  bool last_ = false;  // the entry returned had no comma
};

// One write of an in-place edit.
struct FeedWrite {
  std::size_t offset = 0;
  std::string bytes;
};

// The writes of an in-place edit: `removals` go in phase A (before the
// documents' files change), `additions` in phase C (after).
struct FeedEdit {
  std::vector<FeedWrite> removals;
  std::vector<FeedWrite> additions;
};

// Plans the in-place edit of `feed` that drops the entries whose self link
// is one of `remove_urls`, puts `additions` (rendered entries, newest
// first) before every remaining entry and replaces the header by `header`.
// `first_kept_url` is the self link of the entry changes.csv lists first
// once the removed ones are gone (empty: none is left); the caller makes
// sure every addition comes before it. nullopt when the edit is not
// possible in place (see above); the feed is then written whole.
std::optional<FeedEdit> plan_in_place(std::string_view feed, std::string_view header,
                                      const std::vector<std::string>& remove_urls,
                                      const std::vector<std::string>& additions, const std::string& first_kept_url);

// Applies `writes` to `text` in memory (tests, and the same arithmetic as
// the journal's write steps).
void apply_writes(std::string& text, const std::vector<FeedWrite>& writes);

}  // namespace lotse::provider
