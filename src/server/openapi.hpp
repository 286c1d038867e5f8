// The OpenAPI 3.0 description of the JSON API, served at
// /api/v1/openapi.json and built from the router's own table (every route
// with RouteDoc::api), so the document and the routes cannot drift apart:
// paths with their {parameters}, operation ids, summaries, request media
// types, response codes with the error schema for 4xx/5xx, and security
// (session cookie with CSRF header, or bearer API token) per operation.
// Request schemas of the areas are referenced from components.
//
// Thread safety: the document is built once, before serving.
#pragma once

#include <string>

#include "server/http/router.hpp"

namespace lotse::server::openapi {

// The document for the API routes of `router`.
std::string document(const http::Router& router);

// Adds GET /api/v1/openapi.json serving document(router) as it is when this
// is called; call it after every other route is registered.
void register_route(http::Router& router);

}  // namespace lotse::server::openapi
