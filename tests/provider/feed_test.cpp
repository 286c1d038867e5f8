// The feed's layout and its edits in place (feed.hpp): every write inside
// one page, every prefix of the writes a valid feed (what a kill -9 can
// leave), the result the same entries as a feed written whole, and the
// cases that must fall back to writing it whole.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

#include "provider/feed.hpp"
#include "provider/listings.hpp"
#include "provider/rolie.hpp"

namespace lotse::provider {
namespace {

constexpr const char* kHeaderA = R"({"feed":{"id":"f","updated":"2024-01-01T00:00:00.000Z","entry":[)";
constexpr const char* kHeaderB = R"({"feed":{"id":"f","updated":"2025-02-03T04:05:06.789Z","entry":[)";

std::string url(int n) { return "https://x.example/.well-known/csaf/white/2024/d" + std::to_string(n) + ".json"; }

// An entry shaped like render_feed_entry's, `pad` bytes of title.
std::string entry(int n, std::size_t pad = 700) {
  return R"({"id":"D-)" + std::to_string(n) + R"(","title":")" + std::string(pad, 't') +
         R"(","link":[{"rel":"self","href":")" + url(n) + R"("}]})";
}

// The ids of a feed's entries, in order, parsed by nlohmann (not Lotse).
std::vector<std::string> ids(const std::string& feed) {
  std::vector<std::string> out;
  const nlohmann::json parsed = nlohmann::json::parse(feed);
  for (const auto& e : parsed["feed"]["entry"]) out.push_back(e["id"]);
  return out;
}

std::string feed_of(const std::vector<int>& newest_first, std::size_t pad = 700) {
  std::vector<std::string> entries;
  for (int n : newest_first) entries.push_back(entry(n, pad));
  return layout_feed(kHeaderA, std::vector<std::string_view>(entries.begin(), entries.end()));
}

// Applies `writes` one at a time; after each the feed must parse and its
// ids must be a subsequence-compatible state (checked by `check`).
void apply_checked(std::string& feed, const std::vector<FeedWrite>& writes) {
  for (const FeedWrite& w : writes) {
    ASSERT_LE(w.bytes.size(), kFeedPage);
    if (!w.bytes.empty()) {
      EXPECT_EQ(w.offset / kFeedPage, (w.offset + w.bytes.size() - 1) / kFeedPage) << "write crosses a page";
    }
    apply_writes(feed, {w});
    EXPECT_TRUE(nlohmann::json::accept(feed)) << "invalid after the write at " << w.offset;
  }
}

TEST(Feed, LayoutHasTheHeaderLineAGapAndOneEntryPerLine) {
  const std::string feed = feed_of({3, 2, 1});
  EXPECT_EQ(ids(feed), (std::vector<std::string>{"D-3", "D-2", "D-1"}));
  EXPECT_EQ(feed.substr(0, feed.find('\n')), kHeaderA);
  EXPECT_GE(feed.size(), 16u * 1024);
  auto reader = FeedReader::open(feed);
  ASSERT_TRUE(reader);
  for (int n : {3, 2, 1}) {
    auto e = reader->next();
    ASSERT_TRUE(e && *e);
    EXPECT_EQ(**e, entry(n));
  }
  auto end = reader->next();
  ASSERT_TRUE(end);
  EXPECT_FALSE(*end);
  EXPECT_EQ(ids(layout_feed(kHeaderA, {})), std::vector<std::string>{});
}

TEST(Feed, ReaderRefusesWhatIsNotTheLayout) {
  for (std::string bad : {std::string("{}"), std::string(kHeaderA) + "\n{\"a\":1},\n]}}\n",
                          std::string(kHeaderA) + "\n{\"a\":1}\n{\"b\":2}\n]}}\n",
                          std::string(kHeaderA) + "\n{\"a\":1}\n]}}x\n", std::string(kHeaderA) + "\nnull\n]}}\n",
                          std::string(kHeaderA) + "\n{\"a\":1}\n"}) {
    auto reader = FeedReader::open(bad);
    bool failed = !reader;
    for (int i = 0; reader && i < 4 && !failed; ++i) {
      auto e = reader->next();
      if (!e) failed = true;
      else if (!*e) break;
    }
    EXPECT_TRUE(failed) << bad;
  }
}

TEST(Feed, AddingTheNewestWritesInsideOnePageAndEveryPrefixIsAValidFeed) {
  std::string feed = feed_of({3, 2, 1});
  const std::size_t size = feed.size();
  auto edit = plan_in_place(feed, kHeaderB, {}, {entry(5), entry(4)}, url(3));
  ASSERT_TRUE(edit);
  EXPECT_TRUE(edit->removals.empty());
  apply_checked(feed, edit->additions);
  EXPECT_EQ(ids(feed), (std::vector<std::string>{"D-5", "D-4", "D-3", "D-2", "D-1"}));
  EXPECT_EQ(feed.substr(0, feed.find('\n')), kHeaderB);
  EXPECT_EQ(feed.size(), size + 1);  // one newline more: the size changes with every run
  // A reader of the edited feed finds the same entries as in a feed laid out whole.
  auto reader = FeedReader::open(feed);
  ASSERT_TRUE(reader);
  for (int n : {5, 4, 3, 2, 1}) {
    auto e = reader->next();
    ASSERT_TRUE(e && *e) << n;
    EXPECT_EQ(**e, entry(n));
  }
}

TEST(Feed, RemovingAnEntryBlanksItAndItsCommaInPhaseA) {
  std::string feed = feed_of({3, 2, 1});
  auto edit = plan_in_place(feed, kHeaderA, {url(3), url(2)}, {entry(2)}, url(1));
  ASSERT_TRUE(edit);
  ASSERT_EQ(edit->removals.size(), 2u);
  apply_checked(feed, edit->removals);
  EXPECT_EQ(ids(feed), std::vector<std::string>{"D-1"});
  apply_checked(feed, edit->additions);
  EXPECT_EQ(ids(feed), (std::vector<std::string>{"D-2", "D-1"}));
  // Into a feed left without entries the new one comes without a comma.
  std::string one = feed_of({1});
  EXPECT_FALSE(plan_in_place(one, kHeaderA, {url(1)}, {entry(1)}, ""));  // the last entry: written whole
  std::string none = layout_feed(kHeaderA, {});
  edit = plan_in_place(none, kHeaderA, {}, {entry(7)}, "");
  ASSERT_TRUE(edit);
  apply_checked(none, edit->additions);
  EXPECT_EQ(ids(none), std::vector<std::string>{"D-7"});
}

TEST(Feed, WhatCannotBeDoneInPlaceIsRefusedForAWholeRewrite) {
  const std::string feed = feed_of({3, 2, 1});
  EXPECT_FALSE(plan_in_place(feed, R"({"feed":{"id":"longer","entry":[)", {}, {entry(4)}, url(3)));  // header length
  EXPECT_FALSE(plan_in_place(feed, kHeaderA, {}, {entry(4)}, url(2)));   // changes.csv disagrees
  EXPECT_FALSE(plan_in_place(feed, kHeaderA, {}, {entry(4)}, ""));       // claims no entry is left
  EXPECT_FALSE(plan_in_place(feed, kHeaderA, {url(9)}, {}, url(3)));     // not listed
  EXPECT_FALSE(plan_in_place(feed, kHeaderA, {}, {entry(4, 5000)}, url(3)));  // more than a page
  // A feed in the layout of an older Lotse (no gap) is valid but full.
  const std::string old = std::string(kHeaderA) + "\n" + entry(1) + "\n]}}\n";
  EXPECT_FALSE(plan_in_place(old, kHeaderA, {}, {entry(2)}, url(1)));
  // An entry that spans two pages is not blanked in place.
  const std::string many = feed_of({20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10});
  int spanning = 0, contained = 0;
  for (int n = 11; n <= 20; ++n) {
    const std::size_t at = many.find(entry(n));
    const bool spans = at / kFeedPage != (at + entry(n).size()) / kFeedPage;  // with its comma
    auto edit = plan_in_place(many, kHeaderA, {url(n)}, {}, url(n == 20 ? 19 : 20));
    EXPECT_EQ(!edit, spans) << n;
    (spans ? spanning : contained) += 1;
  }
  EXPECT_GT(spanning, 0);
  EXPECT_GT(contained, 0);
}

TEST(Feed, TheGapFillsThenTheFeedIsWrittenWholeWithAFreshOne) {
  std::string feed = feed_of({0});
  int in_place = 0, n = 1;
  for (; n < 200; ++n) {
    auto edit = plan_in_place(feed, kHeaderA, {}, {entry(n)}, url(n - 1));
    if (!edit) break;
    apply_checked(feed, edit->additions);
    ++in_place;
  }
  EXPECT_GE(in_place, 16);  // 16 KiB at least, ~750 bytes per entry
  EXPECT_LT(n, 200);
  // The whole rewrite (what the publisher does then) has room again.
  std::vector<std::string> entries;
  for (int k = n - 1; k >= 0; --k) entries.push_back(entry(k));
  EXPECT_EQ(ids(feed).size(), entries.size());
  const std::string rewritten = layout_feed(kHeaderA, std::vector<std::string_view>(entries.begin(), entries.end()));
  EXPECT_EQ(ids(rewritten), ids(feed));
  EXPECT_TRUE(plan_in_place(rewritten, kHeaderA, {}, {entry(n)}, url(n - 1)));
}

// Random runs of additions and replacements, in place where possible and
// whole otherwise, give the feed splice_feed writes whole from scratch.
TEST(Feed, InPlaceAndWholeRewritesAgreeOverRandomRuns) {
  std::mt19937 random(7);
  std::vector<int> listed;  // newest first
  std::string feed = feed_of({});
  int next = 0, in_place = 0, whole = 0;
  for (int run = 0; run < 120; ++run) {
    std::vector<std::string> remove, add;
    std::vector<int> added;
    if (!listed.empty() && random() % 3 == 0) {
      const int victim = listed[random() % listed.size()];
      remove.push_back(url(victim));
      listed.erase(std::find(listed.begin(), listed.end(), victim));
      added.push_back(victim);  // its new version is the newest
    }
    for (int k = static_cast<int>(random() % 3); k > 0; --k) added.insert(added.begin(), next++);
    for (int a : added) add.push_back(entry(a, 200 + random() % 900));
    const std::string first_kept = listed.empty() ? "" : url(listed.front());
    auto edit = plan_in_place(feed, kHeaderA, remove, add, first_kept);
    listed.insert(listed.begin(), added.begin(), added.end());
    std::vector<std::string> want;
    for (int n : listed) want.push_back("D-" + std::to_string(n));
    if (edit) {
      apply_checked(feed, edit->removals);
      apply_checked(feed, edit->additions);
      ++in_place;
    } else {
      std::vector<std::string> entries;
      auto reader = FeedReader::open(feed);
      ASSERT_TRUE(reader);
      for (;;) {
        auto e = reader->next();
        ASSERT_TRUE(e) << e.error();
        if (!*e) break;
        bool removed = false;
        for (const std::string& u : remove) removed |= (*e)->find(u) != std::string_view::npos;
        if (!removed) entries.emplace_back(**e);
      }
      entries.insert(entries.begin(), add.begin(), add.end());
      feed = layout_feed(kHeaderA, std::vector<std::string_view>(entries.begin(), entries.end()));
      ++whole;
    }
    ASSERT_EQ(ids(feed), want) << "run " << run;
  }
  EXPECT_GT(in_place, 60);
  EXPECT_GT(whole, 0);
}

}  // namespace
}  // namespace lotse::provider
