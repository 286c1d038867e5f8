#include "server/accounts/routes.hpp"

#include "server/accounts/auth.hpp"
#include "server/json_input.hpp"
#include "server/json_writer.hpp"
#include "server/secrets.hpp"

namespace lotse::server::accounts {

std::string normalise_email(std::string_view email) {
  std::string out(email);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

namespace {

void write_user(JsonWriter& out, const User& user) {
  out.begin_object().key("id").number(user.id).key("organisation_id").number(user.organisation_id);
  out.key("email").string(user.email).key("display_name").string(user.display_name).key("role").string(user.role);
  out.end_object();
}

std::string session_cookie(const std::string& value, std::int64_t max_age) {
  return std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=" +
         std::to_string(max_age);
}

http::Response too_many_attempts(std::int64_t wait) {
  return http::error_response(429, "rate_limited", "too many failed logins; try again later")
      .with_header("Retry-After", std::to_string(wait));
}

http::Response login(App& app, http::Request& request) {
  auto document = parse_json_body(request);
  if (!document) return std::move(document.error());
  JsonObject input(document->root());
  input.allow_only({"email", "password"});
  auto email = input.text("email");
  auto password = input.text("password");
  if (!email) input.add_error("email", "is required");
  if (!password) input.add_error("password", "is required");
  // Bounded before they become rate-limit keys (memory per key).
  if (email && email->size() > 254) input.add_error("email", "must be at most 254 bytes long");
  if (password && password->size() > 4096) input.add_error("password", "must be at most 4096 bytes long");
  if (!input.errors().empty()) return invalid_fields(input.errors());
  const std::string account_key = "login account " + normalise_email(*email);
  const std::string address_key = "login address " + request.client_address;
  RateLimiter& failures = app.login_failures();
  if (const std::int64_t wait = std::max(failures.retry_after(account_key), failures.retry_after(address_key)); wait > 0) {
    return too_many_attempts(wait);
  }
  auto credentials = find_credentials(app.database(), normalise_email(*email));
  if (!credentials) return storage_failure("check the login", credentials.error());
  const bool usable = *credentials && (*credentials)->password_hash && !(*credentials)->disabled;
  // An unknown account costs one argon2id verification too.
  const bool verified = secrets::verify_password(usable ? *(*credentials)->password_hash : app.decoy_password_hash(),
                                                 *password);
  if (!usable || !verified) {
    failures.record(account_key);
    failures.record(address_key);
    return http::error_response(401, "invalid_credentials", "wrong e-mail address or password");
  }
  failures.reset(account_key);
  const User& user = (*credentials)->user;
  auto session = create_session(app.database(), user.id, app.now(), app.config().session_seconds);
  if (!session) return storage_failure("start the session", session.error());
  JsonWriter out;
  out.begin_object().key("csrf_token").string(session->csrf_token).key("expires_at").number(session->expires_at);
  out.key("user");
  write_user(out, user);
  out.end_object();
  return http::json_response(201, out.take())
      .with_header("Set-Cookie", session_cookie(session->id, app.config().session_seconds));
}

http::Response logout(App& app, http::Request& request) {
  auto caller = authenticate(app, request);
  if (!caller) return std::move(caller.error());
  if (!caller->by_session) return http::error_response(400, "no_session", "this request carries no session");
  if (auto done = delete_session(app.database(), *request.cookie(kSessionCookie)); !done) {
    return storage_failure("end the session", done.error());
  }
  return http::json_response(200, "{\"logged_out\":true}").with_header("Set-Cookie", session_cookie("", 0));
}

http::Response me(App& app, http::Request& request) {
  auto caller = authenticate(app, request);
  if (!caller) return std::move(caller.error());
  JsonWriter out;
  write_user(out, caller->user);
  return http::json_response(200, out.take());
}

http::Response new_token(App& app, http::Request& request) {
  auto caller = authenticate(app, request);
  if (!caller) return std::move(caller.error());
  auto document = parse_json_body(request);
  if (!document) return std::move(document.error());
  JsonObject input(document->root());
  input.allow_only({"name"});
  auto name = input.text("name");
  if (!name || name->empty() || name->size() > 100) input.add_error("name", "must be a name of 1 to 100 bytes");
  if (!input.errors().empty()) return invalid_fields(input.errors());
  auto token = create_api_token(app.database(), caller->user.id, *name, app.now());
  if (!token) return storage_failure("create the API token", token.error());
  JsonWriter out;
  out.begin_object().key("id").number(token->id).key("name").string(*name).key("token").string(token->token);
  out.end_object();
  return http::json_response(201, out.take());
}

http::Response setup(App& app, http::Request& request) {
  auto document = parse_json_body(request);
  if (!document) return std::move(document.error());
  JsonObject input(document->root());
  input.allow_only({"token", "password"});
  auto token = input.text("token");
  auto password = input.text("password");
  if (!token) input.add_error("token", "is required");
  if (!password) {
    input.add_error("password", "is required");
  } else if (auto fit = secrets::check_new_password(*password); !fit) {
    input.add_error("password", fit.error());
  }
  if (!input.errors().empty()) return invalid_fields(input.errors());
  auto hash = secrets::hash_password(*password);
  if (!hash) return http::error_response(503, "busy", hash.error());
  auto completed = complete_setup(app.database(), *token, *hash, app.now());
  if (!completed) return storage_failure("set the password", completed.error());
  if (!*completed) return http::error_response(404, "unknown_setup_token", "the setup link is unknown, used or expired");
  return http::json_response(200, "{\"password_set\":true}");
}

}  // namespace

void register_routes(App& app, http::Router& router) {
  using http::Access;
  using http::RouteDoc;
  router.add("POST", "/api/v1/session", [&app](http::Request& r) { return login(app, r); },
             RouteDoc{"Log in with e-mail address and password", "login", {"application/json"},
                      {{201, "Logged in: the session cookie is set; the body holds the CSRF token"},
                       {401, "Wrong e-mail address or password"}, {422, "A field is missing or unknown"},
                       {429, "Too many failed logins for this account or address"}},
                      Access::public_, true});
  router.add("DELETE", "/api/v1/session", [&app](http::Request& r) { return logout(app, r); },
             RouteDoc{"Log out", "logout", {}, {{200, "Logged out"}, {401, "Not logged in"}, {403, "CSRF token missing or wrong"}},
                      Access::user, true});
  router.add("GET", "/api/v1/me", [&app](http::Request& r) { return me(app, r); },
             RouteDoc{"The calling user", "me", {}, {{200, "The user"}, {401, "Not logged in"}}, Access::user, true});
  router.add("POST", "/api/v1/tokens", [&app](http::Request& r) { return new_token(app, r); },
             RouteDoc{"Create an API token for the calling user (shown once)", "createToken", {"application/json"},
                      {{201, "The token"}, {401, "Not logged in"}, {403, "CSRF token missing or wrong"},
                       {422, "Bad name"}},
                      Access::user, true});
  router.add("POST", "/api/v1/setup", [&app](http::Request& r) { return setup(app, r); },
             RouteDoc{"Set the password of a new account (the first admin, or a user an admin created) with its one-time setup token", "completeSetup",
                      {"application/json"},
                      {{200, "Password set"}, {404, "Unknown, used or expired setup token"},
                       {422, "Password too short or too long"}},
                      Access::public_, true});
  register_setup_pages(app, router);
  register_admin_routes(app, router);
}

}  // namespace lotse::server::accounts
