// Accounts over HTTP on both back ends: first-run bootstrap (password or
// one-time setup token, never a default), login with argon2id passwords,
// the session cookie and its CSRF token (missing, forged), expiry by the
// injected clock, API tokens stored as hashes, and the login rate limit.
#include <regex>

#include "server/accounts/routes.hpp"
#include "server/served_app.hpp"

namespace lotse::server {
namespace {

using nlohmann::json;
using testing::kStart;
using testing::ServedApp;
using lotse::testing::http_request;

constexpr const char* kPassword = "correct horse battery staple";

class Accounts : public ServedApp {};
LOTSE_BOTH_BACKENDS(Accounts);

TEST_P(Accounts, BootstrapWithAPasswordCreatesOneAdminOnlyOnce) {
  auto hash = secrets::hash_password(kPassword);
  ASSERT_TRUE(hash);
  auto first = accounts::bootstrap_admin(*database_, "admin@cert.example", "Example CERT", *hash, kStart, 3600);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_TRUE(first->created);
  EXPECT_FALSE(first->setup_token);
  auto second = accounts::bootstrap_admin(*database_, "other@cert.example", "Other", *hash, kStart, 3600);
  ASSERT_TRUE(second);
  EXPECT_FALSE(second->created);
  EXPECT_EQ(count("users"), 1);

  const Login session = login("Admin@Cert.Example", kPassword);
  const auto me = get("/api/v1/me", {session.cookie});
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(json::parse(me.body)["role"], "admin");
  EXPECT_EQ(json::parse(me.body)["email"], "admin@cert.example");
}

TEST_P(Accounts, BootstrapWithoutAPasswordGivesASetupTokenThatWorksOnce) {
  auto outcome = accounts::bootstrap_admin(*database_, "admin@cert.example", "CERT", std::nullopt, kStart, 3600);
  ASSERT_TRUE(outcome && outcome->created && outcome->setup_token);
  // No password yet: no login, not even with an empty one.
  expect_error(post_json("/api/v1/session", json{{"email", "admin@cert.example"}, {"password", ""}}.dump()), 401,
               "invalid_credentials");
  const std::string token = *outcome->setup_token;
  expect_error(post_json("/api/v1/setup", json{{"token", token}, {"password", "short"}}.dump()), 422, "invalid_field");
  expect_error(post_json("/api/v1/setup", json{{"token", "forged"}, {"password", kPassword}}.dump()), 404,
               "unknown_setup_token");
  EXPECT_EQ(post_json("/api/v1/setup", json{{"token", token}, {"password", kPassword}}.dump()).status, 200);
  expect_error(post_json("/api/v1/setup", json{{"token", token}, {"password", "another long password"}}.dump()), 404,
               "unknown_setup_token");
  login("admin@cert.example", kPassword);
}

TEST_P(Accounts, TheSetupPageSetsThePasswordWithAPlainFormPost) {
  auto outcome = accounts::bootstrap_admin(*database_, "admin@cert.example", "CERT", std::nullopt, kStart, 3600);
  ASSERT_TRUE(outcome && outcome->setup_token);
  const std::string path = "/setup/" + *outcome->setup_token;
  const auto page = get(path);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("action=\"" + path + "\""), std::string::npos);
  auto post = [&](const std::string& body, std::vector<std::string> headers = {}) {
    headers.push_back("Content-Type: application/x-www-form-urlencoded");
    return http_request("POST", base_ + path, headers, body);
  };
  expect_error(post("password=short&password_repeat=short"), 422, "invalid_field");
  expect_error(post("password=twelve+chars+ok&password_repeat=other+twelve+chars"), 422, "invalid_field");
  const auto differ = post("password=twelve+chars+ok&password_repeat=other+twelve+chars", {"Accept: text/html"});
  EXPECT_EQ(differ.status, 422);
  EXPECT_NE(differ.body.find("The two passwords differ."), std::string::npos);
  expect_error(post("password=%zz"), 400, "malformed_form");
  expect_error(http_request("POST", base_ + "/setup/forged", {"Content-Type: application/x-www-form-urlencoded"},
                            "password=twelve+chars+ok&password_repeat=twelve+chars+ok"),
               404, "unknown_setup_token");
  EXPECT_EQ(post("password=twelve+chars+ok&password_repeat=twelve+chars+ok").status, 200);
  login("admin@cert.example", "twelve chars ok");
  // The page escapes what it echoes.
  const auto hostile = get("/setup/%3Cscript%3E");
  EXPECT_EQ(hostile.body.find("<script>"), std::string::npos);
}

TEST_P(Accounts, ASetupTokenExpires) {
  auto outcome = accounts::bootstrap_admin(*database_, "admin@cert.example", "CERT", std::nullopt, kStart, 3600);
  ASSERT_TRUE(outcome && outcome->setup_token);
  clock_.advance(3600);
  expect_error(post_json("/api/v1/setup", json{{"token", *outcome->setup_token}, {"password", kPassword}}.dump()), 404,
               "unknown_setup_token");
}

TEST_P(Accounts, PasswordsAreStoredAsArgon2idHashes) {
  add_user("c@example.org", "coordinator", kPassword);
  auto credentials = accounts::find_credentials(*database_, "c@example.org");
  ASSERT_TRUE(credentials && *credentials && (*credentials)->password_hash);
  EXPECT_TRUE((*credentials)->password_hash->starts_with("$argon2id$"));
  EXPECT_EQ((*credentials)->password_hash->find(kPassword), std::string::npos);
}

TEST_P(Accounts, WritesWithASessionNeedItsCsrfToken) {
  add_user("c@example.org", "coordinator", kPassword);
  const Login session = login("c@example.org", kPassword);
  const std::string body = json{{"name", "ci"}}.dump();
  expect_error(post_json("/api/v1/tokens", body, {session.cookie}), 403, "csrf_token_missing");
  expect_error(post_json("/api/v1/tokens", body, {session.cookie, "X-CSRF-Token: forged"}), 403, "csrf_token_invalid");
  // Another session's token does not fit this session.
  const Login other = login("c@example.org", kPassword);
  expect_error(post_json("/api/v1/tokens", body, {session.cookie, other.csrf}), 403, "csrf_token_invalid");
  EXPECT_EQ(count("api_tokens"), 0);

  const auto created = post_json("/api/v1/tokens", body, {session.cookie, session.csrf});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string token = json::parse(created.body)["token"];
  EXPECT_TRUE(token.starts_with("lotse_"));
  // Stored only as its hash; works as a bearer token without CSRF.
  auto stored = database_->with_transaction(
      [&](store::Connection& c) -> store::Result<void> {
        auto rows = c.query("SELECT token_hash FROM api_tokens");
        if (!rows) return tl::unexpected(rows.error());
        EXPECT_EQ((*rows)[0].text(0), secrets::hash_token(token));
        return {};
      },
      store::TransactionMode::read);
  ASSERT_TRUE(stored);
  EXPECT_EQ(get("/api/v1/me", {"Authorization: Bearer " + token}).status, 200);
  EXPECT_EQ(post_json("/api/v1/tokens", body, {"Authorization: Bearer " + token}).status, 201);

  // Logout needs the token too, and ends the session.
  expect_error(http_request("DELETE", base_ + "/api/v1/session", {session.cookie}), 403, "csrf_token_missing");
  EXPECT_EQ(http_request("DELETE", base_ + "/api/v1/session", {session.cookie, session.csrf}).status, 200);
  expect_error(get("/api/v1/me", {session.cookie}), 401, "session_expired");
  EXPECT_EQ(get("/api/v1/me", {other.cookie}).status, 200);
}

TEST_P(Accounts, ASessionExpires) {
  add_user("c@example.org", "coordinator", kPassword);
  const Login session = login("c@example.org", kPassword);
  clock_.advance(app_->config().session_seconds - 1);
  EXPECT_EQ(get("/api/v1/me", {session.cookie}).status, 200);
  clock_.advance(1);
  expect_error(get("/api/v1/me", {session.cookie}), 401, "session_expired");
  expect_error(get("/api/v1/me", {"Cookie: lotse_session=forged"}), 401, "session_expired");
  expect_error(get("/api/v1/me"), 401, "not_authenticated");
}

TEST_P(Accounts, TenWrongPasswordsLockTheAccountUntilTheWindowPasses) {
  add_user("c@example.org", "coordinator", kPassword);
  const std::string wrong = json{{"email", "c@example.org"}, {"password", "wrong password!"}}.dump();
  const std::string right = json{{"email", "c@example.org"}, {"password", kPassword}}.dump();
  for (int i = 0; i < 10; ++i) expect_error(post_json("/api/v1/session", wrong), 401, "invalid_credentials");
  const auto locked = post_json("/api/v1/session", right);
  expect_error(locked, 429, "rate_limited");
  EXPECT_EQ(locked.header("retry-after"), "900");
  EXPECT_EQ(count("sessions"), 0);
  clock_.advance(900);
  EXPECT_EQ(post_json("/api/v1/session", right).status, 201);
}

TEST_P(Accounts, BadLoginInputIsA4xxWithAJsonError) {
  add_user("c@example.org", "coordinator", kPassword);
  expect_error(post_json("/api/v1/session", "{\"email\":"), 400, "malformed_json");
  expect_error(post_json("/api/v1/session", json{{"email", "c@example.org"}}.dump()), 422, "invalid_field");
  expect_error(post_json("/api/v1/session", json{{"email", 1}, {"password", kPassword}}.dump()), 422, "invalid_field");
  expect_error(post_json("/api/v1/session", json{{"email", "c@example.org"}, {"password", kPassword}, {"admin", true}}.dump()),
               422, "invalid_field");
  expect_error(post_json("/api/v1/session", json{{"email", "nobody@example.org"}, {"password", kPassword}}.dump()), 401,
               "invalid_credentials");
  expect_error(post_json("/api/v1/session", json{{"email", "' OR 1=1 --"}, {"password", "' OR 1=1 --"}}.dump()), 401,
               "invalid_credentials");
  expect_error(post_json("/api/v1/session", json{{"email", std::string(255, 'e')}, {"password", kPassword}}.dump()), 422,
               "invalid_field");
  expect_error(post_json("/api/v1/session", json{{"email", "c@example.org"}, {"password", std::string(4097, 'p')}}.dump()),
               422, "invalid_field");
  expect_error(http_request("POST", base_ + "/api/v1/session", {"Content-Type: text/plain"}, "x"), 415,
               "unsupported_media_type");
  EXPECT_EQ(count("sessions"), 0);
}

}  // namespace
}  // namespace lotse::server
