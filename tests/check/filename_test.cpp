// The file name of section 5.1 that requirement 2 compares against.
#include <gtest/gtest.h>

#include "check/inspect.hpp"

namespace lotse::check {
namespace {

TEST(FileName, FollowsSection51) {
  EXPECT_EQ(file_name_for("BSI-2022-0001"), "bsi-2022-0001.json");
  EXPECT_EQ(file_name_for("RHSA-2021:5186"), "rhsa-2021_5186.json");
  EXPECT_EQ(file_name_for("2022_#01-A"), "2022_01-a.json");  // the spec's example
  EXPECT_EQ(file_name_for("cisco-sa-20180328-smi2"), "cisco-sa-20180328-smi2.json");
  EXPECT_EQ(file_name_for("a+b c"), "a+b_c.json");
  EXPECT_EQ(file_name_for("Ä"), "_.json");  // non-ASCII bytes: one run, one underscore
}

}  // namespace
}  // namespace lotse::check
