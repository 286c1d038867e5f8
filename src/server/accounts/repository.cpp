#include "server/accounts/repository.hpp"

#include "server/accounts/directory.hpp"
#include "server/secrets.hpp"

namespace lotse::server::accounts {
namespace {

using store::Connection;
using store::Row;

constexpr const char* kUserColumns = "u.id, u.organisation_id, u.email, u.display_name, u.role";

User user_from(const Row& row) {
  return User{row.integer(0), row.integer(1), row.text(2), row.text(3), row.text(4)};
}

}  // namespace

store::Result<std::optional<Credentials>> find_credentials(store::Database& database, const std::string& email) {
  std::optional<Credentials> found;
  auto done = database.with_transaction(
      [&](Connection& c) -> store::Result<void> {
        auto rows = c.query(std::string("SELECT ") + kUserColumns +
                                ", u.password_hash, u.disabled FROM users u WHERE u.email = $1",
                            {email});
        if (!rows) return tl::unexpected(rows.error());
        found.reset();
        if (!rows->empty()) {
          const Row& row = (*rows)[0];
          found = Credentials{user_from(row), row.optional_text(5), row.integer(6) != 0};
        }
        return {};
      },
      store::TransactionMode::read);
  if (!done) return tl::unexpected(done.error());
  return found;
}

store::Result<NewSession> create_session(store::Database& database, std::int64_t user_id, std::int64_t now,
                                         std::int64_t lifetime) {
  NewSession session{secrets::random_token(), secrets::random_token(), now + lifetime};
  auto done = database.with_transaction([&](Connection& c) -> store::Result<void> {
    auto purged = c.execute("DELETE FROM sessions WHERE expires_at <= $1", {now});
    if (!purged) return tl::unexpected(purged.error());
    auto added = c.execute(
        "INSERT INTO sessions (id_hash, user_id, csrf_token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        {secrets::hash_token(session.id), user_id, secrets::hash_token(session.csrf_token), now, session.expires_at});
    if (!added) return tl::unexpected(added.error());
    return {};
  });
  if (!done) return tl::unexpected(done.error());
  return session;
}

store::Result<std::optional<Session>> find_session(store::Database& database, const std::string& session_id,
                                                   std::int64_t now) {
  std::optional<Session> found;
  auto done = database.with_transaction(
      [&](Connection& c) -> store::Result<void> {
        auto rows = c.query(std::string("SELECT ") + kUserColumns +
                                ", s.csrf_token_hash, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id "
                                "WHERE s.id_hash = $1 AND s.expires_at > $2 AND u.disabled = 0",
                            {secrets::hash_token(session_id), now});
        if (!rows) return tl::unexpected(rows.error());
        found.reset();
        if (!rows->empty()) found = Session{user_from((*rows)[0]), (*rows)[0].text(5), (*rows)[0].integer(6)};
        return {};
      },
      store::TransactionMode::read);
  if (!done) return tl::unexpected(done.error());
  return found;
}

store::Result<void> delete_session(store::Database& database, const std::string& session_id) {
  return database.with_transaction([&](Connection& c) -> store::Result<void> {
    auto deleted = c.execute("DELETE FROM sessions WHERE id_hash = $1", {secrets::hash_token(session_id)});
    if (!deleted) return tl::unexpected(deleted.error());
    return {};
  });
}

store::Result<NewToken> create_api_token(store::Database& database, std::int64_t user_id, const std::string& name,
                                         std::int64_t now) {
  NewToken token{0, "lotse_" + secrets::random_token()};
  auto done = database.with_transaction([&](Connection& c) -> store::Result<void> {
    auto rows = c.query(
        "INSERT INTO api_tokens (user_id, token_hash, name, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        {user_id, secrets::hash_token(token.token), name, now});
    if (!rows) return tl::unexpected(rows.error());
    token.id = (*rows)[0].integer(0);
    return {};
  });
  if (!done) return tl::unexpected(done.error());
  return token;
}

store::Result<std::optional<User>> find_token_user(store::Database& database, const std::string& token) {
  std::optional<User> found;
  auto done = database.with_transaction(
      [&](Connection& c) -> store::Result<void> {
        auto rows = c.query(std::string("SELECT ") + kUserColumns +
                                " FROM api_tokens t JOIN users u ON u.id = t.user_id "
                                "WHERE t.token_hash = $1 AND u.disabled = 0",
                            {secrets::hash_token(token)});
        if (!rows) return tl::unexpected(rows.error());
        found.reset();
        if (!rows->empty()) found = user_from((*rows)[0]);
        return {};
      },
      store::TransactionMode::read);
  if (!done) return tl::unexpected(done.error());
  return found;
}

store::Result<BootstrapOutcome> bootstrap_admin(store::Database& database, const std::string& email,
                                                const std::string& organisation,
                                                const std::optional<std::string>& password_hash, std::int64_t now,
                                                std::int64_t setup_lifetime) {
  BootstrapOutcome outcome;
  auto done = database.with_transaction([&](Connection& c) -> store::Result<void> {
    outcome = BootstrapOutcome{};
    auto users = c.query("SELECT count(*) FROM users");
    if (!users) return tl::unexpected(users.error());
    if ((*users)[0].integer(0) != 0) return {};
    auto org = c.query("INSERT INTO organisations (name, kind, created_at) VALUES ($1, 'cert', $2) RETURNING id",
                       {organisation, now});
    if (!org) return tl::unexpected(org.error());
    auto user = c.query(
        "INSERT INTO users (organisation_id, email, display_name, role, password_hash, created_at) "
        "VALUES ($1, $2, $3, 'admin', $4, $5) RETURNING id",
        {(*org)[0].integer(0), email, email, password_hash ? store::Value(*password_hash) : store::Value(nullptr), now});
    if (!user) return tl::unexpected(user.error());
    outcome.created = true;
    outcome.user_id = (*user)[0].integer(0);
    if (!password_hash) {
      auto token = add_setup_token(c, outcome.user_id, now, setup_lifetime);
      if (!token) return tl::unexpected(token.error());
      outcome.setup_token = std::move(*token);
    }
    return {};
  });
  if (!done) return tl::unexpected(done.error());
  return outcome;
}

store::Result<bool> complete_setup(store::Database& database, const std::string& setup_token,
                                   const std::string& password_hash, std::int64_t now) {
  bool completed = false;
  auto done = database.with_transaction([&](Connection& c) -> store::Result<void> {
    completed = false;
    const std::string hash = secrets::hash_token(setup_token);
    auto rows = c.query("SELECT user_id FROM setup_tokens WHERE token_hash = $1 AND expires_at > $2", {hash, now});
    if (!rows) return tl::unexpected(rows.error());
    if (rows->empty()) return {};
    auto set = c.execute("UPDATE users SET password_hash = $1 WHERE id = $2", {password_hash, (*rows)[0].integer(0)});
    if (!set) return tl::unexpected(set.error());
    auto spent = c.execute("DELETE FROM setup_tokens WHERE token_hash = $1", {hash});
    if (!spent) return tl::unexpected(spent.error());
    completed = true;
    return {};
  });
  if (!done) return tl::unexpected(done.error());
  return completed;
}

}  // namespace lotse::server::accounts
