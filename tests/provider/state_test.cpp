// The persisted state: what is written is read back unchanged; damage is
// reported, never guessed around.
#include <gtest/gtest.h>

#include "openpgp/gpg.hpp"
#include "provider/state.hpp"

namespace lotse::provider {
namespace {

State sample() {
  State state;
  Entry e{"RHSA-2021:5186", "Title with \"quotes\" and ü", "csaf_security_advisory", "2.0", "summary\nline",
          "2021-12-16T22:34:00Z", "2021-12-17T00:00:00Z", "2021/rhsa-2021_5186.json"};
  state.folders["white"]["rhsa-2021_5186.json"] = e;
  e.tracking_id = "X";
  e.path = "2020/x.json";
  state.folders["unlabeled"]["x.json"] = e;
  return state;
}

TEST(ProviderState, RoundTripsThroughItsFile) {
  lotse::testing::TempDir dir;
  ASSERT_TRUE(save_state(dir.path().string(), sample()));
  auto loaded = load_state(dir.path().string());
  ASSERT_TRUE(loaded) << loaded.error();
  EXPECT_EQ(serialize_state(*loaded), serialize_state(sample()));
  EXPECT_EQ(loaded->folders["white"]["rhsa-2021_5186.json"].title, "Title with \"quotes\" and ü");
  ASSERT_TRUE(loaded->folder_of("x.json"));
  EXPECT_EQ(*loaded->folder_of("x.json"), "unlabeled");
  EXPECT_FALSE(loaded->folder_of("y.json"));
}

TEST(ProviderState, MissingStateIsEmptyDamagedStateIsAnError) {
  lotse::testing::TempDir dir;
  auto empty = load_state(dir.path().string());
  ASSERT_TRUE(empty) << empty.error();
  EXPECT_TRUE(empty->folders.empty());
  EXPECT_FALSE(parse_state("{\"format\":2,\"folders\":{}}"));
  EXPECT_FALSE(parse_state("{\"format\":1,\"folders\":{\"white\":{\"a.json\":{\"path\":\"x\"}}}}"));
  EXPECT_FALSE(parse_state("not json"));
}

}  // namespace
}  // namespace lotse::provider
