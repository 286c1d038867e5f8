#include "server/pages.hpp"

#include "server/html.hpp"

namespace lotse::server::pages {

void register_routes(App& app, http::Router& router) {
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
