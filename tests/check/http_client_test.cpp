// net::Client against a real nginx on loopback: bodies capped, redirects
// followed by hand and recorded (requirement 6), other schemes refused,
// many URLs at once in input order.
#include <gtest/gtest.h>

#include "net/http_client.hpp"
#include "net/loopback_nginx.hpp"

namespace lotse::net {
namespace {

class HttpClient : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { nginx_ = new lotse::testing::LoopbackNginx(); }
  static void TearDownTestSuite() {
    delete nginx_;
    nginx_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(nginx_->running()) << nginx_->error(); }
  static ClientOptions options() {
    ClientOptions o;
    o.ca_file = nginx_->ca_file();
    o.connect_to = {nginx_->connect_everything_to_https()};
    o.timeout = std::chrono::seconds(5);
    return o;
  }
  static inline lotse::testing::LoopbackNginx* nginx_ = nullptr;
};

TEST_F(HttpClient, DownloadsBodyAndStatus) {
  Client client(options());
  Response ok = client.fetch_one("https://lotse.test/anything", 1024);
  EXPECT_TRUE(ok.ok()) << ok.error;
  EXPECT_EQ(ok.body, "ok\n");
  Response missing = client.fetch_one("https://lotse.test/missing/x", 1024);
  EXPECT_EQ(missing.status, 404);
  EXPECT_FALSE(missing.ok());
}

TEST_F(HttpClient, BodyOverTheCapIsAnErrorNotAnAllocation) {
  Client client(options());
  Response big = client.fetch_one("https://lotse.test/no-head", 100);
  EXPECT_FALSE(big.ok());
  EXPECT_NE(big.error.find("larger than 100 bytes"), std::string::npos) << big.error;
  EXPECT_LE(big.body.size(), 100u);
  EXPECT_EQ(client.fetch_one("https://lotse.test/no-head", 4000).body.size(), 3000u);
  const Request prefix{"https://lotse.test/no-head", 100, true};
  Response start = client.fetch(std::span<const Request>(&prefix, 1)).front();
  EXPECT_TRUE(start.ok()) << start.error;
  EXPECT_TRUE(start.truncated);
  EXPECT_LE(start.body.size(), 100u);
}

TEST_F(HttpClient, RedirectsAreFollowedByHandAndRecorded) {
  Client client(options());
  Response moved = client.fetch_one("https://lotse.test/moved", 1024);
  ASSERT_EQ(moved.redirects.size(), 1u);
  EXPECT_EQ(moved.redirects[0], "https://example.net/");
  EXPECT_EQ(moved.final_url, "https://example.net/");
  EXPECT_TRUE(moved.ok()) << moved.error;

  ClientOptions none = options();
  none.max_redirects = 0;
  Client strict(none);
  Response not_followed = strict.fetch_one("https://lotse.test/moved", 1024);
  EXPECT_EQ(not_followed.status, 301);
  EXPECT_NE(not_followed.error.find("redirect not followed"), std::string::npos);
}

TEST_F(HttpClient, OtherSchemesAreNeverRequested) {
  Client client(options());
  EXPECT_FALSE(client.fetch_one("file:///etc/passwd", 1024).ok());
  Response to_file = client.fetch_one("https://lotse.test/to-file", 1024);
  EXPECT_TRUE(to_file.redirects.empty());
  EXPECT_FALSE(to_file.ok());
  EXPECT_EQ(to_file.body.find("root:"), std::string::npos);
}

TEST_F(HttpClient, ManyRequestsAnswerInInputOrder) {
  Client client(options());
  std::vector<Request> requests;
  for (int i = 0; i < 200; ++i) requests.push_back({i % 2 ? "https://lotse.test/a" + std::to_string(i) : "https://lotse.test/missing/" + std::to_string(i), 1024});
  const std::vector<Response> responses = client.fetch(requests);
  ASSERT_EQ(responses.size(), requests.size());
  for (int i = 0; i < 200; ++i) {
    EXPECT_EQ(responses[static_cast<std::size_t>(i)].url, requests[static_cast<std::size_t>(i)].url);
    EXPECT_EQ(responses[static_cast<std::size_t>(i)].status, i % 2 ? 200 : 404) << i;
  }
}

}  // namespace
}  // namespace lotse::net
