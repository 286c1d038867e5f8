// The directory of the platform: organisations and their users as admins
// manage them through the API (admin_routes.cpp). A new user gets no
// password: like the first admin of bootstrap_admin(), it gets a one-time
// setup token the admin hands over, spent by complete_setup().
//
// Every write is one transaction. Thread safety: functions over a shared
// Database, safe concurrently.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/accounts/repository.hpp"
#include "store/database.hpp"

namespace lotse::server::accounts {

struct Organisation {
  std::int64_t id = 0;
  std::string name;
  std::string kind;  // cert, vendor, supplier, reporter, operator
  std::int64_t created_at = 0;
};

struct UserRecord {
  User user;
  bool disabled = false;
  bool has_password = false;
  std::int64_t created_at = 0;
};

// True for the organisation kinds the schema allows.
bool is_organisation_kind(std::string_view kind);
// True for the roles the schema allows.
bool is_role(std::string_view role);

// A new organisation; its id.
store::Result<Organisation> create_organisation(store::Database& database, const std::string& name,
                                                const std::string& kind, std::int64_t now);

// All organisations, oldest first.
store::Result<std::vector<Organisation>> list_organisations(store::Database& database);

// The organisation `id`, if there is one.
store::Result<std::optional<Organisation>> find_organisation(store::Database& database, std::int64_t id);

struct NewUser {
  std::int64_t organisation_id = 0;
  std::string email;  // normalised (normalise_email)
  std::string display_name;
  std::string role;
};

struct CreatedUser {
  enum class Outcome { created, email_taken, unknown_organisation };
  Outcome outcome = Outcome::created;
  UserRecord record;
  std::string setup_token;  // valid until now + setup_lifetime; shown once
};

// A user without a password and its setup token, in one transaction: no
// user without a token, no token without a user. A taken e-mail address or
// an unknown organisation changes nothing and says so.
store::Result<CreatedUser> create_user(store::Database& database, const NewUser& user, std::int64_t now,
                                       std::int64_t setup_lifetime);

// All users, oldest first.
store::Result<std::vector<UserRecord>> list_users(store::Database& database);

struct UserChanges {
  std::optional<std::string> role;
  std::optional<std::string> display_name;
  std::optional<bool> disabled;
};

// Applies `changes` to the user `id` and returns the result (none: no such
// user). Disabling ends the user's sessions in the same transaction; its
// API tokens stop working because every lookup skips disabled users
// (and work again when the user is enabled again).
store::Result<std::optional<UserRecord>> update_user(store::Database& database, std::int64_t id,
                                                     const UserChanges& changes);

// Inside a transaction: a setup token for `user_id` valid until now +
// lifetime (shared by bootstrap_admin and create_user).
store::Result<std::string> add_setup_token(store::Connection& connection, std::int64_t user_id, std::int64_t now,
                                           std::int64_t lifetime);

}  // namespace lotse::server::accounts
