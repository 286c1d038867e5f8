// The persisted state: entries and the folder summary are read back
// unchanged; damage is reported, never guessed around.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include "openpgp/gpg.hpp"
#include "provider/state.hpp"
#include "util/file.hpp"

namespace lotse::provider {
namespace {

StoredEntry sample() {
  return {"white", Entry{"RHSA-2021:5186", "Title with \"quotes\" and ü", "csaf_security_advisory", "2.0",
                         "summary\nline", "2021-12-16T22:34:00Z", "2021-12-17T00:00:00Z", "2021/rhsa-2021_5186.json"}};
}

TEST(ProviderState, EntryRoundTripsThroughItsFile) {
  lotse::testing::TempDir dir;
  const std::string tree = dir.path().string();
  ASSERT_EQ(::mkdir((tree + "/.lotse").c_str(), 0700), 0);
  ASSERT_EQ(::mkdir((tree + "/.lotse/entries").c_str(), 0700), 0);
  ASSERT_TRUE(util::write_file_atomic(entry_path(tree, "rhsa-2021_5186.json"), serialize_entry(sample())));
  auto loaded = load_entry(tree, "rhsa-2021_5186.json");
  ASSERT_TRUE(loaded) << loaded.error();
  ASSERT_TRUE(*loaded);
  EXPECT_EQ(serialize_entry(**loaded), serialize_entry(sample()));
  EXPECT_EQ((*loaded)->entry.title, "Title with \"quotes\" and ü");
  EXPECT_EQ((*loaded)->folder, "white");
  auto missing = load_entry(tree, "y.json");
  ASSERT_TRUE(missing) << missing.error();
  EXPECT_FALSE(*missing);
}

TEST(ProviderState, SummaryCountsDocumentsAndCategoriesInAndOut) {
  Summary summary;
  const Entry e = sample().entry;
  Entry vex = e;
  vex.category = "csaf_vex";
  summary["white"].add(e);
  summary["white"].add(vex);
  summary["white"].add(vex);
  summary["unlabeled"].add(e);
  summary["unlabeled"].remove(e);
  summary["white"].remove(e);
  auto parsed = parse_summary(serialize_summary(summary));
  ASSERT_TRUE(parsed) << parsed.error();
  EXPECT_EQ((*parsed)["white"].documents, 2u);
  EXPECT_EQ((*parsed)["white"].categories, (std::map<std::string, std::size_t>{{"csaf_vex", 2}}));
  EXPECT_EQ(published_folders(*parsed), std::vector<std::string>{"white"});
}

TEST(ProviderState, MissingStateIsEmptyDamagedStateIsAnError) {
  lotse::testing::TempDir dir;
  auto empty = load_summary(dir.path().string());
  ASSERT_TRUE(empty) << empty.error();
  EXPECT_TRUE(empty->empty());
  EXPECT_FALSE(parse_summary("{\"format\":1,\"folders\":{}}"));
  EXPECT_FALSE(parse_summary("{\"format\":2,\"folders\":{\"white\":{\"documents\":-1,\"categories\":{}}}}"));
  EXPECT_FALSE(parse_entry("{\"format\":2,\"folder\":\"white\",\"path\":\"x\"}"));
  EXPECT_FALSE(parse_entry("not json"));
}

}  // namespace
}  // namespace lotse::provider
