// The account setup page: the link `lotse serve --bootstrap-admin` prints
// and POST /api/v1/users answers with (/setup/TOKEN) opens a form (no
// JavaScript) where the first admin or a new user sets the password; the same rules as POST /api/v1/setup. Browsers get pages,
// other clients the API's JSON errors.
#include "server/accounts/repository.hpp"
#include "server/accounts/routes.hpp"
#include "server/html.hpp"
#include "server/http/form.hpp"
#include "server/json_input.hpp"
#include "server/secrets.hpp"

namespace lotse::server::accounts {
namespace {

std::string setup_form(std::string_view token, std::string_view problem) {
  std::string body;
  if (!problem.empty()) body += "<p class=\"error\" role=\"alert\">" + html::escape(problem) + "</p>\n";
  body += "<p>Choose the password of your account (at least 12 characters).</p>\n"
          "<form method=\"post\" action=\"/setup/" + html::escape(token) + "\">\n"
          "<p><label for=\"password\">Password</label><br>\n"
          "<input type=\"password\" id=\"password\" name=\"password\" minlength=\"12\" maxlength=\"1024\" "
          "autocomplete=\"new-password\" required></p>\n"
          "<p><label for=\"password_repeat\">The same again</label><br>\n"
          "<input type=\"password\" id=\"password_repeat\" name=\"password_repeat\" minlength=\"12\" "
          "maxlength=\"1024\" autocomplete=\"new-password\" required></p>\n"
          "<p><button type=\"submit\">Set the password</button></p>\n</form>\n";
  return html::page("Set up Lotse", body);
}

http::Response refuse(const http::Request& request, int status, std::string_view code, const std::string& field,
                      const std::string& message) {
  if (request.accepts_html()) return http::html_response(status, setup_form(request.param("token"), message));
  if (field.empty()) return http::error_response(status, code, message);
  return invalid_fields({{field, message}});
}

http::Response show(http::Request& request) {
  return http::html_response(200, setup_form(request.param("token"), ""));
}

http::Response submit(App& app, http::Request& request) {
  if (request.media_type() != "application/x-www-form-urlencoded") {
    return http::error_response(415, "unsupported_media_type", "send the form as application/x-www-form-urlencoded");
  }
  auto form = http::parse_urlencoded(request.body);
  if (!form) return http::error_response(400, "malformed_form", form.error());
  const http::FormField* password = form->find("password");
  const http::FormField* repeat = form->find("password_repeat");
  if (!password) return refuse(request, 422, "invalid_field", "password", "is required");
  if (auto fit = secrets::check_new_password(password->value); !fit) {
    return refuse(request, 422, "invalid_field", "password", "The password " + fit.error() + ".");
  }
  if (!repeat || repeat->value != password->value) {
    return refuse(request, 422, "invalid_field", "password_repeat", "The two passwords differ.");
  }
  auto hash = secrets::hash_password(password->value);
  if (!hash) return http::error_response(503, "busy", hash.error());
  auto completed = complete_setup(app.database(), std::string(request.param("token")), *hash, app.now());
  if (!completed) return storage_failure("set the password", completed.error());
  if (!*completed) {
    return refuse(request, 404, "unknown_setup_token", "", "This setup link is unknown, used or expired.");
  }
  return http::html_response(
      200, html::page("Password set", "<p>The password is set. This link works no more.</p>"));
}

}  // namespace

void register_setup_pages(App& app, http::Router& router) {
  router.add("GET", "/setup/{token}", [](http::Request& r) { return show(r); },
             http::RouteDoc{"Account setup page (HTML): the first admin's or a new user's link", "setupPage", {}, {{200, "The form"}},
                            http::Access::public_, false});
  router.add("POST", "/setup/{token}", [&app](http::Request& r) { return submit(app, r); },
             http::RouteDoc{"Account setup form (HTML)", "submitSetupPage", {"application/x-www-form-urlencoded"},
                            {{200, "Password set"}, {404, "Unknown setup link"}, {422, "Bad password"}},
                            http::Access::public_, false});
}

}  // namespace lotse::server::accounts
