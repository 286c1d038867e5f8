// Tests of net::probe_urls against a real nginx on 127.0.0.1
// (loopback_nginx.hpp): status codes, redirects counted but never
// followed, the GET fallback for servers that refuse HEAD, TLS with a
// private CA, RESOLVE and CONNECT_TO, refused schemes, and the timeout
// against a server that never answers. Only loopback is contacted.
#include <gtest/gtest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "net/http_probe.hpp"
#include "net/loopback_nginx.hpp"

namespace lotse::net {
namespace {

using lotse::testing::LoopbackNginx;

class HttpProbe : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new LoopbackNginx(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(server_->running()) << server_->error(); }

  // Plain HTTP to lotse.test on the server's HTTP port, pinned by RESOLVE.
  static ProbeOptions http_options() {
    ProbeOptions options;
    options.timeout = std::chrono::seconds(5);
    options.resolve = {"lotse.test:" + std::to_string(server_->http_port()) + ":127.0.0.1"};
    return options;
  }
  static std::string http_url(const std::string& path) {
    return "http://lotse.test:" + std::to_string(server_->http_port()) + path;
  }
  // https://HOST/ (port 443) served from the HTTPS port via CONNECT_TO.
  static ProbeOptions https_options() {
    ProbeOptions options;
    options.timeout = std::chrono::seconds(5);
    options.connect_to = {server_->connect_everything_to_https()};
    options.ca_file = server_->ca_file();
    return options;
  }

  static LoopbackNginx* server_;
};
LoopbackNginx* HttpProbe::server_ = nullptr;

TEST_F(HttpProbe, OkAnswerResolvesAndReportsItsStatus) {
  ProbeResult r = probe_url(http_url("/advisory.json"), http_options());
  EXPECT_EQ(r.status, 200) << r.error;
  EXPECT_TRUE(r.resolves());
  EXPECT_TRUE(r.error.empty());
}

TEST_F(HttpProbe, NotFoundAndServerErrorDoNotResolve) {
  ProbeResult missing = probe_url(http_url("/missing"), http_options());
  EXPECT_EQ(missing.status, 404);
  EXPECT_FALSE(missing.resolves());
  ProbeResult broken = probe_url(http_url("/server-error"), http_options());
  EXPECT_EQ(broken.status, 500);
  EXPECT_FALSE(broken.resolves());
}

TEST_F(HttpProbe, RedirectCountsAsResolvingWithoutBeingFollowed) {
  // 301 to https://example.net/ is not requested (RESOLVE pins only
  // lotse.test, so following it would fail or leave loopback).
  ProbeResult moved = probe_url(http_url("/moved"), http_options());
  EXPECT_EQ(moved.status, 301) << moved.error;
  EXPECT_TRUE(moved.resolves());
  // A redirect to file:// is never followed either.
  ProbeResult to_file = probe_url(http_url("/to-file"), http_options());
  EXPECT_EQ(to_file.status, 302) << to_file.error;
  EXPECT_TRUE(to_file.resolves());
}

TEST_F(HttpProbe, ServerRefusingHeadIsAskedAgainWithGet) {
  ProbeResult r = probe_url(http_url("/no-head"), http_options());
  EXPECT_EQ(r.status, 200) << r.error;
  EXPECT_TRUE(r.error.empty()) << r.error;  // the abandoned body is no error
  // nginx logs a request when it has finished with it, which may be after
  // the client has its answer: wait a little for both lines.
  std::string log;
  for (int i = 0; i < 40; ++i) {
    log = server_->access_log();
    if (log.find("\"GET /no-head HTTP/1.1\" 200") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_NE(log.find("\"HEAD /no-head HTTP/1.1\" 405"), std::string::npos) << log;
  EXPECT_NE(log.find("\"GET /no-head HTTP/1.1\" 200"), std::string::npos) << log;
}

TEST_F(HttpProbe, HttpsOnPort443ReachesTheTestServerThroughConnectTo) {
  ProbeResult ok = probe_url("https://example.net/", https_options());
  EXPECT_EQ(ok.status, 200) << ok.error;
  ProbeResult other_host = probe_url("https://example.invalid/", https_options());
  EXPECT_EQ(other_host.status, 404) << other_host.error;
}

TEST_F(HttpProbe, HttpsWithoutTrustingTheTestCaFailsVerification) {
  ProbeOptions options = https_options();
  options.ca_file.clear();  // system store: does not know the test CA
  ProbeResult r = probe_url("https://example.net/", options);
  EXPECT_EQ(r.status, 0);
  EXPECT_FALSE(r.resolves());
  EXPECT_FALSE(r.error.empty());
}

TEST_F(HttpProbe, OtherSchemesAreRefusedBeforeAnyConnection) {
  for (const char* url : {"ftp://lotse.test/x", "file:///etc/passwd", "mailto:a@example.net",
                          "example.net/no-scheme", "", "gopher://lotse.test/"}) {
    ProbeResult r = probe_url(url, http_options());
    EXPECT_EQ(r.status, 0) << url;
    EXPECT_FALSE(r.error.empty()) << url;
  }
  EXPECT_NE(probe_url("ftp://x/", {}).error.find("\"ftp\" is not http or https"), std::string::npos);
}

TEST_F(HttpProbe, MalformedAndOverlongUrlsYieldErrorsNotCrashes) {
  const std::string overlong = http_url("/" + std::string(kMaxUrlLength, 'a'));
  for (const std::string& url : {http_url("/with space"), std::string("http://"), std::string("http://[::1"),
                                 std::string("https://\x01\x02/"), overlong}) {
    ProbeResult r = probe_url(url, http_options());
    EXPECT_FALSE(r.resolves()) << url.substr(0, 60);
    EXPECT_FALSE(r.error.empty()) << url.substr(0, 60);
  }
}

TEST_F(HttpProbe, ServerThatNeverAnswersTimesOutWithinTheLimit) {
  // A listening socket that is never read: the TCP handshake completes,
  // no answer follows.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::listen(fd, 8), 0);
  ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length), 0);
  ProbeOptions options;
  options.timeout = std::chrono::milliseconds(300);
  const auto start = std::chrono::steady_clock::now();
  ProbeResult r = probe_url("http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/", options);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ::close(fd);
  EXPECT_EQ(r.status, 0);
  EXPECT_FALSE(r.error.empty());
  EXPECT_LT(elapsed, std::chrono::seconds(3));
}

TEST_F(HttpProbe, ManyUrlsAreProbedInParallelAndAnsweredInOrder) {
  std::vector<std::string> urls;
  for (int i = 0; i < 40; ++i) urls.push_back(http_url(i % 2 ? "/missing" : "/page" + std::to_string(i)));
  urls.push_back("ftp://refused/");
  const std::vector<ProbeResult> results = probe_urls(urls, http_options());
  ASSERT_EQ(results.size(), urls.size());
  for (int i = 0; i < 40; ++i) EXPECT_EQ(results[i].status, i % 2 ? 404 : 200) << urls[i];
  EXPECT_EQ(results.back().status, 0);
}

TEST(UrlScheme, IsTheLowerCasedSchemeOrEmpty) {
  EXPECT_EQ(url_scheme("HTTPS://example.net"), "https");
  EXPECT_EQ(url_scheme("svn+ssh://x"), "svn+ssh");
  EXPECT_EQ(url_scheme("example.net/path"), "");
  EXPECT_EQ(url_scheme(":no-scheme"), "");
  EXPECT_EQ(url_scheme("1http://x"), "");
}

}  // namespace
}  // namespace lotse::net
