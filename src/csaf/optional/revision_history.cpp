// Tests of /document/tracking against its revision history: 6.2.4 Build
// Metadata in Revision History, 6.2.5 Older Initial Release Date than
// Revision History, 6.2.6 Older Current Release Date than Revision History.
// Dates compare as instants (csaf/date_time.hpp): "2021-05-06T12:00:00+02:00"
// is the same moment as "2021-05-06T10:00:00Z". Items whose date is not a
// date-time are left out (the schema reports them).
#include <optional>
#include <string>

#include "csaf/date_time.hpp"
#include "csaf/optional/members.hpp"
#include "csaf/optional/optional_tests.hpp"
#include "csaf/text.hpp"
#include "json/pointer.hpp"

namespace lotse::csaf::optional {

namespace {

constexpr std::string_view kHistoryPointer = "/document/tracking/revision_history";

struct DatedItem {
  DateTime instant;
  std::string_view text;
  std::size_t index = 0;
};

// The oldest (or, with `newest`, the newest) revision history item with a
// valid date; nullopt when there is none. Ties go to the first written.
std::optional<DatedItem> extreme_revision(const json::Value& root, bool newest) {
  std::optional<DatedItem> best;
  std::span<const json::Value> items = items_of(tracking_member(root, "revision_history"));
  for (std::size_t i = 0; i < items.size(); ++i) {
    const json::Value* date = string_member(&items[i], "date");
    if (!date) continue;
    std::optional<DateTime> instant = parse_date_time(date->as_string());
    if (!instant) continue;
    if (!best || (newest ? *instant > best->instant : *instant < best->instant)) {
      best = DatedItem{*instant, date->as_string(), i};
    }
  }
  return best;
}

// 6.2.5 and 6.2.6: reports /document/tracking/<member> when its date is
// older than the oldest or newest revision; `label` names the member.
void check_release_date(TestContext& context, std::string_view member, bool newest,
                        std::string_view label) {
  const json::Value& root = context.root();
  const json::Value* date = tracking_member(root, member);
  if (!date || !date->is_string()) return;
  std::optional<DateTime> instant = parse_date_time(date->as_string());
  if (!instant) return;  // the schema reports it
  std::optional<DatedItem> revision = extreme_revision(root, newest);
  if (!revision || !(*instant < revision->instant)) return;
  std::string revision_pointer(kHistoryPointer);
  json::append_pointer_index(revision_pointer, revision->index);
  revision_pointer += "/date";
  context.report("/document/tracking/" + std::string(member),
                 std::string(label) + " " + quote_text(date->as_string()) + " is older than " +
                     quote_text(revision->text) + ", the date of the " + (newest ? "newest" : "oldest") +
                     " item in the revision history (" + revision_pointer + "); expected it at or after that date");
}

}  // namespace

// 6.2.4: build metadata ("+...") says nothing about precedence (SemVer 11),
// so it does not belong in the numbers of the revision history.
void build_metadata_in_revision_history(TestContext& context) {
  std::span<const json::Value> items = items_of(tracking_member(context.root(), "revision_history"));
  for (std::size_t i = 0; i < items.size(); ++i) {
    const json::Value* number = string_member(&items[i], "number");
    if (!number) continue;
    std::string_view text = number->as_string();
    const std::size_t plus = text.find('+');
    if (plus == std::string_view::npos) continue;
    std::string pointer(kHistoryPointer);
    json::append_pointer_index(pointer, i);
    pointer += "/number";
    context.report(std::move(pointer), "revision number " + quote_text(text) + " includes the build metadata " +
                                           quote_text(text.substr(plus)) +
                                           "; expected the version without build metadata, e.g. " +
                                           quote_text(text.substr(0, plus)));
  }
}

// 6.2.5: the document cannot have been released before its first revision.
void older_initial_release_date_than_revision_history(TestContext& context) {
  check_release_date(context, "initial_release_date", false, "initial release date");
}

// 6.2.6: the current release is at least as recent as the newest revision.
void older_current_release_date_than_revision_history(TestContext& context) {
  check_release_date(context, "current_release_date", true, "current release date");
}

}  // namespace lotse::csaf::optional
