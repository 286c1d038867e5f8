// The fixture of the API tests: a fresh database of the test's back end
// (store/backends.hpp: SQLite file or a database on the real PostgreSQL
// test server), an App over it with a ManualClock, served by a real
// http::Daemon on an ephemeral 127.0.0.1 port, and a real HTTP client
// (support/http_request.hpp). Every API test runs unchanged on both back
// ends (LOTSE_BOTH_BACKENDS).
#pragma once

#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "server/accounts/repository.hpp"
#include "server/app.hpp"
#include "server/http/daemon.hpp"
#include "server/secrets.hpp"
#include "store/backends.hpp"
#include "support/http_request.hpp"

namespace lotse::server::testing {

using lotse::testing::http_request;
using lotse::testing::HttpResponse;

inline constexpr std::int64_t kStart = 1796000000;  // 2026-11-30

class ServedApp : public store::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    database_ = open_migrated();
    ASSERT_TRUE(database_);
    start(config());
  }

  void TearDown() override {
    if (daemon_) daemon_->stop();
  }

  // The configuration the App starts with; tests may override.
  virtual AppConfig config() {
    AppConfig config;
    config.intake = RateLimit{1000, 3600};
    config.max_attachment_bytes = 1u << 20;
    return config;
  }

  void start(const AppConfig& config) {
    if (daemon_) daemon_->stop();
    app_ = std::make_unique<App>(*database_, config, clock_.clock());
    http::DaemonOptions options;
    options.port = 0;
    options.max_body_bytes = 4u << 20;
    options.shutdown_grace = std::chrono::milliseconds(2000);
    auto daemon = http::Daemon::start(options, app_->router());
    ASSERT_TRUE(daemon) << daemon.error();
    daemon_ = std::move(*daemon);
    base_ = "http://127.0.0.1:" + std::to_string(daemon_->port());
  }

  HttpResponse get(const std::string& path, const std::vector<std::string>& headers = {}) {
    return http_request("GET", base_ + path, headers);
  }
  HttpResponse post_json(const std::string& path, const std::string& body, std::vector<std::string> headers = {}) {
    headers.push_back("Content-Type: application/json");
    return http_request("POST", base_ + path, headers, body);
  }

  // The headers a browser sends for a session: "Cookie: lotse_session=..."
  // and "X-CSRF-Token: ...".
  struct Login {
    std::string cookie;
    std::string csrf;
  };

  // Logs in through POST /api/v1/session, expecting 201 and a session
  // cookie that is HttpOnly, Secure and SameSite=Strict.
  Login login(const std::string& email, const std::string& password) {
    const auto response =
        post_json("/api/v1/session", nlohmann::json{{"email", email}, {"password", password}}.dump());
    EXPECT_EQ(response.status, 201) << response.body;
    const std::string set_cookie = response.header("set-cookie");
    EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set_cookie.find("Secure"), std::string::npos);
    EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos);
    const auto body = nlohmann::json::parse(response.body, nullptr, false);
    return Login{"Cookie: " + set_cookie.substr(0, set_cookie.find(';')),
                 "X-CSRF-Token: " + (body.is_object() ? body.value("csrf_token", "") : "")};
  }

  // The number of rows in `table`.
  std::int64_t count(const std::string& table) { return store::testing::row_count(*database_, table); }

  // A user with `role` and `password` in a new organisation; its id.
  std::int64_t add_user(const std::string& email, const std::string& role, const std::string& password) {
    auto hash = secrets::hash_password(password);
    EXPECT_TRUE(hash);
    std::int64_t id = 0;
    auto done = database_->with_transaction([&](store::Connection& c) -> store::Result<void> {
      auto org = c.query("INSERT INTO organisations (name, kind, created_at) VALUES ('Org', 'cert', 0) RETURNING id");
      if (!org) return tl::unexpected(org.error());
      auto user = c.query(
          "INSERT INTO users (organisation_id, email, display_name, role, password_hash, created_at) "
          "VALUES ($1, $2, $2, $3, $4, 0) RETURNING id",
          {(*org)[0].integer(0), email, role, *hash});
      if (!user) return tl::unexpected(user.error());
      id = (*user)[0].integer(0);
      return {};
    });
    EXPECT_TRUE(done) << done.error().message;
    return id;
  }

  // An API token of a new user with `role`: the Authorization header.
  std::string bearer_for(const std::string& role) {
    const std::int64_t id =
        add_user(role + std::to_string(++users_) + "@example.org", role, "correct horse battery staple");
    auto token = accounts::create_api_token(*database_, id, "test", kStart);
    EXPECT_TRUE(token);
    return "Authorization: Bearer " + (token ? token->token : "");
  }

  // Expects a JSON error body with `status` and `code`; the parsed body.
  static nlohmann::json expect_error(const HttpResponse& response, long status, const std::string& code) {
    EXPECT_EQ(response.status, status) << response.body;
    EXPECT_EQ(response.header("content-type"), "application/json") << response.body;
    auto body = nlohmann::json::parse(response.body, nullptr, false);
    EXPECT_FALSE(body.is_discarded()) << response.body;
    if (body.is_discarded()) return body;
    EXPECT_EQ(body["error"]["status"], status) << response.body;
    EXPECT_EQ(body["error"]["code"], code) << response.body;
    EXPECT_TRUE(body["error"]["message"].is_string()) << response.body;
    return body;
  }

  int users_ = 0;  // made by bearer_for
  ManualClock clock_{kStart};
  std::unique_ptr<store::Database> database_;
  std::unique_ptr<App> app_;
  std::unique_ptr<http::Daemon> daemon_;
  std::string base_;
};

}  // namespace lotse::server::testing
