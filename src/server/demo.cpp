#include "server/demo.hpp"

#include "server/secrets.hpp"

namespace lotse::server::demo {

store::Result<DemoSeed> seed(store::Database& database, std::int64_t now) {
  struct Planned {
    std::string organisation;
    std::string kind;
    std::string email;
    std::string role;
  };
  const std::vector<Planned> plan = {
      {"Demo CERT", "cert", "admin@cert.demo", "admin"},
      {"Demo CERT", "cert", "coordinator@cert.demo", "coordinator"},
      {"Demo Vendor", "vendor", "member@vendor.demo", "vendor_member"},
      {"Demo Reporter", "reporter", "reporter@reporter.demo", "reporter"},
      {"Demo Operator", "operator", "operator@operator.demo", "operator"},
  };
  // Hashed before the transaction: argon2id takes a while and the body
  // may be retried.
  DemoSeed result;
  std::vector<std::string> hashes;
  for (const Planned& p : plan) {
    DemoAccount account{p.email, p.role, secrets::random_token().substr(0, 20)};
    auto hash = secrets::hash_password(account.password);
    if (!hash) return store::fail(store::Error::Kind::other, hash.error());
    hashes.push_back(std::move(*hash));
    result.accounts.push_back(std::move(account));
  }
  auto done = database.with_transaction([&](store::Connection& c) -> store::Result<void> {
    result.seeded = false;
    auto users = c.query("SELECT count(*) FROM users");
    if (!users) return tl::unexpected(users.error());
    if ((*users)[0].integer(0) != 0) return {};
    std::vector<std::pair<std::string, std::int64_t>> organisations;
    for (std::size_t i = 0; i < plan.size(); ++i) {
      std::int64_t organisation = 0;
      for (const auto& [name, id] : organisations) {
        if (name == plan[i].organisation) organisation = id;
      }
      if (organisation == 0) {
        auto added = c.query("INSERT INTO organisations (name, kind, created_at) VALUES ($1, $2, $3) RETURNING id",
                             {plan[i].organisation, plan[i].kind, now});
        if (!added) return tl::unexpected(added.error());
        organisation = (*added)[0].integer(0);
        organisations.emplace_back(plan[i].organisation, organisation);
      }
      auto user = c.execute(
          "INSERT INTO users (organisation_id, email, display_name, role, password_hash, created_at) "
          "VALUES ($1, $2, $3, $4, $5, $6)",
          {organisation, plan[i].email, "Demo " + plan[i].role, plan[i].role, hashes[i], now});
      if (!user) return tl::unexpected(user.error());
    }
    result.seeded = true;
    return {};
  });
  if (!done) return tl::unexpected(done.error());
  if (!result.seeded) return result;
  reports::Submission sample;
  sample.reporter_name = "Demo Reporter";
  sample.reporter_email = "reporter@reporter.demo";
  sample.vendor = "Demo Vendor";
  sample.product = "Demo Router";
  sample.version = "2.4.1";
  sample.description =
      "The web interface of the Demo Router passes the 'host' parameter of /diag/ping to a shell unescaped, so "
      "an authenticated user can run commands as root.";
  sample.impact = "Remote code execution as root for any logged-in user.";
  sample.planned_disclosure_date = "2027-03-01";
  sample.credit_consent = true;
  sample.credit_name = "Demo Reporter";
  auto created = reports::insert(database, sample, now);
  if (!created) return tl::unexpected(created.error());
  result.report = std::move(*created);
  return result;
}

}  // namespace lotse::server::demo
