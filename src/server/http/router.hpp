// The route table: method + path pattern -> handler. Each area of the
// platform (reports, accounts, the OpenAPI document, pages) registers its
// routes into one Router at start-up; the daemon hands every complete
// request to dispatch().
//
// Patterns are literal segments and {name} segments ("/api/v1/reports/{id}"),
// a {name} matching one non-empty segment. A literal segment wins over a
// parameter at the same position, so "/reports/new" and "/reports/{id}" can
// coexist. Unknown paths answer 404 and known paths with another method 405
// (with Allow), both as JSON errors. HEAD is served by the GET handler.
//
// Each route also carries what the OpenAPI document says about it
// (server/openapi.hpp builds the document from this table, so the document
// cannot list a route that does not exist or miss one that does).
//
// Thread safety: routes are added before the daemon starts; dispatch() is
// then called concurrently and only reads the table.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "server/http/message.hpp"

namespace lotse::server::http {

using Handler = std::function<Response(Request&)>;

// How a route authenticates its caller (for the OpenAPI document).
enum class Access {
  public_,  // anyone
  user,     // a session cookie (with CSRF token for writes) or an API token
};

struct RouteDoc {
  std::string summary;
  std::string operation_id;
  // Media types the request body may have; empty: no body.
  std::vector<std::string> request_media_types;
  // Status codes with a short description each, success first.
  std::vector<std::pair<int, std::string>> responses;
  Access access = Access::public_;
  // Part of the JSON API (listed in /api/v1/openapi.json); HTML pages are not.
  bool api = true;
};

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  RouteDoc doc;
};

class Router {
 public:
  // Adds a route. REQUIRES: the pattern starts with '/', no route with the
  // same method and pattern exists (a programming error: throws
  // std::logic_error so that start-up fails loudly).
  void add(std::string method, std::string pattern, Handler handler, RouteDoc doc);

  // The response of the route `request` matches (path parameters filled
  // in), or a JSON 404/405.
  Response dispatch(Request& request) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  // The route for `method` and `path`; sets `path_known` when any route
  // matches the path.
  const Route* match(std::string_view method, std::string_view path,
                     std::vector<std::pair<std::string, std::string>>& params, bool& path_known,
                     std::string& allowed) const;
  std::vector<Route> routes_;
};

// The segments of a path ("/a/b/" -> "a", "b", ""); "/" -> none.
std::vector<std::string_view> split_path(std::string_view path);

}  // namespace lotse::server::http
