// The routes admins manage organisations and users with (routes.hpp lists
// them). Admins may do everything; coordinators may list and read. A new
// user has no password: the answer carries its one-time setup token and
// the /setup/TOKEN link the admin hands over.
#include <charconv>

#include "server/accounts/auth.hpp"
#include "server/accounts/directory.hpp"
#include "server/accounts/routes.hpp"
#include "server/json_input.hpp"
#include "server/json_writer.hpp"

namespace lotse::server::accounts {
namespace {

constexpr std::size_t kMaxName = 200;

// A name for people to read: 1 to kMaxName bytes, no control characters
// (the store refuses NUL; the rest only hides things in lists).
void check_name(JsonObject& input, const std::string& field, const std::optional<std::string>& name) {
  if (!name) return;
  bool control = false;
  for (const unsigned char c : *name) control = control || c < 0x20 || c == 0x7f;
  if (name->empty() || name->size() > kMaxName || control) {
    input.add_error(field, "must be 1 to " + std::to_string(kMaxName) + " bytes without control characters");
  }
}

// An e-mail address good enough to log in with: local@domain, at most 254
// bytes, no spaces or control characters. Delivery is not checked.
bool plausible_email(std::string_view email) {
  const std::size_t at = email.rfind('@');
  if (email.size() > 254 || at == std::string_view::npos || at == 0 || at + 1 == email.size()) return false;
  for (const unsigned char c : email) {
    if (c <= 0x20 || c == 0x7f) return false;
  }
  return email.substr(at + 1).find('.') != std::string_view::npos || email.substr(at + 1) == "localhost";
}

std::optional<std::int64_t> path_id(const http::Request& request) {
  const std::string_view text = request.param("id");
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

void write_organisation(JsonWriter& out, const Organisation& organisation) {
  out.begin_object().key("id").number(organisation.id).key("name").string(organisation.name);
  out.key("kind").string(organisation.kind).key("created_at").number(organisation.created_at).end_object();
}

void write_record(JsonWriter& out, const UserRecord& record, const std::string* setup_token = nullptr,
                  const std::string* setup_url = nullptr) {
  const User& user = record.user;
  out.begin_object().key("id").number(user.id).key("organisation_id").number(user.organisation_id);
  out.key("email").string(user.email).key("display_name").string(user.display_name).key("role").string(user.role);
  out.key("disabled").boolean(record.disabled).key("has_password").boolean(record.has_password);
  out.key("created_at").number(record.created_at);
  if (setup_token) out.key("setup_token").string(*setup_token);
  if (setup_url) out.key("setup_url").string(*setup_url);
  out.end_object();
}

http::Response unknown_organisation() {
  return http::error_response(404, "unknown_organisation", "no organisation with this id");
}

http::Response list_organisations_route(App& app, http::Request& request) {
  auto caller = require_role(app, request, {"admin", "coordinator"});
  if (!caller) return std::move(caller.error());
  auto organisations = list_organisations(app.database());
  if (!organisations) return storage_failure("list organisations", organisations.error());
  JsonWriter out;
  out.begin_object().key("organisations").begin_array();
  for (const Organisation& organisation : *organisations) write_organisation(out, organisation);
  out.end_array().end_object();
  return http::json_response(200, out.take());
}

http::Response get_organisation_route(App& app, http::Request& request) {
  auto caller = require_role(app, request, {"admin", "coordinator"});
  if (!caller) return std::move(caller.error());
  auto id = path_id(request);
  if (!id) return unknown_organisation();
  auto organisation = find_organisation(app.database(), *id);
  if (!organisation) return storage_failure("read the organisation", organisation.error());
  if (!*organisation) return unknown_organisation();
  JsonWriter out;
  write_organisation(out, **organisation);
  return http::json_response(200, out.take());
}

http::Response create_organisation_route(App& app, http::Request& request) {
  auto caller = require_role(app, request, {"admin"});
  if (!caller) return std::move(caller.error());
  auto document = parse_json_body(request);
  if (!document) return std::move(document.error());
  JsonObject input(document->root());
  input.allow_only({"name", "kind"});
  auto name = input.text("name");
  auto kind = input.text("kind");
  if (const json::Value* given = document->root().find("name"); !name && (given == nullptr || given->is_null())) {
    input.add_error("name", "is required");
  }
  check_name(input, "name", name);
  if (!kind || !is_organisation_kind(*kind)) {
    input.add_error("kind", "must be one of cert, vendor, supplier, reporter, operator");
  }
  if (!input.errors().empty()) return invalid_fields(input.errors());
  auto created = create_organisation(app.database(), *name, *kind, app.now());
  if (!created) return storage_failure("create the organisation", created.error());
  JsonWriter out;
  write_organisation(out, *created);
  return http::json_response(201, out.take())
      .with_header("Location", "/api/v1/organisations/" + std::to_string(created->id));
}

http::Response list_users_route(App& app, http::Request& request) {
  auto caller = require_role(app, request, {"admin", "coordinator"});
  if (!caller) return std::move(caller.error());
  auto users = list_users(app.database());
  if (!users) return storage_failure("list users", users.error());
  JsonWriter out;
  out.begin_object().key("users").begin_array();
  for (const UserRecord& record : *users) write_record(out, record);
  out.end_array().end_object();
  return http::json_response(200, out.take());
}

const char* const kRoleMessage = "must be one of admin, coordinator, vendor_member, reporter, operator";

http::Response create_user_route(App& app, http::Request& request) {
  auto caller = require_role(app, request, {"admin"});
  if (!caller) return std::move(caller.error());
  auto document = parse_json_body(request);
  if (!document) return std::move(document.error());
  JsonObject input(document->root());
  input.allow_only({"email", "display_name", "organisation_id", "role"});
  auto email = input.text("email");
  auto display_name = input.text("display_name");
  auto organisation_id = input.integer("organisation_id");
  auto role = input.text("role");
  if (!email || !plausible_email(*email)) input.add_error("email", "must be an e-mail address of at most 254 bytes");
  if (!display_name) input.add_error("display_name", "is required");
  check_name(input, "display_name", display_name);
  if (!organisation_id || *organisation_id <= 0) input.add_error("organisation_id", "must be an organisation's id");
  if (!role || !is_role(*role)) input.add_error("role", kRoleMessage);
  if (!input.errors().empty()) return invalid_fields(input.errors());
  const NewUser wanted{*organisation_id, normalise_email(*email), *display_name, *role};
  auto created = create_user(app.database(), wanted, app.now(), app.config().setup_seconds);
  if (!created) return storage_failure("create the user", created.error());
  switch (created->outcome) {
    case CreatedUser::Outcome::email_taken:
      return http::error_response(409, "email_taken", "email: another user has this e-mail address",
                                  {{"email", "is taken"}});
    case CreatedUser::Outcome::unknown_organisation:
      return invalid_fields({{"organisation_id", "no organisation with this id"}});
    case CreatedUser::Outcome::created:
      break;
  }
  const std::string url = app.config().public_url + "/setup/" + created->setup_token;
  JsonWriter out;
  write_record(out, created->record, &created->setup_token, &url);
  return http::json_response(201, out.take());
}

http::Response update_user_route(App& app, http::Request& request) {
  auto caller = require_role(app, request, {"admin"});
  if (!caller) return std::move(caller.error());
  auto id = path_id(request);
  if (!id) return http::error_response(404, "unknown_user", "no user with this id");
  auto document = parse_json_body(request);
  if (!document) return std::move(document.error());
  JsonObject input(document->root());
  input.allow_only({"role", "display_name", "disabled"});
  UserChanges changes;
  changes.role = input.text("role");
  changes.display_name = input.text("display_name");
  if (const json::Value* disabled = document->root().find("disabled"); disabled && !disabled->is_null()) {
    const bool value = input.flag("disabled");  // not a boolean: an error
    if (disabled->is_bool()) changes.disabled = value;
  }
  if (changes.role && !is_role(*changes.role)) input.add_error("role", kRoleMessage);
  if (changes.display_name) check_name(input, "display_name", changes.display_name);
  if (!input.errors().empty()) return invalid_fields(input.errors());
  // An admin cannot lock themselves out (and so the last admin stays).
  if (*id == caller->user.id && ((changes.role && *changes.role != "admin") || changes.disabled.value_or(false))) {
    return http::error_response(409, "self_lockout", "you may not disable yourself or give up your own admin role");
  }
  auto updated = update_user(app.database(), *id, changes);
  if (!updated) return storage_failure("update the user", updated.error());
  if (!*updated) return http::error_response(404, "unknown_user", "no user with this id");
  JsonWriter out;
  write_record(out, **updated);
  return http::json_response(200, out.take());
}

}  // namespace

void register_admin_routes(App& app, http::Router& router) {
  using http::Access;
  using http::RouteDoc;
  const std::pair<int, std::string> unauthenticated{401, "Not logged in"};
  router.add("GET", "/api/v1/organisations", [&app](http::Request& r) { return list_organisations_route(app, r); },
             RouteDoc{"List the organisations (admins and coordinators)", "listOrganisations", {},
                      {{200, "The organisations, oldest first"}, unauthenticated, {403, "Not an admin or coordinator"}},
                      Access::user, true});
  router.add("POST", "/api/v1/organisations", [&app](http::Request& r) { return create_organisation_route(app, r); },
             RouteDoc{"Create an organisation (admins)", "createOrganisation", {"application/json"},
                      {{201, "The organisation"}, {400, "Malformed JSON"}, unauthenticated,
                       {403, "Not an admin, or CSRF token missing or wrong"}, {415, "Not application/json"},
                       {422, "A field is missing, unknown or invalid (named in the error)"}},
                      Access::user, true});
  router.add("GET", "/api/v1/organisations/{id}", [&app](http::Request& r) { return get_organisation_route(app, r); },
             RouteDoc{"One organisation (admins and coordinators)", "getOrganisation", {},
                      {{200, "The organisation"}, unauthenticated, {403, "Not an admin or coordinator"},
                       {404, "No such organisation"}},
                      Access::user, true});
  router.add("GET", "/api/v1/users", [&app](http::Request& r) { return list_users_route(app, r); },
             RouteDoc{"List the users (admins and coordinators)", "listUsers", {},
                      {{200, "The users, oldest first"}, unauthenticated, {403, "Not an admin or coordinator"}},
                      Access::user, true});
  router.add("POST", "/api/v1/users", [&app](http::Request& r) { return create_user_route(app, r); },
             RouteDoc{"Create a user without a password (admins): the answer holds the one-time setup token and "
                      "link the user sets a password with",
                      "createUser", {"application/json"},
                      {{201, "The user with setup_token and setup_url (shown only now)"}, {400, "Malformed JSON"},
                       unauthenticated, {403, "Not an admin, or CSRF token missing or wrong"},
                       {409, "Another user has this e-mail address"}, {415, "Not application/json"},
                       {422, "A field is missing, unknown or invalid, or the organisation is unknown"}},
                      Access::user, true});
  router.add("PATCH", "/api/v1/users/{id}", [&app](http::Request& r) { return update_user_route(app, r); },
             RouteDoc{"Change a user's role or display name, or disable it (admins); a disabled user's sessions "
                      "and API tokens stop working at once",
                      "updateUser", {"application/json"},
                      {{200, "The user"}, {400, "Malformed JSON"}, unauthenticated,
                       {403, "Not an admin, or CSRF token missing or wrong"}, {404, "No such user"},
                       {409, "An admin disabling or demoting themselves"}, {415, "Not application/json"},
                       {422, "A field is unknown or invalid (named in the error)"}},
                      Access::user, true});
}

}  // namespace lotse::server::accounts
