#include "server/pages.hpp"

#include "server/html.hpp"

namespace lotse::server::pages {
namespace {

// The one stylesheet of the pages (served as a static file: the
// Content-Security-Policy allows styles from 'self' only, no inline ones).
constexpr const char* kStylesheet = R"css(body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1b1b1b; }
input[type=text], input[type=email], input[type=date], input[type=password], textarea { width: 100%; box-sizing: border-box; padding: 0.4rem; font: inherit; }
button { font: inherit; padding: 0.5rem 1.2rem; }
.error { color: #a00000; font-weight: 600; }
dt { font-weight: 600; margin-top: 0.6rem; }
dd { margin-left: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
)css";

}  // namespace

void register_routes(App& app, http::Router& router) {
  router.add("GET", "/static/lotse.css",
             [](http::Request&) {
               http::Response response;
               response.content_type = "text/css; charset=utf-8";
               response.body = kStylesheet;
               return response;
             },
             http::RouteDoc{"The stylesheet of the pages", "stylesheet", {}, {{200, "CSS"}}, http::Access::public_, false});
  router.add("GET", "/",
             [](http::Request&) {
               return http::html_response(
                   200, html::page("Lotse", "<p>This is the coordinated vulnerability disclosure platform of this "
                                            "CERT.</p>\n<p><a href=\"/report\">Report a vulnerability</a></p>\n"
                                            "<p>API: <a href=\"/api/v1/openapi.json\">OpenAPI description</a></p>"));
             },
             http::RouteDoc{"Start page (HTML)", "startPage", {}, {{200, "The page"}}, http::Access::public_, false});
  router.add("GET", "/api/v1/health",
             [&app](http::Request&) {
               // A read transaction: healthy means the database answers.
               auto done = app.database().with_transaction(
                   [](store::Connection& c) -> store::Result<void> {
                     auto rows = c.query("SELECT 1");
                     if (!rows) return tl::unexpected(rows.error());
                     return {};
                   },
                   store::TransactionMode::read);
               if (!done) return storage_failure("reach the database", done.error());
               return http::json_response(200, "{\"status\":\"ok\"}");
             },
             http::RouteDoc{"Whether the server and its database answer", "health", {},
                            {{200, "Healthy"}, {500, "The database does not answer"}}, http::Access::public_, true});
}

}  // namespace lotse::server::pages
