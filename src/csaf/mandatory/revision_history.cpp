// The tests of /document/tracking/revision_history (CSAF 2.0 section 6.1):
// 6.1.14 Sorted Revision History, 6.1.16 Latest Document Version, 6.1.18
// Released Revision History, 6.1.19 Revision History Entries for
// Pre-release Versions, 6.1.21 Missing Item in Revision History, 6.1.22
// Multiple Definition in Revision History.
//
// The tests that order the history (6.1.14, 6.1.16, 6.1.21) sort the items by
// `date` as instants (offsets and fractions of any length count), then by
// `number` precedence, as CSAF 2.1 makes explicit for the same tests: items
// with the same timestamp are then in version order, so neither 6.1.14 nor
// 6.1.16 depends on the order they were written in.
#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "csaf/date_time.hpp"
#include "csaf/mandatory/mandatory_tests.hpp"
#include "csaf/text.hpp"
#include "csaf/version.hpp"
#include "json/pointer.hpp"
#include "util/string_map.hpp"

namespace lotse::csaf::mandatory {

namespace {

constexpr std::string_view kHistoryPointer = "/document/tracking/revision_history";

const json::Value* tracking_member(const json::Value& root, std::string_view key) {
  const json::Value* document = root.find("document");
  const json::Value* tracking = document ? document->find("tracking") : nullptr;
  return tracking ? tracking->find(key) : nullptr;
}

// /document/tracking/status when it is a string, else "".
std::string_view document_status(const json::Value& root) {
  const json::Value* status = tracking_member(root, "status");
  return status && status->is_string() ? status->as_string() : std::string_view{};
}

std::string item_pointer(std::size_t index, std::string_view member = {}) {
  std::string pointer(kHistoryPointer);
  json::append_pointer_index(pointer, index);
  if (!member.empty()) json::append_pointer_token(pointer, member);
  return pointer;
}

// The history items as an array (empty span when absent or not an array).
std::span<const json::Value> history_items(const json::Value& root) {
  const json::Value* history = tracking_member(root, "revision_history");
  return history && history->is_array() ? history->items() : std::span<const json::Value>{};
}

// The `number` of a history item when it is a string, else nullptr.
const json::Value* number_of(const json::Value& item) {
  const json::Value* number = item.find("number");
  return number && number->is_string() ? number : nullptr;
}

struct Revision {
  std::size_t index = 0;  // position in revision_history
  DateTime date;
  Version number;
  std::string_view date_text;
  std::string_view number_text;
};

// The history sorted by date, then number, then position; nullopt when it
// is empty or some item lacks a valid `date` or `number`: where such an item
// belongs would be a guess (and the schema reports it).
std::optional<std::vector<Revision>> sorted_history(const json::Value& root) {
  std::span<const json::Value> items = history_items(root);
  if (items.empty()) return std::nullopt;
  std::vector<Revision> revisions;
  revisions.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const json::Value* date = items[i].find("date");
    const json::Value* number = number_of(items[i]);
    if (!date || !date->is_string() || !number) return std::nullopt;
    std::optional<DateTime> instant = parse_date_time(date->as_string());
    std::optional<Version> version = parse_version(number->as_string());
    if (!instant || !version) return std::nullopt;
    revisions.push_back({i, *instant, *version, date->as_string(), number->as_string()});
  }
  std::sort(revisions.begin(), revisions.end(), [](const Revision& a, const Revision& b) {
    if (auto c = a.date <=> b.date; c != 0) return c < 0;
    if (auto c = compare_precedence(a.number, b.number); c != 0) return c < 0;
    return a.index < b.index;
  });
  return revisions;
}

// revision "2" (/document/tracking/revision_history/1, dated "2021-07-22T10:00:00Z")
std::string describe(const Revision& r) {
  return "revision " + quote_text(r.number_text) + " (" + item_pointer(r.index) + ", dated " +
         quote_text(r.date_text) + ")";
}

// The text compared by 6.1.16: without build metadata, and for drafts also
// without a pre-release part.
std::string_view comparable_version(std::string_view text, bool draft) {
  text = text.substr(0, text.find('+'));
  if (draft) text = text.substr(0, text.find('-'));
  return text;
}

// `digits` + 1, for decimal digit strings of any length.
std::string successor(std::string_view digits) {
  std::string next(digits);
  std::size_t i = next.size();
  while (i > 0 && next[i - 1] == '9') next[--i] = '0';
  if (i == 0) {
    next.insert(next.begin(), '1');
  } else {
    ++next[i - 1];
  }
  return next;
}

}  // namespace

// 6.1.14: an item dated later must not carry a lower number than any item
// dated before it.
void sorted_revision_history(TestContext& context) {
  std::optional<std::vector<Revision>> revisions = sorted_history(context.root());
  if (!revisions) return;
  const Revision* highest = nullptr;
  for (const Revision& r : *revisions) {
    if (highest && compare_precedence(r.number, highest->number) < 0) {
      context.report(item_pointer(r.index),
                     describe(r) + " is dated after " + describe(*highest) +
                         " but has a lower number; expected the numbers to ascend when the "
                         "items are sorted by date");
    }
    if (!highest || compare_precedence(r.number, highest->number) > 0) highest = &r;
  }
}

// 6.1.16: the document version is the number of the latest revision, ignoring
// build metadata, and for drafts also the pre-release part.
void latest_document_version(TestContext& context) {
  const json::Value* version = tracking_member(context.root(), "version");
  if (!version || !version->is_string()) return;
  std::optional<std::vector<Revision>> revisions = sorted_history(context.root());
  if (!revisions) return;
  const Revision& latest = revisions->back();
  const bool draft = document_status(context.root()) == "draft";
  if (comparable_version(version->as_string(), draft) ==
      comparable_version(latest.number_text, draft)) {
    return;
  }
  context.report("/document/tracking/version",
                 "document version " + quote_text(version->as_string()) +
                     " differs from the number of the latest " + describe(latest) +
                     "; expected " + quote_text(comparable_version(latest.number_text, draft)) +
                     (draft ? " (build metadata and, as the status is draft, a pre-release part "
                              "are ignored)"
                            : " (build metadata is ignored)"));
}

// 6.1.18: once the document is final or interim, no revision may be one of
// initial development (0 or 0.y.z).
void released_revision_history(TestContext& context) {
  const std::string_view status = document_status(context.root());
  if (status != "final" && status != "interim") return;
  std::span<const json::Value> items = history_items(context.root());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const json::Value* number = number_of(items[i]);
    if (!number) continue;
    std::optional<Version> version = parse_version(number->as_string());
    if (!version || !version->is_initial_development()) continue;
    context.report(item_pointer(i, "number"),
                   "revision number " + quote_text(number->as_string()) +
                       " is a version of initial development (0 or 0.y.z) but the document "
                       "status is " + quote_text(status) +
                       "; expected a final or interim document to list only released "
                       "versions (1 or 1.0.0 and later)");
  }
}

// 6.1.19: revisions record releases, so no number has a pre-release part.
void revision_history_entries_for_pre_release_versions(TestContext& context) {
  std::span<const json::Value> items = history_items(context.root());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const json::Value* number = number_of(items[i]);
    if (!number) continue;
    std::optional<Version> version = parse_version(number->as_string());
    if (!version || !version->has_pre_release()) continue;
    context.report(item_pointer(i, "number"),
                   "revision number " + quote_text(number->as_string()) +
                       " has the pre-release part " +
                       quote_text("-" + std::string(version->pre_release)) +
                       "; expected revision history items without pre-release information");
  }
}

// 6.1.21: sorted by date, the history starts at version 0 or 1 and skips no
// (major) version. Two kinds of gap are told apart, as CSAF 2.1 requires: a
// version that is nowhere in the history, and one that is only dated later.
void missing_item_in_revision_history(TestContext& context) {
  std::optional<std::vector<Revision>> revisions = sorted_history(context.root());
  if (!revisions) return;
  const bool semantic = revisions->front().number.scheme == VersioningScheme::semantic;
  const std::string kind = semantic ? "major version " : "version ";
  // The earliest revision of each major version.
  util::StringViewMap<const Revision*> first_with_major;
  for (const Revision& r : *revisions) first_with_major.try_emplace(r.number.major, &r);

  const Revision& first = revisions->front();
  if (first.number.major != "0" && first.number.major != "1") {
    auto later = first_with_major.find("1");
    if (later == first_with_major.end()) later = first_with_major.find("0");
    context.report(item_pointer(first.index),
                   "the earliest " + describe(first) + " has " + kind +
                       quote_text(first.number.major) + "; expected the history to start with " +
                       kind + "\"0\" or \"1\"" +
                       (later == first_with_major.end()
                            ? std::string(" (there is none)")
                            : " (the earliest one is " + describe(*later->second) + ")"));
  }
  std::string_view highest = first.number.major;
  std::string expected = successor(highest);  // updated with `highest` only: numbers may be long
  for (const Revision& r : *revisions) {
    if (compare_decimal(r.number.major, expected) > 0) {
      auto later = first_with_major.find(expected);
      context.report(item_pointer(r.index),
                     describe(r) + " follows " + kind + quote_text(highest) + " by date, but " +
                         kind + quote_text(expected) +
                         (later == first_with_major.end()
                              ? " is nowhere in the history"
                              : " appears only in the later " + describe(*later->second)) +
                         "; expected no version to be omitted when the items are sorted by date");
    }
    if (compare_decimal(r.number.major, highest) > 0) {
      highest = r.number.major;
      expected = successor(highest);
    }
  }
}

// 6.1.22: no two items have the same version number. Build metadata does not
// make a different version (it has no precedence), so "1.0.0+a" and
// "1.0.0+b" count as the same.
void multiple_definition_in_revision_history(TestContext& context) {
  std::span<const json::Value> items = history_items(context.root());
  util::StringViewMap<std::size_t> first_index;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const json::Value* number = number_of(items[i]);
    if (!number) continue;
    std::optional<Version> version = parse_version(number->as_string());
    std::string_view key = version ? version->without_build : number->as_string();
    auto [found, inserted] = first_index.try_emplace(key, i);
    if (inserted) continue;
    const json::Value* other = number_of(items[found->second]);
    context.report(item_pointer(i, "number"),
                   "revision number " + quote_text(number->as_string()) +
                       " is the same version as " + quote_text(other->as_string()) + " of " +
                       item_pointer(found->second) +
                       "; expected each item of the revision history to have its own version "
                       "number");
  }
}

}  // namespace lotse::csaf::mandatory
