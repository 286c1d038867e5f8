#include "server/accounts/directory.hpp"

#include <array>
#include <string_view>

#include "server/secrets.hpp"

namespace lotse::server::accounts {
namespace {

using store::Connection;
using store::Row;

constexpr std::array<std::string_view, 5> kKinds = {"cert", "vendor", "supplier", "reporter", "operator"};
constexpr std::array<std::string_view, 5> kRoles = {"admin", "coordinator", "vendor_member", "reporter", "operator"};

constexpr const char* kOrganisationColumns = "id, name, kind, created_at";
constexpr const char* kRecordColumns =
    "id, organisation_id, email, display_name, role, disabled, CASE WHEN password_hash IS NULL THEN 0 ELSE 1 END, created_at";

Organisation organisation_from(const Row& row) {
  return Organisation{row.integer(0), row.text(1), row.text(2), row.integer(3)};
}

UserRecord record_from(const Row& row) {
  return UserRecord{User{row.integer(0), row.integer(1), row.text(2), row.text(3), row.text(4)},
                    row.integer(5) != 0, row.integer(6) != 0, row.integer(7)};
}

template <typename T, typename Convert>
store::Result<std::vector<T>> read_all(store::Database& database, const std::string& sql, Convert convert) {
  std::vector<T> found;
  auto done = database.with_transaction(
      [&](Connection& c) -> store::Result<void> {
        auto rows = c.query(sql);
        if (!rows) return tl::unexpected(rows.error());
        found.clear();
        for (const Row& row : *rows) found.push_back(convert(row));
        return {};
      },
      store::TransactionMode::read);
  if (!done) return tl::unexpected(done.error());
  return found;
}

}  // namespace

bool is_organisation_kind(std::string_view kind) {
  for (std::string_view k : kKinds) {
    if (k == kind) return true;
  }
  return false;
}

bool is_role(std::string_view role) {
  for (std::string_view r : kRoles) {
    if (r == role) return true;
  }
  return false;
}

store::Result<std::string> add_setup_token(Connection& connection, std::int64_t user_id, std::int64_t now,
                                           std::int64_t lifetime) {
  std::string token = secrets::random_token();
  auto added = connection.execute(
      "INSERT INTO setup_tokens (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
      {secrets::hash_token(token), user_id, now, now + lifetime});
  if (!added) return tl::unexpected(added.error());
  return token;
}

store::Result<Organisation> create_organisation(store::Database& database, const std::string& name,
                                                const std::string& kind, std::int64_t now) {
  Organisation created{0, name, kind, now};
  auto done = database.with_transaction([&](Connection& c) -> store::Result<void> {
    auto rows = c.query("INSERT INTO organisations (name, kind, created_at) VALUES ($1, $2, $3) RETURNING id",
                        {name, kind, now});
    if (!rows) return tl::unexpected(rows.error());
    created.id = (*rows)[0].integer(0);
    return {};
  });
  if (!done) return tl::unexpected(done.error());
  return created;
}

store::Result<std::vector<Organisation>> list_organisations(store::Database& database) {
  return read_all<Organisation>(database, std::string("SELECT ") + kOrganisationColumns + " FROM organisations ORDER BY id",
                                organisation_from);
}

store::Result<std::optional<Organisation>> find_organisation(store::Database& database, std::int64_t id) {
  std::optional<Organisation> found;
  auto done = database.with_transaction(
      [&](Connection& c) -> store::Result<void> {
        auto rows = c.query(std::string("SELECT ") + kOrganisationColumns + " FROM organisations WHERE id = $1", {id});
        if (!rows) return tl::unexpected(rows.error());
        found.reset();
        if (!rows->empty()) found = organisation_from((*rows)[0]);
        return {};
      },
      store::TransactionMode::read);
  if (!done) return tl::unexpected(done.error());
  return found;
}

store::Result<CreatedUser> create_user(store::Database& database, const NewUser& user, std::int64_t now,
                                       std::int64_t setup_lifetime) {
  CreatedUser created;
  auto done = database.with_transaction([&](Connection& c) -> store::Result<void> {
    created = CreatedUser{};
    auto organisation = c.query("SELECT id FROM organisations WHERE id = $1", {user.organisation_id});
    if (!organisation) return tl::unexpected(organisation.error());
    if (organisation->empty()) {
      created.outcome = CreatedUser::Outcome::unknown_organisation;
      return {};
    }
    auto taken = c.query("SELECT id FROM users WHERE email = $1", {user.email});
    if (!taken) return tl::unexpected(taken.error());
    if (!taken->empty()) {
      created.outcome = CreatedUser::Outcome::email_taken;
      return {};
    }
    auto rows = c.query(
        "INSERT INTO users (organisation_id, email, display_name, role, password_hash, created_at) "
        "VALUES ($1, $2, $3, $4, NULL, $5) RETURNING id",
        {user.organisation_id, user.email, user.display_name, user.role, now});
    if (!rows) return tl::unexpected(rows.error());
    const std::int64_t id = (*rows)[0].integer(0);
    auto token = add_setup_token(c, id, now, setup_lifetime);
    if (!token) return tl::unexpected(token.error());
    created.record = UserRecord{User{id, user.organisation_id, user.email, user.display_name, user.role}, false, false, now};
    created.setup_token = std::move(*token);
    return {};
  });
  if (!done) {
    // A concurrent insert of the same address won the race.
    if (done.error().kind == store::Error::Kind::unique_violation) {
      return CreatedUser{CreatedUser::Outcome::email_taken, {}, {}};
    }
    return tl::unexpected(done.error());
  }
  return created;
}

store::Result<std::vector<UserRecord>> list_users(store::Database& database) {
  return read_all<UserRecord>(database, std::string("SELECT ") + kRecordColumns + " FROM users ORDER BY id",
                              record_from);
}

store::Result<std::optional<UserRecord>> update_user(store::Database& database, std::int64_t id,
                                                     const UserChanges& changes) {
  std::optional<UserRecord> updated;
  auto done = database.with_transaction([&](Connection& c) -> store::Result<void> {
    updated.reset();
    if (changes.role) {
      auto set = c.execute("UPDATE users SET role = $1 WHERE id = $2", {*changes.role, id});
      if (!set) return tl::unexpected(set.error());
    }
    if (changes.display_name) {
      auto set = c.execute("UPDATE users SET display_name = $1 WHERE id = $2", {*changes.display_name, id});
      if (!set) return tl::unexpected(set.error());
    }
    if (changes.disabled) {
      auto set = c.execute("UPDATE users SET disabled = $1 WHERE id = $2",
                           {std::int64_t{*changes.disabled ? 1 : 0}, id});
      if (!set) return tl::unexpected(set.error());
      if (*changes.disabled) {
        auto ended = c.execute("DELETE FROM sessions WHERE user_id = $1", {id});
        if (!ended) return tl::unexpected(ended.error());
      }
    }
    auto rows = c.query(std::string("SELECT ") + kRecordColumns + " FROM users WHERE id = $1", {id});
    if (!rows) return tl::unexpected(rows.error());
    if (!rows->empty()) updated = record_from((*rows)[0]);
    return {};
  });
  if (!done) return tl::unexpected(done.error());
  return updated;
}

}  // namespace lotse::server::accounts
