// Accounts in the database: users and their password hashes, login
// sessions with their CSRF tokens, API tokens, and the one-time setup links
// of the first-run bootstrap. Every secret (session id, CSRF token, API
// token, setup token) is handed out once and stored only as
// secrets::hash_token() of it; a copy of the database opens no account.
//
// Thread safety: functions over a shared Database, safe concurrently.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace lotse::server::accounts {

struct User {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::string email;
  std::string display_name;
  std::string role;  // admin, coordinator, vendor_member, reporter, operator
};

struct Credentials {
  User user;
  std::optional<std::string> password_hash;  // none: the account has no password yet
  bool disabled = false;
};

// The account with `email` (compared exactly, as stored: lower-case).
store::Result<std::optional<Credentials>> find_credentials(store::Database& database, const std::string& email);

struct NewSession {
  std::string id;          // the cookie value
  std::string csrf_token;  // sent back by the client in X-CSRF-Token
  std::int64_t expires_at = 0;
};

// A session for `user_id` lasting `lifetime` seconds from `now`; expired
// sessions of everyone are removed on the way.
store::Result<NewSession> create_session(store::Database& database, std::int64_t user_id, std::int64_t now,
                                         std::int64_t lifetime);

struct Session {
  User user;
  std::string csrf_token_hash;
  std::int64_t expires_at = 0;
};

// The unexpired session whose id is `session_id` of an enabled user.
store::Result<std::optional<Session>> find_session(store::Database& database, const std::string& session_id,
                                                   std::int64_t now);

// Ends the session `session_id` (no error when there is none).
store::Result<void> delete_session(store::Database& database, const std::string& session_id);

struct NewToken {
  std::int64_t id = 0;
  std::string token;  // "lotse_" + 43 characters, shown once
};

// A new API token of `user_id` named `name`.
store::Result<NewToken> create_api_token(store::Database& database, std::int64_t user_id, const std::string& name,
                                         std::int64_t now);

// The enabled user an API token belongs to.
store::Result<std::optional<User>> find_token_user(store::Database& database, const std::string& token);

struct BootstrapOutcome {
  bool created = false;                    // false: the database had users already; nothing changed
  std::int64_t user_id = 0;
  std::optional<std::string> setup_token;  // when no password was given
};

// The first account: when the database has no user at all, creates the
// organisation (a CERT) and its admin, with `password_hash` or, without
// one, a setup token valid until now + setup_lifetime. One transaction:
// two concurrent bootstraps create one admin.
store::Result<BootstrapOutcome> bootstrap_admin(store::Database& database, const std::string& email,
                                                const std::string& organisation,
                                                const std::optional<std::string>& password_hash, std::int64_t now,
                                                std::int64_t setup_lifetime);

// Sets the password of the setup token's user and spends the token; false
// when the token is unknown, spent or expired.
store::Result<bool> complete_setup(store::Database& database, const std::string& setup_token,
                                   const std::string& password_hash, std::int64_t now);

}  // namespace lotse::server::accounts
