// index.txt, changes.csv and the ROLIE feed (requirements 12, 13, 15) spliced:
// the same texts whatever the order of additions, replaced entries moved to
// their place, inconsistent inputs refused.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "provider/listings.hpp"
#include "provider/rolie.hpp"

namespace lotse::provider {
namespace {

ProviderConfig config() {
  auto c = parse_config(R"({"canonical_url": "https://x.example/.well-known/csaf/provider-metadata.json",
    "publisher": {"category": "vendor", "name": "X", "namespace": "https://x.example"}, "role": "csaf_provider"})");
  if (!c) ADD_FAILURE() << c.error();
  return *c;
}

std::vector<Entry> three_entries() {
  std::vector<Entry> entries;
  auto add = [&](std::string name, std::string path, std::string current, std::string category) {
    Entry e;
    e.tracking_id = name;
    e.path = std::move(path);
    e.current_release_date = std::move(current);
    e.category = std::move(category);
    e.csaf_version = "2.0";
    entries.push_back(e);
  };
  add("a", "2019/a.json", "2020-07-01T12:00:00+02:00", "csaf_vex");  // 10:00Z
  add("b", "2018/b.json", "2020-07-01T10:09:01.5Z", "csaf_security_advisory");
  add("c", "2020/c.json", "2020-07-01T11:00:00Z", "csaf_vex");
  return entries;
}

std::vector<Addition> additions(const std::vector<Entry>& entries) {
  std::vector<Addition> out;
  for (const Entry& e : entries) out.push_back({&e, render_feed_entry(config(), "white", e)});
  return out;
}

Listings splice(const Listings& old, const std::set<std::string>& remove, const std::vector<Entry>& add) {
  auto spliced = splice_listings(old, remove, additions(add), render_feed_header(config(), "white", "T"));
  EXPECT_TRUE(spliced) << spliced.error();
  return spliced ? *spliced : Listings{};
}

// The ids of the feed's entries, in order (parsed by nlohmann, not Lotse).
std::vector<std::string> feed_ids(const std::string& feed) {
  std::vector<std::string> ids;
  const nlohmann::json parsed = nlohmann::json::parse(feed);
  for (const auto& e : parsed["feed"]["entry"]) ids.push_back(e["id"]);
  return ids;
}

TEST(Listings, IndexTxtListsEveryPathSortedOnePerLine) {
  EXPECT_EQ(splice({}, {}, three_entries()).index_txt, "2018/b.json\n2019/a.json\n2020/c.json\n");
}

TEST(Listings, ChangesCsvIsNewestFirstByInstantNotByText) {
  // As text "2020-07-01T12:00:00+02:00" would sort first; as an instant it
  // is 10:00Z, the oldest.
  const Listings l = splice({}, {}, three_entries());
  EXPECT_EQ(l.changes_csv,
            "\"2020/c.json\",\"2020-07-01T11:00:00Z\"\n"
            "\"2018/b.json\",\"2020-07-01T10:09:01.5Z\"\n"
            "\"2019/a.json\",\"2020-07-01T12:00:00+02:00\"\n");
  EXPECT_EQ(feed_ids(l.feed), (std::vector<std::string>{"c", "b", "a"}));
}

TEST(Listings, EqualTimesAreOrderedByPath) {
  auto entries = three_entries();
  entries[0].current_release_date = "2020-07-01T11:00:00Z";
  EXPECT_EQ(splice({}, {}, entries).changes_csv.substr(0, 40), "\"2019/a.json\",\"2020-07-01T11:00:00Z\"\n\"20");
}

TEST(Listings, SplicingOneByOneGivesTheSameTextsAsAllAtOnce) {
  const auto entries = three_entries();
  const Listings all = splice({}, {}, entries);
  Listings one_by_one;
  for (const Entry& e : {entries[1], entries[2], entries[0]}) one_by_one = splice(one_by_one, {}, {e});
  EXPECT_EQ(one_by_one.index_txt, all.index_txt);
  EXPECT_EQ(one_by_one.changes_csv, all.changes_csv);
  EXPECT_EQ(one_by_one.feed, all.feed);
}

TEST(Listings, ReplacingAnEntryRemovesItsLinesAndInsertsTheNewOnesAtTheirPlace) {
  const auto entries = three_entries();
  const Listings old = splice({}, {}, entries);
  Entry newer = entries[1];  // b, 10:09Z -> the newest
  newer.current_release_date = "2021-01-01T00:00:00Z";
  newer.title = "new title";
  const Listings without = splice(old, {"2018/b.json"}, {});
  EXPECT_EQ(without.index_txt, "2019/a.json\n2020/c.json\n");
  EXPECT_EQ(feed_ids(without.feed), (std::vector<std::string>{"c", "a"}));
  const Listings with = splice(without, {}, {newer});
  EXPECT_EQ(with.index_txt, old.index_txt);
  EXPECT_EQ(with.changes_csv.substr(0, with.changes_csv.find('\n')), "\"2018/b.json\",\"2021-01-01T00:00:00Z\"");
  EXPECT_EQ(feed_ids(with.feed), (std::vector<std::string>{"b", "c", "a"}));
  EXPECT_EQ(nlohmann::json::parse(with.feed)["feed"]["entry"][0]["title"], "new title");
  // Removing every entry leaves valid empty listings.
  const Listings empty = splice(old, {"2018/b.json", "2019/a.json", "2020/c.json"}, {});
  EXPECT_EQ(empty.index_txt, "");
  EXPECT_EQ(empty.changes_csv, "");
  EXPECT_TRUE(nlohmann::json::parse(empty.feed)["feed"]["entry"].empty());
}

TEST(Listings, FeedAndChangesCsvThatDisagreeAreAnErrorNotAGuess) {
  const Listings old = splice({}, {}, three_entries());
  Listings short_feed = old;
  short_feed.changes_csv += "\"2017/d.json\",\"2000-01-01T00:00:00Z\"\n";
  EXPECT_FALSE(splice_listings(short_feed, {"2017/d.json"}, {}, "{\"entry\":["));
  Listings swapped = old;
  swapped.changes_csv = "\"2018/b.json\",\"2020-07-01T10:09:01.5Z\"\n\"2020/c.json\",\"2020-07-01T11:00:00Z\"\n" +
                        old.changes_csv.substr(old.changes_csv.find("\"2019"));
  EXPECT_FALSE(splice_listings(swapped, {"2019/a.json"}, {}, "{\"entry\":["));
  Listings not_a_feed = old;
  not_a_feed.feed = "{}";
  EXPECT_FALSE(splice_listings(not_a_feed, {}, {}, "{\"entry\":["));
}

TEST(Listings, SplicesAreSlicesOfTheOldTextsNotCopies) {
  std::string index, changes;
  std::vector<Entry> old(1000);
  for (int i = 0; i < 1000; ++i) {
    char path[32], date[32];
    std::snprintf(path, sizeof path, "2020/d%04d.json", i);
    std::snprintf(date, sizeof date, "2020-01-01T00:%02d:%02dZ", (999 - i) / 60, (999 - i) % 60);
    index += std::string(path) + "\n";
    changes += "\"" + std::string(path) + "\",\"" + date + "\"\n";
  }
  Entry newest;
  newest.path = "2020/d0500x.json";
  newest.current_release_date = "2021-01-01T00:00:00Z";
  std::vector<Addition> add = {{&newest, ""}};
  auto c = splice_changes(changes, {}, add);
  ASSERT_TRUE(c) << c.error();
  ASSERT_EQ(c->text.parts.size(), 2u);
  EXPECT_EQ(c->text.parts[0], "\"2020/d0500x.json\",\"2021-01-01T00:00:00Z\"\n");
  EXPECT_EQ(c->text.parts[1].data(), changes.data());
  EXPECT_EQ(c->text.parts[1].size(), changes.size());
  EXPECT_EQ(c->first_kept, "2020/d0000.json");
  EXPECT_TRUE(c->additions_first);
  auto i = splice_index(index, {"2020/d0700.json"}, {newest.path});
  ASSERT_TRUE(i) << i.error();
  ASSERT_EQ(i->parts.size(), 4u);  // before, the new line, between, after the removed line
  EXPECT_EQ(i->parts[0].data(), index.data());
  EXPECT_EQ(i->parts[1], "2020/d0500x.json\n");
  EXPECT_EQ(i->parts[3].data() + i->parts[3].size(), index.data() + index.size());
  EXPECT_EQ(i->joined().size(), index.size() + 17 - 16);
  // An addition older than the newest listed line is not "first".
  newest.current_release_date = "2020-01-01T00:00:30Z";
  auto late = splice_changes(changes, {"2020/d0000.json"}, add);
  ASSERT_TRUE(late);
  EXPECT_EQ(late->first_kept, "2020/d0001.json");
  EXPECT_FALSE(late->additions_first);
}

TEST(Listings, CategoryDocumentListsEachDocumentCategoryOnce) {
  EXPECT_EQ(render_category({{"csaf_security_advisory", 1}, {"csaf_vex", 2}}),
            "{\"categories\":{\"category\":[{\"term\":\"csaf_security_advisory\"},{\"term\":\"csaf_vex\"}]}}\n");
}

}  // namespace
}  // namespace lotse::provider
