// `lotse validate --online` as a user runs it, against a real nginx on
// 127.0.0.1 (tests/net/loopback_nginx.hpp): the flags --online, --resolve,
// --connect-to, --ca-file and --timeout reach the URL tests 6.3.6/6.3.7,
// and without --online both are reported as skipped. Only loopback is
// contacted.
#include <gtest/gtest.h>

#include <fstream>

#include "net/loopback_nginx.hpp"
#include "support/run_lotse.hpp"

namespace lotse::cli {
namespace {

using lotse::testing::LoopbackNginx;
using lotse::testing::run_lotse;
namespace fs = std::filesystem;

fs::path informative_case(const std::string& name) {
  return lotse::testing::testsuites_dir() / "csaf" / "csaf_2.0" / "test" / "validator" / "data" /
         "informative" / name;
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

class LotseCliOnline : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new LoopbackNginx(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(server_->running()) << server_->error(); }
  static LoopbackNginx* server_;
};
LoopbackNginx* LotseCliOnline::server_ = nullptr;

TEST_F(LotseCliOnline, CorpusUrlThatFailsToResolveIsReportedThroughConnectTo) {
  // 6-3-06-01 refers to https://example.invalid (port 443): --connect-to
  // sends every host and port to the test server's HTTPS port, which
  // answers 404 for that host; the test CA is trusted with --ca-file.
  auto r = run_lotse({"validate", "--test", "6.3.6", "--online", "--timeout", "5",
                      "--connect-to", server_->connect_everything_to_https(), "--ca-file", server_->ca_file(),
                      informative_case("oasis_csaf_tc-csaf_2_0-2021-6-3-06-01.json").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;  // info findings do not make a document invalid
  EXPECT_TRUE(contains(r.out, "info [6.3.6]")) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "404")) << r.out;
}

TEST_F(LotseCliOnline, ResolvePinsTheDocumentsHostToLoopbackAndAWorkingUrlPasses) {
  const fs::path dir = fs::temp_directory_path() / ("lotse-online-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string port = std::to_string(server_->http_port());
  const fs::path file = dir / "doc.json";
  std::ofstream(file) << R"({"document":{"references":[)"
                      << R"({"summary":"works","url":"http://lotse.test:)" << port << R"(/advisory"},)"
                      << R"({"summary":"gone","url":"http://lotse.test:)" << port << R"(/missing/advisory"}]}})";
  auto r = run_lotse({"validate", "--test", "6.3.6", "--online", "--resolve", "lotse.test:" + port + ":127.0.0.1",
                      file.string()});
  fs::remove_all(dir);
  EXPECT_TRUE(contains(r.out, "/document/references/1/url")) << r.out << r.err;
  EXPECT_FALSE(contains(r.out, "/document/references/0/url")) << r.out;
}

TEST_F(LotseCliOnline, WithoutOnlineTheUrlTestsAreSkippedNotRun) {
  auto r = run_lotse({"validate", "--preset", "full",
                      informative_case("oasis_csaf_tc-csaf_2_0-2021-6-3-06-01.json").string()});
  EXPECT_TRUE(contains(r.out, "skipped [6.3.6]")) << r.out;
  EXPECT_TRUE(contains(r.out, "skipped [6.3.7]")) << r.out;
  EXPECT_FALSE(contains(r.out, "info [6.3.6]")) << r.out;
}

}  // namespace
}  // namespace lotse::cli
