#include "server/accounts/auth.hpp"

#include <algorithm>

#include "server/secrets.hpp"

namespace lotse::server::accounts {
namespace {

http::Response unauthenticated(std::string_view code, std::string_view message) {
  return http::error_response(401, code, message).with_header("WWW-Authenticate", "Bearer realm=\"lotse\"");
}

}  // namespace

tl::expected<Caller, http::Response> authenticate(App& app, const http::Request& request) {
  if (auto authorization = request.header("authorization")) {
    constexpr std::string_view kBearer = "Bearer ";
    if (!authorization->starts_with(kBearer)) {
      return tl::unexpected(unauthenticated("invalid_token", "use Authorization: Bearer TOKEN"));
    }
    const std::string token(authorization->substr(kBearer.size()));
    auto user = find_token_user(app.database(), token);
    if (!user) return tl::unexpected(storage_failure("check the API token", user.error()));
    if (!*user) return tl::unexpected(unauthenticated("invalid_token", "unknown or revoked API token"));
    return Caller{std::move(**user), false};
  }
  auto cookie = request.cookie(kSessionCookie);
  if (!cookie) return tl::unexpected(unauthenticated("not_authenticated", "log in or send an API token"));
  auto session = find_session(app.database(), *cookie, app.now());
  if (!session) return tl::unexpected(storage_failure("check the session", session.error()));
  if (!*session) return tl::unexpected(unauthenticated("session_expired", "the session is unknown or expired; log in again"));
  if (request.method != "GET" && request.method != "HEAD") {
    auto csrf = request.header("x-csrf-token");
    if (!csrf) return tl::unexpected(http::error_response(403, "csrf_token_missing", "send the session's X-CSRF-Token"));
    if (!secrets::equal_constant_time(secrets::hash_token(*csrf), (*session)->csrf_token_hash)) {
      return tl::unexpected(http::error_response(403, "csrf_token_invalid", "the X-CSRF-Token does not match the session"));
    }
  }
  return Caller{std::move((*session)->user), true};
}

tl::expected<Caller, http::Response> require_role(App& app, const http::Request& request,
                                                  std::initializer_list<std::string_view> roles) {
  auto caller = authenticate(app, request);
  if (!caller) return caller;
  if (std::find(roles.begin(), roles.end(), caller->user.role) == roles.end()) {
    return tl::unexpected(http::error_response(403, "forbidden", "your role may not do this"));
  }
  return caller;
}

}  // namespace lotse::server::accounts
