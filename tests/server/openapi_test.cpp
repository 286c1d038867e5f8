// The OpenAPI document equals the route table: every API route is
// documented, every documented operation reaches a real route (the server
// never answers it with the router's own 404/405), and nothing under
// /api/v1 is left out.
#include <set>

#include "server/served_app.hpp"

namespace lotse::server {
namespace {

using nlohmann::json;
using testing::ServedApp;
using lotse::testing::http_request;

class OpenApi : public ServedApp {};
LOTSE_BOTH_BACKENDS(OpenApi);

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

TEST_P(OpenApi, TheDocumentListsExactlyTheApiRoutes) {
  const auto response = get("/api/v1/openapi.json");
  ASSERT_EQ(response.status, 200);
  const json document = json::parse(response.body);
  EXPECT_EQ(document["openapi"], "3.0.3");
  std::set<std::pair<std::string, std::string>> documented;
  for (const auto& [path, operations] : document["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      documented.insert({upper(method), path});
      EXPECT_TRUE(operation["operationId"].is_string());
      EXPECT_FALSE(operation["responses"].empty()) << method << " " << path;
    }
  }
  std::set<std::pair<std::string, std::string>> routed;
  for (const http::Route& route : app_->router().routes()) {
    if (route.pattern.starts_with("/api/")) {
      EXPECT_TRUE(route.doc.api) << route.pattern << " is under /api but not documented";
    }
    if (route.doc.api) routed.insert({route.method, route.pattern});
  }
  EXPECT_EQ(documented, routed);
  EXPECT_TRUE(documented.count({"POST", "/api/v1/reports"}));
  EXPECT_TRUE(documented.count({"GET", "/api/v1/openapi.json"}));
  EXPECT_EQ(document["components"]["schemas"]["ReportSubmission"]["required"], json::array({"vendor", "product", "description"}));
}

TEST_P(OpenApi, EveryDocumentedOperationReachesARoute) {
  const json document = json::parse(get("/api/v1/openapi.json").body);
  for (const auto& [path, operations] : document["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      std::string concrete = path;
      for (std::size_t open; (open = concrete.find('{')) != std::string::npos;) {
        concrete.replace(open, concrete.find('}', open) - open + 1, "x");
      }
      std::vector<std::string> headers;
      std::optional<std::string> body;
      if (operation.contains("requestBody")) {
        headers.push_back("Content-Type: application/json");
        body = "{}";
      }
      const auto response = http_request(upper(method), base_ + concrete, headers, body);
      SCOPED_TRACE(upper(method) + " " + concrete);
      ASSERT_NE(response.status, 0) << response.error;
      const json answer = json::parse(response.body, nullptr, false);
      if (answer.is_object() && answer.contains("error")) {
        EXPECT_NE(answer["error"]["code"], "not_found");
        EXPECT_NE(answer["error"]["code"], "method_not_allowed");
        EXPECT_LT(response.status, 500) << response.body;
        // Each answer the operation gives is one it documents.
        EXPECT_TRUE(operation["responses"].contains(std::to_string(response.status))) << response.body;
      } else {
        EXPECT_TRUE(operation["responses"].contains(std::to_string(response.status)));
      }
    }
  }
}

}  // namespace
}  // namespace lotse::server
