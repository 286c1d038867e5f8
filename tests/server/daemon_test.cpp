// The HTTP daemon on a loopback port with a real client: body and header
// caps as JSON 413/431 before or while reading, JSON errors for unknown
// paths and failing handlers, browser-safety headers, graceful stop that
// lets a request in flight finish and then refuses connections.
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "server/http/daemon.hpp"
#include "support/http_request.hpp"

namespace lotse::server::http {
namespace {

using lotse::testing::http_request;
using lotse::testing::HttpResponse;

class DaemonTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.add("GET", "/ok", [](Request&) { return json_response(200, "{\"ok\":true}"); }, {});
    router_.add("POST", "/echo", [](Request& r) { return json_response(200, std::to_string(r.body.size())); }, {});
    router_.add("GET", "/throw", [](Request&) -> Response { throw std::runtime_error("a programming error"); }, {});
    router_.add("GET", "/slow",
                [this](Request&) {
                  slow_started_ = true;
                  std::this_thread::sleep_for(std::chrono::milliseconds(700));
                  return json_response(200, "{\"slow\":true}");
                },
                {});
    router_.add("GET", "/client", [](Request& r) { return json_response(200, r.client_address); }, {});
    router_.add("GET", "/query", [](Request& r) { return json_response(200, std::string(r.query_value("q").value_or("-"))); }, {});
    DaemonOptions options;
    options.port = 0;
    options.threads = 2;
    options.max_body_bytes = 1024;
    options.max_header_bytes = 2048;
    options.shutdown_grace = std::chrono::milliseconds(5000);
    auto daemon = Daemon::start(options, router_);
    ASSERT_TRUE(daemon) << daemon.error();
    daemon_ = std::move(*daemon);
    base_ = "http://127.0.0.1:" + std::to_string(daemon_->port());
  }

  static void expect_json_error(const HttpResponse& response, long status, const std::string& code) {
    EXPECT_EQ(response.status, status) << response.error << response.body;
    EXPECT_EQ(response.header("content-type"), "application/json");
    auto body = nlohmann::json::parse(response.body, nullptr, false);
    ASSERT_FALSE(body.is_discarded()) << response.body;
    EXPECT_EQ(body["error"]["code"], code);
    EXPECT_EQ(body["error"]["status"], status);
  }

  Router router_;
  std::unique_ptr<Daemon> daemon_;
  std::string base_;
  std::atomic<bool> slow_started_{false};
};

TEST_F(DaemonTest, AnswersWithSafetyHeaders) {
  const HttpResponse response = http_request("GET", base_ + "/ok");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "{\"ok\":true}");
  EXPECT_EQ(response.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(response.header("x-frame-options"), "DENY");
  EXPECT_EQ(response.header("referrer-policy"), "no-referrer");
  EXPECT_EQ(response.header("cache-control"), "no-store");
  EXPECT_NE(response.header("content-security-policy").find("default-src 'none'"), std::string::npos);
}

TEST_F(DaemonTest, PassesDecodedQueryArguments) {
  EXPECT_EQ(http_request("GET", base_ + "/query?q=a%20b%26c").body, "a b&c");
}

TEST_F(DaemonTest, UnknownPathsAndMethodsAreJsonErrors) {
  expect_json_error(http_request("GET", base_ + "/nothing"), 404, "not_found");
  const HttpResponse wrong = http_request("PUT", base_ + "/ok", {}, std::string("x"));
  expect_json_error(wrong, 405, "method_not_allowed");
  EXPECT_EQ(wrong.header("allow"), "GET, HEAD");
}

TEST_F(DaemonTest, AThrowingHandlerIsAJson500AndTheServerGoesOn) {
  expect_json_error(http_request("GET", base_ + "/throw"), 500, "internal_error");
  EXPECT_EQ(http_request("GET", base_ + "/ok").status, 200);
}

TEST_F(DaemonTest, BodiesUpToTheCapAreAccepted) {
  EXPECT_EQ(http_request("POST", base_ + "/echo", {}, std::string(1024, 'x')).body, "1024");
  EXPECT_EQ(http_request("POST", base_ + "/echo", {}, std::nullopt, 1024).body, "1024");
}

TEST_F(DaemonTest, ADeclaredBodyOverTheCapIsRefusedBeforeItIsRead) {
  expect_json_error(http_request("POST", base_ + "/echo", {}, std::string(1025, 'x')), 413, "body_too_large");
  // A huge declared length: refused at once, not waited for.
  expect_json_error(http_request("POST", base_ + "/echo", {"Content-Length: 99999999999"}, std::string("x")), 413,
                    "body_too_large");
  EXPECT_EQ(http_request("GET", base_ + "/ok").status, 200);
}

TEST_F(DaemonTest, AChunkedBodyGrowingPastTheCapIsRefused) {
  expect_json_error(http_request("POST", base_ + "/echo", {}, std::nullopt, 1500), 413, "body_too_large");
  // Far past the cap: the daemon stops reading and closes the connection.
  const HttpResponse endless = http_request("POST", base_ + "/echo", {}, std::nullopt, 50u << 20);
  EXPECT_TRUE(endless.status == 0 || endless.status == 413) << endless.status;
  EXPECT_EQ(http_request("GET", base_ + "/ok").status, 200);
}

TEST_F(DaemonTest, HeadersOverTheCapAre431) {
  expect_json_error(http_request("GET", base_ + "/ok", {"X-Big: " + std::string(3000, 'a')}), 431,
                    "headers_too_large");
  EXPECT_EQ(http_request("GET", base_ + "/ok", {"X-Fine: " + std::string(1000, 'a')}).status, 200);
}

TEST_F(DaemonTest, StopLetsARequestInFlightFinishThenRefusesConnections) {
  HttpResponse slow;
  std::thread client([&] { slow = http_request("GET", base_ + "/slow"); });
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!slow_started_ && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_TRUE(slow_started_);
  EXPECT_EQ(daemon_->in_flight(), 1);
  daemon_->stop();
  client.join();
  EXPECT_EQ(slow.status, 200) << slow.error;
  EXPECT_EQ(slow.body, "{\"slow\":true}");
  const HttpResponse after = http_request("GET", base_ + "/ok");
  EXPECT_EQ(after.status, 0);
  EXPECT_FALSE(after.error.empty());
}

TEST_F(DaemonTest, XForwardedForIsIgnoredFromUntrustedPeers) {
  EXPECT_EQ(http_request("GET", base_ + "/client", {"X-Forwarded-For: 203.0.113.7"}).body, "127.0.0.1");
}

TEST(DaemonProxy, ATrustedProxyNamesTheClient) {
  Router router;
  router.add("GET", "/client", [](Request& r) { return json_response(200, r.client_address); }, {});
  DaemonOptions options;
  options.port = 0;
  options.trusted_proxies = {"127.0.0.1"};
  auto daemon = Daemon::start(options, router);
  ASSERT_TRUE(daemon) << daemon.error();
  const std::string url = "http://127.0.0.1:" + std::to_string((*daemon)->port()) + "/client";
  EXPECT_EQ(http_request("GET", url, {"X-Forwarded-For: 198.51.100.1, 203.0.113.7"}).body, "203.0.113.7");
  EXPECT_EQ(http_request("GET", url, {"X-Forwarded-For: 2001:db8::1"}).body, "2001:db8::1");
  EXPECT_EQ(http_request("GET", url, {"X-Forwarded-For: <script>"}).body, "127.0.0.1");
  EXPECT_EQ(http_request("GET", url).body, "127.0.0.1");
}

TEST(DaemonStart, RefusesBadAddressesAndTakenPorts) {
  Router router;
  DaemonOptions options;
  options.address = "localhost";  // a name, not an address
  EXPECT_FALSE(Daemon::start(options, router));
  options.address = "127.0.0.1";
  options.port = 0;
  auto first = Daemon::start(options, router);
  ASSERT_TRUE(first) << first.error();
  options.port = (*first)->port();
  auto second = Daemon::start(options, router);
  EXPECT_FALSE(second);
}

}  // namespace
}  // namespace lotse::server::http
