// The routes of accounts:
//
//   POST   /api/v1/session   log in (e-mail, password): session cookie + CSRF token; rate-limited
//   DELETE /api/v1/session   log out
//   GET    /api/v1/me        the caller
//   POST   /api/v1/tokens    a new API token for the caller (shown once)
//   POST   /api/v1/setup     first-run: set the admin's password with the setup token
//   GET/POST /setup/{token}  the same as an HTML form (setup_page.cpp): the link the CLI prints
//
// and, in admin_routes.cpp, managing the directory (admins; coordinators may read):
//
//   GET    /api/v1/organisations        list      POST /api/v1/organisations  create (name, kind)
//   GET    /api/v1/organisations/{id}   one
//   GET    /api/v1/users                list
//   POST   /api/v1/users                create (email, display_name, organisation_id, role): no
//                                       password, the answer holds a one-time setup token and link
//   PATCH  /api/v1/users/{id}           role, display_name, disabled
//
// Failed logins count per account and per client address
// (AppConfig::login); past the limit every login of that account or address
// is refused with 429, the right password included, until the window ends.
// Thread safety: handlers are called concurrently (see App).
#pragma once

#include "server/app.hpp"
#include "server/http/router.hpp"

namespace lotse::server::accounts {

// Adds the routes above to `router`; the handlers use `app`.
void register_routes(App& app, http::Router& router);

// The HTML setup page (setup_page.cpp); register_routes() calls it.
void register_setup_pages(App& app, http::Router& router);

// The routes of admin_routes.cpp; register_routes() calls it.
void register_admin_routes(App& app, http::Router& router);

// An e-mail address as accounts store it: ASCII letters lower-cased.
std::string normalise_email(std::string_view email);

}  // namespace lotse::server::accounts
