// Who is calling: the one place a request's credentials are checked.
//
// Two kinds of credentials:
// * an API token in "Authorization: Bearer lotse_..." (scripts, other
//   tools): not sent by browsers on their own, so no CSRF check;
// * the session cookie "lotse_session" (HttpOnly, Secure, SameSite=Strict)
//   that login sets: browsers send it with every request, so every request
//   that may change something (any method but GET and HEAD) must also carry
//   the session's CSRF token in the X-CSRF-Token header; the token is
//   compared by hash in constant time.
// Failures are ready JSON responses: 401 (no, unknown or expired
// credentials), 403 (missing or wrong CSRF token, or a role that may not).
//
// Thread safety: safe concurrently.
#pragma once

#include <initializer_list>
#include <string_view>

#include <tl/expected.hpp>

#include "server/accounts/repository.hpp"
#include "server/app.hpp"
#include "server/http/message.hpp"

namespace lotse::server::accounts {

inline constexpr const char* kSessionCookie = "lotse_session";

struct Caller {
  User user;
  bool by_session = false;  // false: by API token
};

// The caller of `request` (see above).
tl::expected<Caller, http::Response> authenticate(App& app, const http::Request& request);

// The caller, who must have one of `roles`.
tl::expected<Caller, http::Response> require_role(App& app, const http::Request& request,
                                                  std::initializer_list<std::string_view> roles);

}  // namespace lotse::server::accounts
