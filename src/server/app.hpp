// The platform behind `lotse serve`: one object holding what every handler
// needs (the database, the configuration, the clock, the rate limiters)
// and the route table that each area fills in at construction:
// reports/routes.cpp (intake, follow links, the form), accounts/routes.cpp
// (login, sessions, tokens, first-run setup), openapi.cpp (the document
// of the API, built from the finished table).
//
// The App never listens itself; http::Daemon serves app.router(). Tests
// build an App over a test database and a ManualClock and serve it on an
// ephemeral loopback port.
//
// Thread safety: after construction everything is read-only or internally
// synchronised (Database, RateLimiter); handlers run concurrently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "server/clock.hpp"
#include "server/http/router.hpp"
#include "server/intake_key.hpp"
#include "server/rate_limiter.hpp"
#include "server/reports/intake_writer.hpp"
#include "store/database.hpp"

namespace lotse::server {

struct AppConfig {
  // The address people reach the platform at, for links the API and the
  // start-up output give ("https://cvd.example.com"); empty: relative links.
  std::string public_url;
  // Failed logins allowed per account and per client address in a window.
  RateLimit login{10, 900};
  // Reports accepted per client address in a window.
  RateLimit intake{30, 3600};
  // Attachments of one report: how many, and their bytes together.
  std::size_t max_attachments = 10;
  std::size_t max_attachment_bytes = 10u << 20;
  // How long a login session lasts.
  std::int64_t session_seconds = 8 * 3600;
  // How long a first-run setup link stays valid.
  std::int64_t setup_seconds = 24 * 3600;
  // The key reports may be encrypted to; none: only plain JSON is taken.
  std::shared_ptr<IntakeKey> intake_key;
};

class App {
 public:
  // REQUIRES: `database` is migrated and outlives the App.
  App(store::Database& database, AppConfig config, Clock clock = system_clock());

  const http::Router& router() const { return router_; }
  store::Database& database() { return database_; }
  const AppConfig& config() const { return config_; }
  std::int64_t now() const { return clock_(); }
  RateLimiter& login_failures() { return login_failures_; }
  RateLimiter& intake_limiter() { return intake_limiter_; }
  // Where reports are written (batched commits, reports/intake_writer.hpp).
  reports::IntakeWriter& intake_writer() { return intake_writer_; }
  // An argon2id hash of a random password, verified against when a login
  // names an unknown account, so that such a login costs the same time.
  const std::string& decoy_password_hash() const { return decoy_password_hash_; }

 private:
  store::Database& database_;
  AppConfig config_;
  Clock clock_;
  RateLimiter login_failures_;
  RateLimiter intake_limiter_;
  std::string decoy_password_hash_;
  reports::IntakeWriter intake_writer_;
  http::Router router_;
};

// Logs a storage failure and returns the 500 (or, for contention that
// outlasted the retries, 503) a handler answers with.
http::Response storage_failure(std::string_view what, const store::Error& error);

}  // namespace lotse::server
