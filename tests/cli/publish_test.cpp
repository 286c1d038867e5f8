// `lotse publish` as a user runs it: a key from `lotse keys generate`, the
// OASIS examples published, refusals with findings, usage errors.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>

#include "support/run_lotse.hpp"

namespace lotse::cli {
namespace {

using lotse::testing::run_lotse;
namespace fs = std::filesystem;

fs::path examples() { return lotse::testing::testsuites_dir() / "csaf" / "csaf_2.0" / "examples" / "csaf"; }

class PublishCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("lotse-publish-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::ofstream(dir_ / "provider.json") << R"({
      "canonical_url": "https://psirt.example.com/.well-known/csaf/provider-metadata.json",
      "publisher": {"category": "vendor", "name": "Example PSIRT", "namespace": "https://psirt.example.com"},
      "role": "csaf_trusted_provider"})";
    ::setenv("LOTSE_PUBLISH_TEST_PASSPHRASE", "correct horse battery staple", 1);
    auto keys = run_lotse({"keys", "generate", "--keyring", (dir_ / "keys").string(), "--name", "Example PSIRT",
                           "--email", "psirt@example.com", "--passphrase-env", "LOTSE_PUBLISH_TEST_PASSPHRASE"});
    ASSERT_EQ(keys.exit_code, 0) << keys.err;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<std::string> publish_args(std::vector<std::string> inputs) {
    std::vector<std::string> args = {"publish", "--config", (dir_ / "provider.json").string(), "--keyring",
                                     (dir_ / "keys").string(), "--passphrase-env", "LOTSE_PUBLISH_TEST_PASSPHRASE",
                                     "--out", (dir_ / "tree").string()};
    args.insert(args.end(), inputs.begin(), inputs.end());
    return args;
  }

  std::map<std::string, std::string> tree_files() {
    std::map<std::string, std::string> files;
    if (!fs::exists(dir_ / "tree")) return files;
    for (const auto& e : fs::recursive_directory_iterator(dir_ / "tree")) {
      if (e.is_regular_file()) files[e.path().string()] = lotse::testing::read_text(e.path());
    }
    return files;
  }

  fs::path dir_;
};

TEST_F(PublishCli, PublishesADirectoryOfAdvisoriesAndPrintsTheSecurityTxtLine) {
  auto r = run_lotse(publish_args({examples().string()}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::size_t published = 0;
  for (std::size_t at = 0; (at = r.out.find("published https://", at)) != std::string::npos; ++at) ++published;
  EXPECT_EQ(published, 19u) << r.out;
  EXPECT_NE(r.out.find("security.txt: CSAF: https://psirt.example.com/.well-known/csaf/provider-metadata.json"),
            std::string::npos)
      << r.out;
  EXPECT_TRUE(fs::exists(dir_ / "tree" / ".well-known" / "csaf" / "provider-metadata.json"));
  EXPECT_TRUE(fs::exists(dir_ / "tree" / ".well-known" / "csaf" / "white" / "2022" / "bsi-2022-0001.json.asc"));
}

TEST_F(PublishCli, RefusedAdvisoryPrintsFindingsExitsOneAndWritesNothing) {
  ASSERT_EQ(run_lotse(publish_args({(examples() / "bsi-2022-0001.json").string()})).exit_code, 0);
  const auto before = tree_files();
  const fs::path bad = lotse::testing::testsuites_dir() / "csaf" / "csaf_2.0" / "test" / "validator" / "data" /
                       "mandatory" / "oasis_csaf_tc-csaf_2_0-2021-6-1-08-01.json";
  auto r = run_lotse(publish_args({(examples() / "rhsa-2021_5186.json").string(), bad.string()}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("error [schema] /vulnerabilities/0/scores/0/"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was published"), std::string::npos) << r.err;
  EXPECT_EQ(tree_files(), before);
}

TEST_F(PublishCli, UsageKeyAndConfigErrorsExitTwo) {
  const std::string example = (examples() / "bsi-2022-0001.json").string();
  auto no_out = run_lotse({"publish", "--config", (dir_ / "provider.json").string(), example});
  EXPECT_EQ(no_out.exit_code, 2);
  auto wrong_pass = publish_args({example});
  wrong_pass[6] = "LOTSE_PUBLISH_TEST_UNSET_VARIABLE";
  EXPECT_EQ(run_lotse(wrong_pass).exit_code, 2);
  std::ofstream(dir_ / "provider.json") << R"({"canonical_url": "http://x/.well-known/csaf/provider-metadata.json"})";
  auto bad_config = run_lotse(publish_args({example}));
  EXPECT_EQ(bad_config.exit_code, 2);
  EXPECT_NE(bad_config.err.find("https://"), std::string::npos) << bad_config.err;
  EXPECT_FALSE(fs::exists(dir_ / "tree"));
}

}  // namespace
}  // namespace lotse::cli
