// `lotse serve --demo`: a database to try the platform with: the CERT's
// organisation with an admin, a coordinator and an operator, a vendor with
// one vendor member, a reporter, and one sample report. Every account gets
// its own random password, printed once by the CLI: a demo has no default
// passwords either.
//
// Only an empty database (no user yet) is seeded, so --demo pointed at a
// real database changes nothing. Thread safety: as the Database.
#pragma once

#include <string>
#include <vector>

#include "server/reports/repository.hpp"
#include "store/database.hpp"

namespace lotse::server::demo {

struct DemoAccount {
  std::string email;
  std::string role;
  std::string password;
};

struct DemoSeed {
  bool seeded = false;  // false: the database had users; nothing changed
  std::vector<DemoAccount> accounts;  // one per role
  reports::Created report;            // the sample report's tracking id and follow secret
};

// Seeds an empty database (see above) at time `now`.
store::Result<DemoSeed> seed(store::Database& database, std::int64_t now);

}  // namespace lotse::server::demo
