// Where passphrases come from: an environment variable or a file's first line.
#include <gtest/gtest.h>

#include <cstdlib>

#include "openpgp/gpg.hpp"
#include "openpgp/passphrase.hpp"

namespace lotse::openpgp {
namespace {

using lotse::testing::TempDir;
using lotse::testing::write_bytes;

TEST(OpenpgpPassphrase, ReadsAnEnvironmentVariableAndRefusesUnsetOrEmpty) {
  ::setenv("LOTSE_TEST_PASSPHRASE", "from env", 1);
  auto set = passphrase_from_env("LOTSE_TEST_PASSPHRASE");
  ASSERT_TRUE(set) << set.error();
  EXPECT_EQ(set->view(), "from env");
  ::setenv("LOTSE_TEST_PASSPHRASE", "", 1);
  auto empty = passphrase_from_env("LOTSE_TEST_PASSPHRASE");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error(), "environment variable LOTSE_TEST_PASSPHRASE is empty");
  ::unsetenv("LOTSE_TEST_PASSPHRASE");
  auto unset = passphrase_from_env("LOTSE_TEST_PASSPHRASE");
  ASSERT_FALSE(unset);
  EXPECT_EQ(unset.error(), "environment variable LOTSE_TEST_PASSPHRASE is not set");
}

TEST(OpenpgpPassphrase, ReadsTheFirstLineOfAFileWithoutItsLineEnding) {
  TempDir tmp;
  for (auto [content, expected] : {std::pair{"one line\n", "one line"}, std::pair{"crlf\r\nsecond", "crlf"},
                                   std::pair{"no newline", "no newline"}, std::pair{" spaces kept \n", " spaces kept "}}) {
    write_bytes(tmp / "pass", content);
    auto passphrase = passphrase_from_file((tmp / "pass").string());
    ASSERT_TRUE(passphrase) << passphrase.error();
    EXPECT_EQ(passphrase->view(), expected);
  }
}

TEST(OpenpgpPassphrase, RefusesAMissingFileOrAnEmptyFirstLine) {
  TempDir tmp;
  EXPECT_FALSE(passphrase_from_file((tmp / "missing").string()));
  write_bytes(tmp / "pass", "\nsecond line");
  auto empty = passphrase_from_file((tmp / "pass").string());
  ASSERT_FALSE(empty);
  EXPECT_NE(empty.error().find("empty first line"), std::string::npos);
}

TEST(OpenpgpPassphrase, MovingLeavesTheSourceEmpty) {
  Passphrase a(std::string("a passphrase longer than the small-string buffer"));
  Passphrase b(std::move(a));
  EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): the point of the test
  EXPECT_EQ(b.view(), "a passphrase longer than the small-string buffer");
}

}  // namespace
}  // namespace lotse::openpgp
