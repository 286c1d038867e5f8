#include "server/openapi.hpp"

#include <map>

#include "server/http/router.hpp"
#include "server/json_writer.hpp"
#include "server/reports/submission.hpp"

namespace lotse::server::openapi {
namespace {

std::string lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// The component a request body refers to, by operation.
std::string request_schema(const http::Route& route) {
  if (route.doc.operation_id == "submitReport") return "#/components/schemas/ReportSubmission";
  return "#/components/schemas/Object";
}

void write_operation(JsonWriter& out, const http::Route& route) {
  out.key(lower(route.method)).begin_object();
  out.key("operationId").string(route.doc.operation_id).key("summary").string(route.doc.summary);
  std::vector<std::string> parameters;
  for (std::string_view segment : http::split_path(route.pattern)) {
    if (segment.size() > 2 && segment.front() == '{') parameters.emplace_back(segment.substr(1, segment.size() - 2));
  }
  if (!parameters.empty()) {
    out.key("parameters").begin_array();
    for (const std::string& name : parameters) {
      out.begin_object().key("name").string(name).key("in").string("path").key("required").boolean(true);
      out.key("schema").begin_object().key("type").string("string").end_object().end_object();
    }
    out.end_array();
  }
  if (!route.doc.request_media_types.empty()) {
    out.key("requestBody").begin_object().key("required").boolean(true).key("content").begin_object();
    for (const std::string& type : route.doc.request_media_types) {
      out.key(type).begin_object().key("schema").begin_object();
      if (type == "application/pgp-encrypted") {
        out.key("type").string("string").key("format").string("binary");  // an OpenPGP message
      } else {
        out.key("$ref").string(request_schema(route));
      }
      out.end_object().end_object();
    }
    out.end_object().end_object();
  }
  out.key("responses").begin_object();
  for (const auto& [status, description] : route.doc.responses) {
    out.key(std::to_string(status)).begin_object().key("description").string(description);
    out.key("content").begin_object().key("application/json").begin_object().key("schema").begin_object();
    out.key("$ref").string(status >= 400 ? "#/components/schemas/Error" : "#/components/schemas/Object");
    out.end_object().end_object().end_object().end_object();
  }
  out.end_object();
  if (route.doc.access == http::Access::user) {
    out.key("security").begin_array();
    out.begin_object().key("session").begin_array().end_array().key("csrf").begin_array().end_array().end_object();
    out.begin_object().key("token").begin_array().end_array().end_object();
    out.end_array();
  } else {
    out.key("security").begin_array().begin_object().end_object().end_array();
  }
  out.end_object();
}

void write_components(JsonWriter& out) {
  out.key("components").begin_object().key("schemas").begin_object();
  out.key("Object").begin_object().key("type").string("object").end_object();
  out.key("ReportSubmission").raw(reports::json_schema());
  out.key("Error").raw(
      R"({"type":"object","required":["error"],"properties":{"error":{"type":"object","required":["status","code","message"],)"
      R"("properties":{"status":{"type":"integer"},"code":{"type":"string"},"message":{"type":"string"},)"
      R"("fields":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},"message":{"type":"string"}}}}}}}})");
  out.end_object();
  out.key("securitySchemes").begin_object();
  out.key("session").begin_object().key("type").string("apiKey").key("in").string("cookie").key("name").string(
      "lotse_session");
  out.end_object();
  out.key("csrf").begin_object().key("type").string("apiKey").key("in").string("header").key("name").string(
      "X-CSRF-Token");
  out.end_object();
  out.key("token").begin_object().key("type").string("http").key("scheme").string("bearer").end_object();
  out.end_object().end_object();
}

}  // namespace

std::string document(const http::Router& router) {
  // Paths in first-registration order, operations grouped under them.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const http::Route*>> by_path;
  for (const http::Route& route : router.routes()) {
    if (!route.doc.api) continue;
    if (!by_path.count(route.pattern)) order.push_back(route.pattern);
    by_path[route.pattern].push_back(&route);
  }
  JsonWriter out;
  out.begin_object().key("openapi").string("3.0.3");
  out.key("info").begin_object().key("title").string("Lotse API").key("version").string("1");
  out.key("description").string("Coordinated vulnerability disclosure: report intake and accounts.").end_object();
  out.key("paths").begin_object();
  for (const std::string& path : order) {
    out.key(path).begin_object();
    for (const http::Route* route : by_path[path]) write_operation(out, *route);
    out.end_object();
  }
  out.end_object();
  write_components(out);
  out.end_object();
  return out.take();
}

void register_route(http::Router& router) {
  http::RouteDoc doc{"This document", "openapi", {}, {{200, "The OpenAPI 3.0 description"}}, http::Access::public_, true};
  // Registered first, then the document built, so that it lists itself.
  auto text = std::make_shared<std::string>();
  router.add("GET", "/api/v1/openapi.json", [text](http::Request&) { return http::json_response(200, *text); }, doc);
  *text = document(router);
}

}  // namespace lotse::server::openapi
