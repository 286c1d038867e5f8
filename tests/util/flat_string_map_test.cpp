// util::FlatStringMap and the seeded string hash behind it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "util/flat_string_map.hpp"
#include "util/hash.hpp"
#include "util/string_map.hpp"

namespace lotse::util {
namespace {

TEST(FlatStringMap, KeepsTheFirstValueOfAKeyAndReportsRepeats) {
  FlatStringMap<int> map(3);
  EXPECT_TRUE(map.try_emplace("a", 1).second);
  EXPECT_TRUE(map.try_emplace("b", 2).second);
  auto [value, inserted] = map.try_emplace("a", 3);
  EXPECT_FALSE(inserted);
  EXPECT_EQ(*value, 1);
  ASSERT_NE(map.find("b"), nullptr);
  EXPECT_EQ(*map.find("b"), 2);
  EXPECT_EQ(map.find("c"), nullptr);
  EXPECT_FALSE(map.contains(""));
}

TEST(FlatStringMap, HoldsAsManyKeysAsAnnouncedIncludingTheEmptyKey) {
  std::vector<std::string> keys;
  for (int i = 0; i < 10000; ++i) keys.push_back("CSAFPID-" + std::to_string(i));
  keys.emplace_back();
  FlatStringMap<std::size_t> map(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) EXPECT_TRUE(map.try_emplace(keys[i], i).second);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    ASSERT_NE(map.find(keys[i]), nullptr) << keys[i];
    EXPECT_EQ(*map.find(keys[i]), i);
  }
  EXPECT_FALSE(map.contains("CSAFPID-10000"));
}

TEST(SeededHash, IsStableWithinAProcessAndDependsOnEveryByte) {
  EXPECT_EQ(hash_bytes("CSAFPID-0001"), hash_bytes("CSAFPID-0001"));
  EXPECT_NE(hash_bytes("CSAFPID-0001"), hash_bytes("CSAFPID-0002"));
  EXPECT_NE(hash_bytes("abcdefgh1"), hash_bytes("abcdefgh2"));  // the tail after a word
  EXPECT_NE(hash_bytes(""), hash_bytes(std::string_view("\0", 1)));
}

TEST(SeededHash, StartsFromAPerProcessSeedNotTheFixedFnvBasis) {
  // The unseeded FNV-1a of "" is its offset basis; a seeded hash of "" is
  // the mixed seed. (Collisions an attacker prepared against a fixed basis
  // therefore do not carry over.)
  EXPECT_EQ(hash_seed(), hash_seed());
  EXPECT_NE(hash_bytes(""), hash_mix(0xcbf29ce484222325ULL));
}

TEST(StringViewMap, LooksUpWithTheSeededHash) {
  StringViewMap<int> map;
  map.emplace("x", 1);
  EXPECT_EQ(map.at("x"), 1);
  EXPECT_EQ(SeededStringHash{}("x"), hash_bytes("x"));
}

}  // namespace
}  // namespace lotse::util
