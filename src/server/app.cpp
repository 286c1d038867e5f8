#include "server/app.hpp"

#include <iostream>

#include "server/accounts/routes.hpp"
#include "server/openapi.hpp"
#include "server/pages.hpp"
#include "server/reports/routes.hpp"
#include "server/secrets.hpp"

namespace lotse::server {

App::App(store::Database& database, AppConfig config, Clock clock)
    : database_(database),
      config_(std::move(config)),
      clock_(std::move(clock)),
      login_failures_(config_.login, clock_),
      intake_limiter_(config_.intake, clock_),
      intake_writer_(database) {
  auto decoy = secrets::hash_password(secrets::random_token());
  if (decoy) decoy_password_hash_ = std::move(*decoy);
  pages::register_routes(*this, router_);
  reports::register_routes(*this, router_);
  accounts::register_routes(*this, router_);
  openapi::register_route(router_);  // last: documents the finished table
}

http::Response storage_failure(std::string_view what, const store::Error& error) {
  std::cerr << "lotse serve: " << what << ": " << error.message << "\n";
  if (error.kind == store::Error::Kind::retryable) {
    return http::error_response(503, "busy", "the server is busy; try again").with_header("Retry-After", "1");
  }
  return http::error_response(500, "storage_failure", "the server could not " + std::string(what));
}

}  // namespace lotse::server
