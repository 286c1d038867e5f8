#include "provider/listings.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "csaf/date_time.hpp"
#include "provider/feed.hpp"

namespace lotse::provider {

namespace {

// Reads lines of a text from a cursor.
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}
  bool done() const { return at_ >= text_.size(); }
  // The next line with its '\n' (a last line without one counts).
  std::string_view line() const {
    const std::size_t end = text_.find('\n', at_);
    return text_.substr(at_, (end == std::string_view::npos ? text_.size() : end + 1) - at_);
  }
  void next() { at_ += line().size(); }
  std::string_view rest() const { return text_.substr(std::min(at_, text_.size())); }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
};

std::string_view without_newline(std::string_view line) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  return line;
}

// The path and date of a changes.csv line "\"path\",\"date\"".
bool split_changes_line(std::string_view line, std::string_view& path, std::string_view& date) {
  if (line.size() < 5 || line.front() != '"' || line.back() != '"') return false;
  const std::size_t sep = line.find("\",\"");
  if (sep == std::string_view::npos) return false;
  path = line.substr(1, sep - 1);
  date = line.substr(sep + 3, line.size() - sep - 4);
  return true;
}

std::string changes_line(const Entry& e) { return "\"" + e.path + "\",\"" + e.current_release_date + "\"\n"; }

// Builds a Spliced: kept old lines merge into one slice while they are
// adjacent in the old text.
class Builder {
 public:
  void keep(std::string_view line) {
    if (line.empty()) return;
    std::vector<std::string_view>& parts = out_.parts;
    if (!parts.empty() && kept_last_ && parts.back().data() + parts.back().size() == line.data()) {
      parts.back() = std::string_view(parts.back().data(), parts.back().size() + line.size());
    } else {
      parts.push_back(line);
    }
    kept_last_ = true;
    ends_line_ = line.back() == '\n';
  }
  void add(std::string line) {
    if (!ends_line_) add_raw("\n");
    add_raw(std::move(line));
  }
  Spliced take() { return std::move(out_); }

 private:
  void add_raw(std::string text) {
    out_.parts.push_back(out_.owned.emplace_back(std::move(text)));
    kept_last_ = false;
    ends_line_ = true;
  }
  Spliced out_;
  bool kept_last_ = false;
  bool ends_line_ = true;
};

// The offset of the first line of `text` (sorted, one path per line) that
// is not less than `path`; text.size() when there is none. Binary search:
// adding to index.txt looks at a few of its pages, not all.
std::size_t lower_bound_line(std::string_view text, std::string_view path) {
  std::size_t lo = 0, hi = text.size();  // both line starts (or the end)
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    std::size_t start = mid == 0 ? 0 : text.find('\n', mid - 1);
    start = start == std::string_view::npos ? text.size() : (mid == 0 ? 0 : start + 1);
    if (start >= hi) start = lo;
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (text.substr(start, end - start) < path) {
      lo = std::min(end + 1, text.size());
    } else {
      hi = start;
    }
  }
  return lo;
}

bool removes(const std::set<std::string>& remove, std::size_t& pending, std::string_view path) {
  if (pending == 0 || !remove.count(std::string(path))) return false;
  --pending;
  return true;
}

}  // namespace

bool comes_first(std::string_view date_a, std::string_view path_a, std::string_view date_b, std::string_view path_b) {
  const std::optional<csaf::DateTime> a = csaf::parse_date_time(date_a);
  const std::optional<csaf::DateTime> b = csaf::parse_date_time(date_b);
  if (a != b) return a > b;  // nullopt (never stored) sorts last
  return path_a < path_b;
}

std::vector<const Entry*> newest_first(const std::vector<const Entry*>& entries) {
  struct Keyed {
    std::optional<csaf::DateTime> when;
    const Entry* entry;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(entries.size());
  for (const Entry* e : entries) keyed.push_back({csaf::parse_date_time(e->current_release_date), e});
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    if (a.when != b.when) return a.when > b.when;
    return a.entry->path < b.entry->path;
  });
  std::vector<const Entry*> out;
  out.reserve(keyed.size());
  for (const Keyed& k : keyed) out.push_back(k.entry);
  return out;
}

std::string Spliced::joined() const {
  std::string out;
  for (std::string_view p : parts) out += p;
  return out;
}

void sort_newest_first(std::vector<Addition>& additions) {
  std::vector<const Entry*> entries;
  std::map<const Entry*, std::size_t> at;  // not a search per entry: initial runs add 100,000
  for (std::size_t i = 0; i < additions.size(); ++i) {
    entries.push_back(additions[i].entry);
    at[additions[i].entry] = i;
  }
  std::vector<Addition> sorted;
  sorted.reserve(additions.size());
  for (const Entry* e : newest_first(entries)) sorted.push_back(std::move(additions[at[e]]));
  additions = std::move(sorted);
}

tl::expected<Spliced, std::string> splice_index(std::string_view old, const std::set<std::string>& remove,
                                                std::vector<std::string_view> add) {
  std::sort(add.begin(), add.end());
  // Each change found by binary search: inserting `add[index]` before the
  // line at `at`, or dropping `length` bytes there (a removed line).
  struct Edit {
    std::size_t at, index, length;
    bool insert;
  };
  std::vector<Edit> edits;
  for (const std::string& path : remove) {
    const std::size_t at = lower_bound_line(old, path);
    const std::string_view line = Lines(old.substr(at)).line();
    if (without_newline(line) == path) edits.push_back({at, 0, line.size(), false});
  }
  for (std::size_t i = 0; i < add.size(); ++i) {
    const std::size_t at = lower_bound_line(old, add[i]);
    if (without_newline(Lines(old.substr(at)).line()) == add[i] && !remove.count(std::string(add[i]))) {
      return tl::unexpected("index.txt already lists " + std::string(add[i]));
    }
    edits.push_back({at, i, 0, true});
  }
  std::stable_sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
    return a.at != b.at ? a.at < b.at : a.insert > b.insert;  // insertions before the line they precede
  });
  Builder out;
  std::size_t from = 0;
  for (const Edit& e : edits) {
    out.keep(old.substr(from, e.at - from));
    from = e.insert ? e.at : e.at + e.length;
    if (e.insert) out.add(std::string(add[e.index]) + '\n');
  }
  out.keep(old.substr(from));
  return out.take();
}

tl::expected<SplicedChanges, std::string> splice_changes(std::string_view old, const std::set<std::string>& remove,
                                                         const std::vector<Addition>& additions) {
  SplicedChanges result;
  Builder out;
  Lines lines(old);
  std::size_t removals = remove.size(), next = 0;
  bool kept_any = false;
  for (; !lines.done() && (removals > 0 || next < additions.size() || !kept_any); lines.next()) {
    const std::string_view line = lines.line();
    std::string_view path, date;
    if (!split_changes_line(without_newline(line), path, date)) {
      return tl::unexpected("changes.csv: bad line " + std::string(without_newline(line)));
    }
    if (removes(remove, removals, path)) continue;
    for (; next < additions.size() &&
           comes_first(additions[next].entry->current_release_date, additions[next].entry->path, date, path);
         ++next) {
      out.add(changes_line(*additions[next].entry));
    }
    if (!kept_any) {
      kept_any = true;
      result.first_kept = std::string(path);
      result.additions_first = next == additions.size();
    }
    out.keep(line);
  }
  out.keep(lines.rest());
  for (; next < additions.size(); ++next) out.add(changes_line(*additions[next].entry));
  result.text = out.take();
  return result;
}

tl::expected<std::string, std::string> splice_feed(std::string_view old_feed, std::string_view old_changes,
                                                   const std::set<std::string>& remove,
                                                   const std::vector<Addition>& additions,
                                                   const std::string& feed_header) {
  std::optional<FeedReader> reader;
  if (!old_feed.empty()) {
    auto opened = FeedReader::open(old_feed);
    if (!opened) return tl::unexpected(opened.error());
    reader = std::move(*opened);
  }
  std::vector<std::string_view> entries;
  std::size_t removals = remove.size(), next = 0;
  for (Lines changes(old_changes); !changes.done(); changes.next()) {
    std::string_view path, date;
    const std::string_view line = without_newline(changes.line());
    if (!split_changes_line(line, path, date)) return tl::unexpected("changes.csv: bad line " + std::string(line));
    tl::expected<std::optional<std::string_view>, std::string> entry = std::nullopt;
    if (reader) entry = reader->next();
    if (!entry) return tl::unexpected(entry.error());
    if (!*entry) return tl::unexpected(std::string("the feed has fewer entries than changes.csv"));
    if ((*entry)->find("/" + std::string(path) + "\"") == std::string_view::npos) {
      return tl::unexpected("the feed's entry does not match changes.csv's line " + std::string(line));
    }
    if (removes(remove, removals, path)) continue;
    for (; next < additions.size() &&
           comes_first(additions[next].entry->current_release_date, additions[next].entry->path, date, path);
         ++next) {
      entries.push_back(additions[next].feed_entry);
    }
    entries.push_back(**entry);
  }
  if (reader) {
    auto entry = reader->next();
    if (!entry) return tl::unexpected(entry.error());
    if (*entry) return tl::unexpected(std::string("the feed has more entries than changes.csv"));
  }
  for (; next < additions.size(); ++next) entries.push_back(additions[next].feed_entry);
  return layout_feed(feed_header, entries);
}

tl::expected<Listings, std::string> splice_listings(const Listings& old, const std::set<std::string>& remove,
                                                    std::vector<Addition> additions, const std::string& feed_header) {
  sort_newest_first(additions);
  std::vector<std::string_view> paths;
  for (const Addition& a : additions) paths.push_back(a.entry->path);
  auto index = splice_index(old.index_txt, remove, paths);
  if (!index) return tl::unexpected(index.error());
  auto changes = splice_changes(old.changes_csv, remove, additions);
  if (!changes) return tl::unexpected(changes.error());
  auto feed = splice_feed(old.feed, old.changes_csv, remove, additions, feed_header);
  if (!feed) return tl::unexpected(feed.error());
  return Listings{index->joined(), changes->text.joined(), std::move(*feed)};
}

}  // namespace lotse::provider
