#include "provider/feed.hpp"

#include <string.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>

#include "json/writer.hpp"

namespace lotse::provider {

namespace {

constexpr std::string_view kEntryOpen = "\"entry\":[";
constexpr std::string_view kClose = "]}}";
constexpr std::size_t kMinGap = 16 * 1024;
constexpr std::size_t kGapLine = 256;  // the gap is lines of 255 spaces

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// The first offset from `at` that is neither a space nor a newline (the
// gap is megabytes of spaces: eight bytes at a time where it can).
std::size_t skip_space(std::string_view text, std::size_t at) {
  constexpr std::uint64_t kSpaces = 0x2020202020202020ULL;
  while (at < text.size()) {
    if (text.size() - at >= 8) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + at, 8);
      if (word == kSpaces) {
        at += 8;
        continue;
      }
    }
    if (text[at] != ' ' && text[at] != '\n') return at;
    ++at;
  }
  return at;
}

// The self link as render_feed_entry writes it: unique to one entry.
std::string self_link(const std::string& url) {
  std::string out = "{\"rel\":\"self\",\"href\":";
  json::write_string(out, url);
  out += '}';
  return out;
}

bool in_one_page(std::size_t begin, std::size_t end) { return begin / kFeedPage == (end - 1) / kFeedPage; }

}  // namespace

std::string layout_feed(std::string_view header, const std::vector<std::string_view>& entries) {
  std::size_t total = 0;
  for (std::string_view e : entries) total += e.size() + 2;
  const std::size_t gap_lines = (std::max(kMinGap, total / 32) + kGapLine - 1) / kGapLine;
  std::string out;
  out.reserve(header.size() + 1 + gap_lines * kGapLine + total + kClose.size() + 1);
  out += header;
  out += '\n';
  for (std::size_t i = 0; i < gap_lines; ++i) {
    out.append(kGapLine - 1, ' ');
    out += '\n';
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    out += entries[i];
    out += i + 1 < entries.size() ? ",\n" : "\n";
  }
  out += kClose;
  out += '\n';
  return out;
}

tl::expected<FeedReader, std::string> FeedReader::open(std::string_view feed) {
  const std::size_t header_end = feed.find('\n');
  if (header_end == std::string_view::npos || !ends_with(feed.substr(0, header_end), kEntryOpen)) {
    return tl::unexpected(std::string("the feed does not have the layout Lotse writes"));
  }
  return FeedReader(feed, header_end);
}

tl::expected<std::optional<std::string_view>, std::string> FeedReader::next() {
  if (at_ > feed_.size()) return std::nullopt;  // `]}}` was read
  at_ = skip_space(feed_, at_);
  if (at_ >= feed_.size()) return tl::unexpected(std::string("the feed ends before its ]}}"));
  if (feed_[at_] == ']') {
    if (feed_.substr(at_, kClose.size()) != kClose || skip_space(feed_, at_ + kClose.size()) != feed_.size()) {
      return tl::unexpected(std::string("the feed has bytes after its ]}}"));
    }
    if (any_ && !last_) return tl::unexpected(std::string("the feed's last entry ends with a comma"));
    at_ = feed_.size() + 1;
    return std::nullopt;
  }
  if (last_) return tl::unexpected(std::string("a feed entry follows one without a comma"));
  const std::size_t end = feed_.find('\n', at_);
  if (feed_[at_] != '{' || end == std::string_view::npos) {
    return tl::unexpected(std::string("the feed has a line that is not an entry"));
  }
  std::string_view line = feed_.substr(at_, end - at_);
  last_ = line.back() != ',';
  if (!last_) line.remove_suffix(1);
  if (line.empty() || line.back() != '}') return tl::unexpected(std::string("the feed has a line that is not an entry"));
  any_ = true;
  at_ = end + 1;
  return line;
}

std::optional<FeedEdit> plan_in_place(std::string_view feed, std::string_view header,
                                      const std::vector<std::string>& remove_urls,
                                      const std::vector<std::string>& additions, const std::string& first_kept_url) {
  const std::size_t header_end = feed.find('\n');
  if (header_end == std::string_view::npos || header_end != header.size() || header_end >= kFeedPage ||
      !ends_with(feed.substr(0, header_end), kEntryOpen) || !ends_with(header, kEntryOpen)) {
    return std::nullopt;
  }
  std::size_t end = feed.size();
  while (end > header_end && feed[end - 1] == '\n') --end;
  if (end < header_end + 1 + kClose.size() + 1 || feed.substr(end - kClose.size(), kClose.size()) != kClose ||
      feed[end - kClose.size() - 1] != '\n') {
    return std::nullopt;
  }
  const std::size_t close = end - kClose.size();  // every entry line ends before it

  FeedEdit edit;
  std::vector<std::pair<std::size_t, std::size_t>> blanked;
  for (const std::string& url : remove_urls) {
    const std::string needle = self_link(url);
    const void* hit = ::memmem(feed.data() + header_end, close - header_end, needle.data(), needle.size());
    if (!hit) return std::nullopt;
    const auto at = static_cast<std::size_t>(static_cast<const char*>(hit) - feed.data());
    std::size_t begin = feed.rfind('\n', at) + 1;
    while (feed[begin] == ' ') ++begin;
    const std::size_t line_end = feed.find('\n', at);
    // Only `{...},` within one page: the last entry's removal would also
    // need the comma before it, so that feed is written whole.
    if (begin > at || feed[begin] != '{' || line_end - begin < 3 || feed[line_end - 1] != ',' ||
        feed[line_end - 2] != '}' || !in_one_page(begin, line_end)) {
      return std::nullopt;
    }
    edit.removals.push_back({begin, std::string(line_end - begin, ' ')});
    blanked.emplace_back(begin, line_end);
  }
  std::sort(blanked.begin(), blanked.end());

  // The first entry left, past the gap and the blanked entries.
  std::size_t first = header_end + 1;
  for (std::size_t b = 0;;) {
    first = skip_space(feed, first);
    while (b < blanked.size() && blanked[b].first < first) ++b;
    if (b == blanked.size() || blanked[b].first != first) break;
    first = blanked[b++].second;
  }
  const bool none_left = first == close;
  if (none_left != first_kept_url.empty()) return std::nullopt;
  if (!none_left) {
    if (feed[first] != '{') return std::nullopt;
    const std::string_view line = feed.substr(first, feed.find('\n', first) - first);
    if (line.find(self_link(first_kept_url)) == std::string_view::npos) return std::nullopt;
  }

  // The additions, oldest first, each as late in the gap as it fits in
  // one page: every write leaves the feed newest first.
  const std::size_t gap_start = header_end + 1;
  std::size_t limit = first;
  for (std::size_t i = additions.size(); i-- > 0;) {
    std::string unit = additions[i];
    if (!(none_left && i + 1 == additions.size())) unit += ',';
    unit += '\n';
    if (unit.size() > kFeedPage || limit - gap_start < unit.size()) return std::nullopt;
    std::size_t stop = limit;
    if (!in_one_page(stop - unit.size(), stop)) stop = (stop - 1) / kFeedPage * kFeedPage;
    if (stop - gap_start < unit.size()) return std::nullopt;
    limit = stop - unit.size();
    edit.additions.push_back({limit, std::move(unit)});
  }
  if (feed.substr(0, header_end) != header) edit.additions.push_back({0, std::string(header)});
  edit.additions.push_back({feed.size(), "\n"});
  return edit;
}

void apply_writes(std::string& text, const std::vector<FeedWrite>& writes) {
  for (const FeedWrite& w : writes) {
    if (text.size() < w.offset + w.bytes.size()) text.resize(w.offset + w.bytes.size(), '\0');
    text.replace(w.offset, w.bytes.size(), w.bytes);
  }
}

}  // namespace lotse::provider
