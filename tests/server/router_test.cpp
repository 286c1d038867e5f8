// The route table: pattern matching, literal segments over parameters,
// 404 and 405 as JSON errors, HEAD served by GET, double registration
// refused.
#include <stdexcept>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "server/http/router.hpp"

namespace lotse::server::http {
namespace {

Handler answer(std::string text) {
  return [text](Request& request) {
    std::string body = text;
    for (const auto& [name, value] : request.path_params) body += " " + name + "=" + value;
    return json_response(200, body);
  };
}

Response dispatch(const Router& router, std::string method, std::string path) {
  Request request;
  request.method = std::move(method);
  request.path = std::move(path);
  return router.dispatch(request);
}

Router sample() {
  Router router;
  router.add("GET", "/api/v1/reports", answer("list"), {});
  router.add("POST", "/api/v1/reports", answer("submit"), {});
  router.add("GET", "/api/v1/reports/{id}", answer("one"), {});
  router.add("GET", "/api/v1/reports/new", answer("new"), {});
  router.add("GET", "/follow/{id}/{secret}", answer("follow"), {});
  router.add("GET", "/", answer("home"), {});
  return router;
}

TEST(Router, MatchesLiteralsAndParameters) {
  const Router router = sample();
  EXPECT_EQ(dispatch(router, "GET", "/api/v1/reports").body, "list");
  EXPECT_EQ(dispatch(router, "POST", "/api/v1/reports").body, "submit");
  EXPECT_EQ(dispatch(router, "GET", "/api/v1/reports/LT-1").body, "one id=LT-1");
  EXPECT_EQ(dispatch(router, "GET", "/follow/a/b").body, "follow id=a secret=b");
  EXPECT_EQ(dispatch(router, "GET", "/").body, "home");
}

TEST(Router, ALiteralSegmentWinsOverAParameter) {
  EXPECT_EQ(dispatch(sample(), "GET", "/api/v1/reports/new").body, "new");
}

TEST(Router, HeadIsServedByGet) { EXPECT_EQ(dispatch(sample(), "HEAD", "/api/v1/reports").body, "list"); }

TEST(Router, UnknownPathsAre404AndEmptySegmentsMatchNoParameter) {
  for (const char* path : {"/nothing", "/api/v1/reports/a/b", "/follow/a/", "/follow//b", "/api/v1"}) {
    const Response response = dispatch(sample(), "GET", path);
    EXPECT_EQ(response.status, 404) << path;
    auto body = nlohmann::json::parse(response.body);
    EXPECT_EQ(body["error"]["code"], "not_found") << path;
    EXPECT_EQ(body["error"]["status"], 404);
  }
}

TEST(Router, AKnownPathWithAnotherMethodIs405WithAllow) {
  const Response response = dispatch(sample(), "DELETE", "/api/v1/reports");
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(nlohmann::json::parse(response.body)["error"]["code"], "method_not_allowed");
  ASSERT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.headers[0].first, "Allow");
  EXPECT_EQ(response.headers[0].second, "GET, HEAD, POST");
  // The most specific pattern decides: /reports/new allows GET only.
  const Response specific = dispatch(sample(), "POST", "/api/v1/reports/new");
  EXPECT_EQ(specific.status, 405);
  EXPECT_EQ(specific.headers[0].second, "GET, HEAD");
}

TEST(Router, RefusesARouteRegisteredTwiceAndPatternsWithoutSlash) {
  Router router = sample();
  EXPECT_THROW(router.add("GET", "/api/v1/reports", answer("again"), {}), std::logic_error);
  EXPECT_THROW(router.add("GET", "api", answer("x"), {}), std::logic_error);
}

TEST(Router, SplitsPaths) {
  EXPECT_TRUE(split_path("/").empty());
  EXPECT_EQ(split_path("/a/b"), (std::vector<std::string_view>{"a", "b"}));
  EXPECT_EQ(split_path("/a/"), (std::vector<std::string_view>{"a", ""}));
}

}  // namespace
}  // namespace lotse::server::http
