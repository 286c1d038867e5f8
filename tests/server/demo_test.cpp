// `lotse serve --demo` data on both back ends: one account per role, each
// with its own password that logs in, a sample report behind its follow
// link, and nothing seeded into a database that has accounts.
#include <set>

#include "server/demo.hpp"
#include "server/reports/routes.hpp"
#include "server/served_app.hpp"

namespace lotse::server {
namespace {

using nlohmann::json;
using testing::kStart;
using testing::ServedApp;

class Demo : public ServedApp {};
LOTSE_BOTH_BACKENDS(Demo);

TEST_P(Demo, SeedsOneAccountPerRoleAndASampleReportOnlyIntoAnEmptyDatabase) {
  auto seeded = demo::seed(*database_, kStart);
  ASSERT_TRUE(seeded) << seeded.error().message;
  ASSERT_TRUE(seeded->seeded);
  std::set<std::string> roles, passwords;
  for (const demo::DemoAccount& account : seeded->accounts) {
    roles.insert(account.role);
    passwords.insert(account.password);
    const auto login =
        post_json("/api/v1/session", json{{"email", account.email}, {"password", account.password}}.dump());
    ASSERT_EQ(login.status, 201) << account.email << ": " << login.body;
    EXPECT_EQ(json::parse(login.body)["user"]["role"], account.role);
  }
  EXPECT_EQ(roles, (std::set<std::string>{"admin", "coordinator", "vendor_member", "reporter", "operator"}));
  EXPECT_EQ(passwords.size(), 5u);  // no shared password
  const auto report = get("/api/v1" + reports::follow_path(seeded->report.tracking_id, seeded->report.secret));
  ASSERT_EQ(report.status, 200) << report.body;
  EXPECT_EQ(json::parse(report.body)["product"], "Demo Router");

  auto again = demo::seed(*database_, kStart);
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->seeded);
  EXPECT_EQ(count("users"), 5);
  EXPECT_EQ(count("reports"), 1);
}

}  // namespace
}  // namespace lotse::server
