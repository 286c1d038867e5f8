// `lotse check` as a user runs it: usage errors, help, and strangers that
// are no CSAF provider at all (nothing listening, a server answering "ok"
// to everything, a redirect) judged without crashing, within bounded time.
// The published-tree tests live in tests/check/provider_check_test.cpp.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "net/loopback_nginx.hpp"
#include "support/run_lotse.hpp"

namespace lotse::cli {
namespace {

using lotse::testing::run_lotse;

TEST(CheckCli, UsageErrorsExitTwo) {
  EXPECT_EQ(run_lotse({"check"}).exit_code, 2);
  EXPECT_EQ(run_lotse({"check", "--format", "xml", "example.com"}).exit_code, 2);
  EXPECT_EQ(run_lotse({"check", "--timeout", "0", "example.com"}).exit_code, 2);
}

TEST(CheckCli, HelpListsCheck) {
  auto r = run_lotse({"help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("check"), std::string::npos) << r.out;
  auto h = run_lotse({"help", "check"});
  EXPECT_NE(h.out.find("--resolve"), std::string::npos) << h.out;
}

TEST(CheckCli, NothingListeningFailsDiscoveryAndMetadata) {
  const std::string port = std::to_string(lotse::testing::LoopbackNginx::free_port());
  auto r = run_lotse({"check", "--format", "json", "--timeout", "5", "--resolve",
                      "psirt.example.com:" + port + ":127.0.0.1", "psirt.example.com:" + port});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto report = nlohmann::json::parse(r.out);
  EXPECT_EQ(report["metadata_url"], "");
  EXPECT_EQ(report["role_satisfied"], false);
  for (int n : {7, 8, 9, 10}) EXPECT_EQ(report["requirements"][n - 1]["verdict"], "fail") << n;
  EXPECT_FALSE(report["requirements"][8]["evidence"].empty());
}

TEST(CheckCli, AServerThatAnswersOkToEverythingIsNoProvider) {
  lotse::testing::LoopbackNginx nginx;
  ASSERT_TRUE(nginx.running()) << nginx.error();
  auto r = run_lotse({"check", "--format", "json", "--ca-file", nginx.ca_file(), "--connect-to",
                      nginx.connect_everything_to_https(), "lotse.test"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto report = nlohmann::json::parse(r.out);
  const auto& well_known = report["requirements"][8];
  EXPECT_EQ(well_known["verdict"], "fail");
  EXPECT_NE(well_known["evidence"][0]["found"].get<std::string>().find("not JSON"), std::string::npos)
      << well_known.dump(2);
}

TEST(CheckCli, MetadataUrlBehindARedirectIsFollowedAndRecorded) {
  lotse::testing::LoopbackNginx nginx;
  ASSERT_TRUE(nginx.running()) << nginx.error();
  auto r = run_lotse({"check", "--ca-file", nginx.ca_file(), "--connect-to", nginx.connect_everything_to_https(),
                      "https://lotse.test/moved"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("requirement  6 warning"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("HTTP redirect to https://example.net/"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("requirement  7 fail"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace lotse::cli
