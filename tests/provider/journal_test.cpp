// The journal and the lock: a journal left by a killed run is carried out
// by the next run before anything else (each step idempotent, so a journal
// half carried out completes), files staged without a journal are dropped,
// a second run on a locked tree fails at once.
#include <gtest/gtest.h>

#include "openpgp/gpg.hpp"
#include "provider/journal.hpp"
#include "provider/state.hpp"
#include "util/file.hpp"

namespace lotse::provider {
namespace {

namespace fs = std::filesystem;
using lotse::testing::slurp;
using lotse::testing::TempDir;
using lotse::testing::write_bytes;

TEST(PublishJournal, StepsRoundTripAndPathsOutsideTheTreeAreRefused) {
  Journal j;
  j.steps = {{Step::Kind::rename, ".lotse/staging/0", ".well-known/csaf/white/index.txt"},
             {Step::Kind::remove, "", ".well-known/csaf/white/2020/x.json"},
             {Step::Kind::write, "", ".well-known/csaf/white/feed.json", 123456789012, "{\"id\":\"a\\\"b\"},\n"}};
  auto parsed = parse_journal(serialize_journal(j));
  ASSERT_TRUE(parsed) << parsed.error();
  EXPECT_EQ(serialize_journal(*parsed), serialize_journal(j));
  EXPECT_FALSE(parse_journal("{\"format\":1,\"steps\":[[\"remove\",\"../etc/passwd\"]]}"));
  EXPECT_FALSE(parse_journal("{\"format\":1,\"steps\":[[\"remove\",\"/etc/passwd\"]]}"));
  EXPECT_FALSE(parse_journal("{\"format\":1,\"steps\":[[\"copy\",\"a\",\"b\"]]}"));
  ASSERT_EQ(parsed->steps.size(), 3u);
  EXPECT_EQ(parsed->steps[2].offset, 123456789012u);
  EXPECT_EQ(parsed->steps[2].bytes, "{\"id\":\"a\\\"b\"},\n");
  for (const char* bad : {"[\"write\",\"a\",-1,\"x\"]", "[\"write\",\"a\",1.5,\"x\"]", "[\"write\",\"a\",1]",
                          "[\"write\",\"a\",\"1\",\"x\"]", "[\"write\",\"../a\",1,\"x\"]"}) {
    EXPECT_FALSE(parse_journal(std::string("{\"format\":1,\"steps\":[") + bad + "]}")) << bad;
  }
}

TEST(PublishJournal, WriteStepsAreRedoneOnReplayAndSkipAFileALaterStepRemoved) {
  TempDir dir;
  const std::string tree = (dir.path() / "tree").string();
  auto lock = TreeLock::acquire(tree);
  ASSERT_TRUE(lock) << lock.error();
  ASSERT_TRUE(clear_staging(tree));
  fs::create_directories(fs::path(tree) / "served");
  write_bytes(fs::path(tree) / "served/feed.json", "[          ]\n");
  write_bytes(fs::path(tree) / "served/gone.json", "x");
  Journal j;
  j.steps = {{Step::Kind::write, "", "served/feed.json", 6, "1,"},
             {Step::Kind::write, "", "served/feed.json", 8, "2"},
             {Step::Kind::write, "", "served/feed.json", 13, "\n"},
             {Step::Kind::write, "", "served/gone.json", 0, "y"},
             {Step::Kind::remove, "", "served/gone.json"}};
  ASSERT_TRUE(commit_journal(tree, j));
  // The killed run wrote the first two steps already, the rest not.
  write_bytes(fs::path(tree) / "served/feed.json", "[     1,2  ]\n");
  for (int replay = 0; replay < 2; ++replay) {
    ASSERT_TRUE(apply_journal(tree, j));
    EXPECT_EQ(slurp(fs::path(tree) / "served/feed.json"), "[     1,2  ]\n\n");
    EXPECT_FALSE(fs::exists(fs::path(tree) / "served/gone.json"));
  }
}

TEST(PublishJournal, AJournalHalfCarriedOutIsCompletedByRollForwardAndDeleted) {
  TempDir dir;
  const std::string tree = (dir.path() / "tree").string();
  auto lock = TreeLock::acquire(tree);
  ASSERT_TRUE(lock) << lock.error();
  ASSERT_TRUE(clear_staging(tree));
  write_bytes(fs::path(tree) / ".lotse/staging/0", "new index");
  write_bytes(fs::path(tree) / ".lotse/staging/1", "new document");
  fs::create_directories(fs::path(tree) / "served/2020");
  write_bytes(fs::path(tree) / "served/2020/old.json", "old");
  Journal j;
  j.steps = {{Step::Kind::rename, ".lotse/staging/0", "served/index.txt"},
             {Step::Kind::rename, ".lotse/staging/1", "served/2021/doc.json"},  // a directory to make
             {Step::Kind::remove, "", "served/2020/old.json"}};
  ASSERT_TRUE(commit_journal(tree, j));
  // The killed run got as far as the first rename.
  fs::rename(fs::path(tree) / ".lotse/staging/0", fs::path(tree) / "served/index.txt");
  auto rolled = roll_forward(tree);
  ASSERT_TRUE(rolled) << rolled.error();
  EXPECT_TRUE(*rolled);
  EXPECT_EQ(slurp(fs::path(tree) / "served/index.txt"), "new index");
  EXPECT_EQ(slurp(fs::path(tree) / "served/2021/doc.json"), "new document");
  EXPECT_EQ((fs::status(fs::path(tree) / "served/2021").permissions() & fs::perms::all), fs::perms(0755));
  EXPECT_FALSE(fs::exists(fs::path(tree) / "served/2020/old.json"));
  EXPECT_FALSE(fs::exists(journal_path(tree)));
  // Nothing left to do the second time.
  auto again = roll_forward(tree);
  ASSERT_TRUE(again) << again.error();
  EXPECT_FALSE(*again);
}

TEST(PublishJournal, FilesStagedWithoutAJournalAreDropped) {
  TempDir dir;
  const std::string tree = (dir.path() / "tree").string();
  auto lock = TreeLock::acquire(tree);
  ASSERT_TRUE(lock) << lock.error();
  ASSERT_TRUE(clear_staging(tree));
  write_bytes(fs::path(tree) / ".lotse/staging/0", "staged by a run killed before its journal");
  auto rolled = roll_forward(tree);
  ASSERT_TRUE(rolled) << rolled.error();
  EXPECT_FALSE(*rolled);
  ASSERT_TRUE(clear_staging(tree));
  EXPECT_TRUE(fs::is_empty(fs::path(tree) / ".lotse/staging"));
}

TEST(PublishJournal, ASecondRunOnALockedTreeFailsAtOnce) {
  TempDir dir;
  const std::string tree = (dir.path() / "tree").string();
  auto first = TreeLock::acquire(tree);
  ASSERT_TRUE(first) << first.error();
  auto second = TreeLock::acquire(tree);
  ASSERT_FALSE(second);
  EXPECT_NE(second.error().find("another lotse publish is running"), std::string::npos) << second.error();
  { TreeLock released = std::move(*first); }
  EXPECT_TRUE(TreeLock::acquire(tree));
}

}  // namespace
}  // namespace lotse::provider
