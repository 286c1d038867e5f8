#include "provider/listings.hpp"

#include <algorithm>
#include <optional>

#include "csaf/date_time.hpp"

namespace lotse::provider {

namespace {

// Reads lines of a text from a cursor; `rest()` is what is left unread.
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}
  bool done() const { return at_ >= text_.size(); }
  // The next line without its '\n' (a last line without '\n' counts).
  std::string_view peek() const {
    const std::size_t end = text_.find('\n', at_);
    return text_.substr(at_, (end == std::string_view::npos ? text_.size() : end) - at_);
  }
  void next() {
    const std::size_t end = text_.find('\n', at_);
    at_ = end == std::string_view::npos ? text_.size() : end + 1;
  }
  std::string_view rest() const { return text_.substr(std::min(at_, text_.size())); }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
};

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

// Appends feed entries joined by ",\n".
struct FeedOut {
  std::string text;
  bool any = false;
  void entry(std::string_view line) {
    if (any) text += ",\n";
    text += line;
    any = true;
  }
};

tl::expected<std::string, std::string> splice_index(std::string_view old, const std::set<std::string>& remove,
                                                    std::vector<std::string_view> add) {
  std::sort(add.begin(), add.end());
  std::string out;
  out.reserve(old.size() + 64 * add.size());
  Lines lines(old);
  std::size_t removals = remove.size(), next = 0;
  while (!lines.done() && (removals > 0 || next < add.size())) {
    const std::string_view path = lines.peek();
    lines.next();
    if (remove.count(std::string(path))) {
      --removals;
      continue;
    }
    for (; next < add.size() && add[next] < path; ++next) (out += add[next]) += '\n';
    if (next < add.size() && add[next] == path) return tl::unexpected("index.txt already lists " + std::string(path));
    (out += path) += '\n';
  }
  for (; next < add.size(); ++next) (out += add[next]) += '\n';
  out += lines.rest();
  return out;
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

tl::expected<Listings, std::string> splice_listings(const Listings& old, const std::set<std::string>& remove,
                                                    std::vector<Addition> additions, const std::string& feed_header) {
  {
    std::vector<const Entry*> entries;
    for (const Addition& a : additions) entries.push_back(a.entry);
    entries = newest_first(entries);
    std::vector<Addition> sorted;
    sorted.reserve(additions.size());
    for (const Entry* e : entries) {
      auto it = std::find_if(additions.begin(), additions.end(), [&](const Addition& a) { return a.entry == e; });
      sorted.push_back(std::move(*it));
    }
    additions = std::move(sorted);
  }
  Listings out;
  std::vector<std::string_view> add_paths;
  for (const Addition& a : additions) add_paths.push_back(a.entry->path);
  auto index = splice_index(old.index_txt, remove, add_paths);
  if (!index) return tl::unexpected(index.error());
  out.index_txt = std::move(*index);

  // The feed's body: everything after the header line.
  std::string_view body;
  if (!old.feed.empty()) {
    const std::size_t header_end = old.feed.find('\n');
    if (header_end == std::string::npos || header_end < 9 || old.feed.compare(header_end - 9, 9, "\"entry\":[") != 0) {
      return tl::unexpected(std::string("the feed does not have the layout Lotse writes"));
    }
    body = std::string_view(old.feed).substr(header_end + 1);
  } else {
    body = "]}}\n";
  }
  FeedOut feed;
  feed.text.reserve(feed_header.size() + body.size() + 1024 * additions.size());
  feed.text += feed_header;
  feed.text += '\n';
  out.changes_csv.reserve(old.changes_csv.size() + 64 * additions.size());
  Lines changes(old.changes_csv), entries(body);
  std::size_t removals = remove.size(), next = 0;
  while (!changes.done() && (removals > 0 || next < additions.size())) {
    std::string_view path, date;
    const std::string_view line = changes.peek();
    if (!split_changes_line(line, path, date)) return tl::unexpected("changes.csv: bad line " + std::string(line));
    std::string_view entry = entries.peek();
    if (entries.done() || entry == "]}}") return tl::unexpected(std::string("the feed has fewer entries than changes.csv"));
    if (entry.back() == ',') entry.remove_suffix(1);
    if (entry.find("/" + std::string(path) + "\"") == std::string_view::npos) {
      return tl::unexpected("the feed's entry does not match changes.csv's line " + std::string(line));
    }
    changes.next();
    entries.next();
    if (remove.count(std::string(path))) {
      --removals;
      continue;
    }
    for (; next < additions.size() &&
           comes_first(additions[next].entry->current_release_date, additions[next].entry->path, date, path);
         ++next) {
      out.changes_csv += changes_line(*additions[next].entry);
      feed.entry(additions[next].feed_entry);
    }
    out.changes_csv += line;
    out.changes_csv += '\n';
    feed.entry(entry);
  }
  for (; next < additions.size(); ++next) {
    out.changes_csv += changes_line(*additions[next].entry);
    feed.entry(additions[next].feed_entry);
  }
  out.changes_csv += changes.rest();
  const std::string_view tail = entries.rest();
  if (tail.substr(0, 3) == "]}}") {
    if (!changes.rest().empty()) return tl::unexpected(std::string("changes.csv has more lines than the feed entries"));
    if (feed.any) feed.text += '\n';
  } else {
    if (changes.rest().empty()) return tl::unexpected(std::string("the feed has more entries than changes.csv"));
    if (feed.any) feed.text += ",\n";
  }
  feed.text += tail;
  out.feed = std::move(feed.text);
  return out;
}

}  // namespace lotse::provider
