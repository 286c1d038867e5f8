// `lotse validate` as a user runs it: exit codes, outputs, inputs.
#include <gtest/gtest.h>

#include "support/run_lotse.hpp"

namespace lotse::cli {
namespace {

using lotse::testing::run_lotse;
namespace fs = std::filesystem;

fs::path examples() { return lotse::testing::testsuites_dir() / "csaf" / "csaf_2.0" / "examples" / "csaf"; }
fs::path corpus(const std::string& name) {
  return lotse::testing::testsuites_dir() / "csaf" / "csaf_2.0" / "test" / "validator" / "data" / "mandatory" / name;
}

TEST(LotseCli, PrintsVersionAndHelp) {
  auto version = run_lotse({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("lotse 0."), std::string::npos) << version.out;
  auto help = run_lotse({"help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("validate"), std::string::npos);
  auto sub = run_lotse({"help", "validate"});
  EXPECT_EQ(sub.exit_code, 0);
  EXPECT_NE(sub.out.find("--preset"), std::string::npos);
  auto flag = run_lotse({"validate", "--help"});
  EXPECT_EQ(flag.exit_code, 0);
  EXPECT_NE(flag.out.find("--format"), std::string::npos);
}

TEST(LotseCli, UsageErrorsExitWithTwo) {
  EXPECT_EQ(run_lotse({}).exit_code, 2);
  EXPECT_EQ(run_lotse({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(run_lotse({"validate"}).exit_code, 2);
  EXPECT_EQ(run_lotse({"validate", "--preset", "nope", examples().string()}).exit_code, 2);
  EXPECT_EQ(run_lotse({"validate", "--format", "xml", examples().string()}).exit_code, 2);
  auto missing = run_lotse({"validate", "/nonexistent/file.json"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("/nonexistent/file.json"), std::string::npos);
}

TEST(LotseCli, ValidDirectoryExitsZeroInvalidFileExitsOne) {
  auto ok = run_lotse({"validate", examples().string()});
  EXPECT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  EXPECT_TRUE(ok.out.empty()) << ok.out;
  auto bad = run_lotse({"validate", corpus("oasis_csaf_tc-csaf_2_0-2021-6-1-08-01.json").string()});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("error [schema] /vulnerabilities/0/scores/0/"), std::string::npos) << bad.out;
}

TEST(LotseCli, JsonLinesOutputHasOneObjectPerDocument) {
  auto r = run_lotse({"validate", "--format", "json", "-j", "2", examples().string(),
                      corpus("oasis_csaf_tc-csaf_2_0-2021-6-1-08-01.json").string()});
  EXPECT_EQ(r.exit_code, 1);
  std::size_t lines = 0, invalid = 0;
  for (std::size_t pos = 0; (pos = r.out.find('\n', pos)) != std::string::npos; ++pos) ++lines;
  for (std::size_t pos = 0; (pos = r.out.find("\"valid\":false", pos)) != std::string::npos; ++pos) ++invalid;
  EXPECT_GE(lines, 18u);
  EXPECT_EQ(invalid, 1u);
  EXPECT_NE(r.out.find("{\"test\":\"schema\",\"severity\":\"error\",\"pointer\":\"/vulnerabilities/0/scores/0/"),
            std::string::npos);
}

TEST(LotseCli, ReadsStandardInput) {
  auto r = run_lotse({"validate", "-"}, (examples() / "bsi-2022-0001.json").string());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  auto bad = run_lotse({"validate", "--format", "json", "-"},
                       corpus("oasis_csaf_tc-csaf_2_0-2021-6-1-08-02.json").string());
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("\"file\":\"-\""), std::string::npos);
}

}  // namespace
}  // namespace lotse::cli
