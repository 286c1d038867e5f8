// The pages that belong to no area: the start page ("/"), the pages'
// stylesheet (/static/lotse.css) and the API's health check. Thread safety: handlers are stateless.
#pragma once

#include "server/app.hpp"
#include "server/http/router.hpp"

namespace lotse::server::pages {

// Adds "GET /", the stylesheet and "GET /api/v1/health" to `router`.
void register_routes(App& app, http::Router& router);

}  // namespace lotse::server::pages
