// Managing organisations and users through the API on both back ends:
// an admin creates an organisation and a user, who sets a password through
// the one-time setup link and logs in with the role; coordinators may only
// read, other roles get 403; writes need the CSRF token; bad input is a
// 4xx naming the field and changes nothing; names are stored verbatim;
// disabling a user stops its sessions and API tokens at once.
#include "server/served_app.hpp"

namespace lotse::server {
namespace {

using nlohmann::json;
using lotse::testing::http_request;
using testing::HttpResponse;
using testing::kStart;
using testing::ServedApp;

constexpr const char* kPassword = "correct horse battery staple";

class Directory : public ServedApp {
 protected:
  HttpResponse patch_json(const std::string& path, const std::string& body, std::vector<std::string> headers = {}) {
    headers.push_back("Content-Type: application/json");
    return http_request("PATCH", base_ + path, headers, body);
  }

  // An organisation made through the API by `admin` (headers); its id.
  std::int64_t new_organisation(const std::vector<std::string>& admin, const std::string& name = "ACME PSIRT") {
    const auto response = post_json("/api/v1/organisations", json{{"name", name}, {"kind", "vendor"}}.dump(), admin);
    EXPECT_EQ(response.status, 201) << response.body;
    const json body = json::parse(response.body, nullptr, false);
    return body.is_object() ? body.value("id", std::int64_t{0}) : 0;
  }

  // What the tables hold: counted before and after refused writes.
  std::vector<std::int64_t> counts() {
    return {count("organisations"), count("users"), count("setup_tokens"), count("sessions")};
  }

  static void expect_field(const json& error, const std::string& field) {
    bool named = false;
    for (const json& f : error["error"]["fields"]) named = named || f["name"] == field;
    EXPECT_TRUE(named) << error.dump();
  }
};
LOTSE_BOTH_BACKENDS(Directory);

TEST_P(Directory, AnAdminCreatesAnOrganisationAndAUserWhoSetsAPasswordThroughTheSetupLink) {
  add_user("admin@cert.example", "admin", kPassword);
  const Login admin = login("admin@cert.example", kPassword);
  const std::vector<std::string> writes{admin.cookie, admin.csrf};
  const std::int64_t organisation = new_organisation(writes);
  ASSERT_GT(organisation, 0);
  const auto read = get("/api/v1/organisations/" + std::to_string(organisation), {admin.cookie});
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(json::parse(read.body)["name"], "ACME PSIRT");
  EXPECT_EQ(json::parse(read.body)["kind"], "vendor");

  const auto created = post_json("/api/v1/users",
                                 json{{"email", "Vendor@ACME.example"}, {"display_name", "Vera Vendor"},
                                      {"organisation_id", organisation}, {"role", "vendor_member"}}
                                     .dump(),
                                 writes);
  ASSERT_EQ(created.status, 201) << created.body;
  const json user = json::parse(created.body);
  EXPECT_EQ(user["email"], "vendor@acme.example");
  EXPECT_EQ(user["role"], "vendor_member");
  EXPECT_EQ(user["organisation_id"], organisation);
  EXPECT_EQ(user["has_password"], false);
  const std::string token = user["setup_token"];
  EXPECT_EQ(user["setup_url"], "/setup/" + token);
  // No password yet: no login.
  expect_error(post_json("/api/v1/session", json{{"email", "vendor@acme.example"}, {"password", ""}}.dump()), 401,
               "invalid_credentials");
  // The setup link is the page the bootstrap admin uses.
  EXPECT_EQ(get("/setup/" + token).status, 200);
  ASSERT_EQ(post_json("/api/v1/setup", json{{"token", token}, {"password", kPassword}}.dump()).status, 200);
  const Login vendor = login("vendor@acme.example", kPassword);
  const auto me = get("/api/v1/me", {vendor.cookie});
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(json::parse(me.body)["role"], "vendor_member");
  EXPECT_EQ(json::parse(me.body)["display_name"], "Vera Vendor");

  const auto users = get("/api/v1/users", {admin.cookie});
  ASSERT_EQ(users.status, 200) << users.body;
  const json listed = json::parse(users.body)["users"];
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[1]["email"], "vendor@acme.example");
  EXPECT_EQ(listed[1]["has_password"], true);
  EXPECT_FALSE(listed[1].contains("setup_token"));
  // An API token needs no CSRF token.
  const std::string bearer = bearer_for("admin");
  EXPECT_GT(new_organisation({bearer}, "Second"), 0);
  EXPECT_EQ(json::parse(get("/api/v1/organisations", {bearer}).body)["organisations"].size(), 4u);
}

TEST_P(Directory, ACoordinatorMayListButNotCreateAndOtherRolesGet403) {
  const std::int64_t organisation = new_organisation({bearer_for("admin")});
  const std::string coordinator = bearer_for("coordinator");
  const std::string org_path = "/api/v1/organisations/" + std::to_string(organisation);
  EXPECT_EQ(get("/api/v1/organisations", {coordinator}).status, 200);
  EXPECT_EQ(get(org_path, {coordinator}).status, 200);
  EXPECT_EQ(get("/api/v1/users", {coordinator}).status, 200);
  const auto before = counts();
  const std::string org_body = json{{"name", "X"}, {"kind", "cert"}}.dump();
  const std::string user_body =
      json{{"email", "x@example.org"}, {"display_name", "X"}, {"organisation_id", organisation}, {"role", "admin"}}
          .dump();
  expect_error(post_json("/api/v1/organisations", org_body, {coordinator}), 403, "forbidden");
  expect_error(post_json("/api/v1/users", user_body, {coordinator}), 403, "forbidden");
  expect_error(patch_json("/api/v1/users/1", json{{"role", "admin"}}.dump(), {coordinator}), 403, "forbidden");
  for (const char* role : {"vendor_member", "reporter", "operator"}) {
    SCOPED_TRACE(role);
    const std::string bearer = bearer_for(role);
    const auto now = counts();
    expect_error(get("/api/v1/organisations", {bearer}), 403, "forbidden");
    expect_error(get(org_path, {bearer}), 403, "forbidden");
    expect_error(get("/api/v1/users", {bearer}), 403, "forbidden");
    expect_error(post_json("/api/v1/organisations", org_body, {bearer}), 403, "forbidden");
    expect_error(post_json("/api/v1/users", user_body, {bearer}), 403, "forbidden");
    expect_error(patch_json("/api/v1/users/1", json{{"role", "admin"}}.dump(), {bearer}), 403, "forbidden");
    EXPECT_EQ(counts(), now);
  }
  expect_error(get("/api/v1/users"), 401, "not_authenticated");
  expect_error(post_json("/api/v1/organisations", org_body), 401, "not_authenticated");
  const std::int64_t users_before = count("users");
  EXPECT_EQ(before[1] + 3, users_before);  // only bearer_for added users
  EXPECT_EQ(count("organisations"), before[0] + 3);
}

TEST_P(Directory, WritesWithASessionNeedItsCsrfToken) {
  add_user("admin@cert.example", "admin", kPassword);
  const Login admin = login("admin@cert.example", kPassword);
  const auto before = counts();
  const std::string org_body = json{{"name", "X"}, {"kind", "cert"}}.dump();
  expect_error(post_json("/api/v1/organisations", org_body, {admin.cookie}), 403, "csrf_token_missing");
  expect_error(post_json("/api/v1/organisations", org_body, {admin.cookie, "X-CSRF-Token: forged"}), 403,
               "csrf_token_invalid");
  expect_error(post_json("/api/v1/users",
                         json{{"email", "x@example.org"}, {"display_name", "X"}, {"organisation_id", 1},
                              {"role", "admin"}}
                             .dump(),
                         {admin.cookie}),
               403, "csrf_token_missing");
  expect_error(patch_json("/api/v1/users/1", json{{"display_name", "Y"}}.dump(), {admin.cookie}), 403,
               "csrf_token_missing");
  EXPECT_EQ(counts(), before);
  EXPECT_EQ(json::parse(get("/api/v1/users", {admin.cookie}).body)["users"][0]["display_name"], "admin@cert.example");
}

TEST_P(Directory, BadInputIsA4xxNamingTheFieldAndChangesNothing) {
  const std::string admin = bearer_for("admin");
  const std::int64_t organisation = new_organisation({admin});
  const auto created = post_json("/api/v1/users",
                                 json{{"email", "taken@example.org"}, {"display_name", "T"},
                                      {"organisation_id", organisation}, {"role", "reporter"}}
                                     .dump(),
                                 {admin});
  ASSERT_EQ(created.status, 201) << created.body;
  const auto before = counts();
  auto user = [&](json changes) {
    json body{{"email", "new@example.org"}, {"display_name", "N"}, {"organisation_id", organisation}, {"role", "reporter"}};
    for (const auto& [key, value] : changes.items()) body[key] = value;
    return post_json("/api/v1/users", body.dump(), {admin});
  };
  expect_error(post_json("/api/v1/organisations", "{\"name\":", {admin}), 400, "malformed_json");
  expect_error(post_json("/api/v1/users", "[1]", {admin}), 422, "invalid_body");
  expect_error(http_request("POST", base_ + "/api/v1/users", {admin, "Content-Type: text/plain"}, "x"), 415,
               "unsupported_media_type");
  struct Case {
    HttpResponse response;
    std::string field;
  };
  const std::vector<Case> cases = {
      {post_json("/api/v1/organisations", json{{"name", "X"}, {"kind", "cert"}, {"admin", true}}.dump(), {admin}),
       "admin"},
      {post_json("/api/v1/organisations", json{{"name", 5}, {"kind", "cert"}}.dump(), {admin}), "name"},
      {post_json("/api/v1/organisations", json{{"name", "X"}, {"kind", "government"}}.dump(), {admin}), "kind"},
      {post_json("/api/v1/organisations", json{{"kind", "cert"}}.dump(), {admin}), "name"},
      {post_json("/api/v1/organisations", json{{"kind", "cert"}, {"extra", 1}}.dump(), {admin}), "name"},
      {post_json("/api/v1/organisations", json{{"name", "nul\u0001"}, {"kind", "cert"}}.dump(), {admin}), "name"},
      {post_json("/api/v1/organisations", json{{"name", std::string(201, 'n')}, {"kind", "cert"}}.dump(), {admin}),
       "name"},
      {user({{"password", "secret"}}), "password"},
      {user({{"email", 5}}), "email"},
      {user({{"email", "no-at-sign"}}), "email"},
      {user({{"email", "a b@example.org"}}), "email"},
      {user({{"organisation_id", std::to_string(organisation)}}), "organisation_id"},
      {user({{"organisation_id", 1.5}}), "organisation_id"},
      {user({{"organisation_id", 1e300}}), "organisation_id"},
      {user({{"organisation_id", 999999}}), "organisation_id"},
      {user({{"role", "root"}}), "role"},
      {user({{"role", json::array({"admin"})}}), "role"},
      {user({{"display_name", json(nullptr)}}), "display_name"},
      {patch_json("/api/v1/users/1", json{{"password", "x"}}.dump(), {admin}), "password"},
      {patch_json("/api/v1/users/1", json{{"disabled", "yes"}}.dump(), {admin}), "disabled"},
      {patch_json("/api/v1/users/1", json{{"role", "superuser"}}.dump(), {admin}), "role"},
      {patch_json("/api/v1/users/1", json{{"display_name", ""}}.dump(), {admin}), "display_name"},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i) + ": " + cases[i].field);
    expect_field(expect_error(cases[i].response, 422, "invalid_field"), cases[i].field);
  }
  // The same address in other letter case is the same account.
  const json taken = expect_error(user({{"email", "Taken@Example.ORG"}}), 409, "email_taken");
  expect_field(taken, "email");
  expect_error(patch_json("/api/v1/users/999999", json{{"display_name", "X"}}.dump(), {admin}), 404, "unknown_user");
  expect_error(patch_json("/api/v1/users/abc", json{{"display_name", "X"}}.dump(), {admin}), 404, "unknown_user");
  expect_error(get("/api/v1/organisations/999999", {admin}), 404, "unknown_organisation");
  expect_error(get("/api/v1/organisations/-1", {admin}), 404, "unknown_organisation");
  EXPECT_EQ(counts(), before);
  const json users = json::parse(get("/api/v1/users", {admin}).body)["users"];
  for (const json& u : users) {
    EXPECT_NE(u["display_name"], "") << u.dump();
    EXPECT_EQ(u["disabled"], false) << u.dump();
  }
}

TEST_P(Directory, HtmlAndSqlMetacharactersAreStoredVerbatim) {
  const std::string admin = bearer_for("admin");
  const std::string name = "<script>alert(1)</script>'; DROP TABLE users; --";
  const std::int64_t organisation = new_organisation({admin}, name);
  const std::string display = "Robert'); DROP TABLE users;-- \"&amp;\" <b>";
  const auto created = post_json("/api/v1/users",
                                 json{{"email", "o'brien+x@example.org"}, {"display_name", display},
                                      {"organisation_id", organisation}, {"role", "operator"}}
                                     .dump(),
                                 {admin});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t id = json::parse(created.body)["id"];
  EXPECT_EQ(json::parse(get("/api/v1/organisations/" + std::to_string(organisation), {admin}).body)["name"], name);
  const json users = json::parse(get("/api/v1/users", {admin}).body)["users"];
  ASSERT_EQ(users.size(), 2u);
  EXPECT_EQ(users[1]["email"], "o'brien+x@example.org");
  EXPECT_EQ(users[1]["display_name"], display);
  const std::string renamed = "x' OR '1'='1";
  const auto patched = patch_json("/api/v1/users/" + std::to_string(id), json{{"display_name", renamed}}.dump(), {admin});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(json::parse(patched.body)["display_name"], renamed);
  EXPECT_EQ(json::parse(get("/api/v1/users", {admin}).body)["users"][0]["display_name"], "admin1@example.org");
}

TEST_P(Directory, ADisabledUsersSessionAndApiTokenAreRefusedAtOnce) {
  const std::string admin = bearer_for("admin");
  const std::int64_t id = add_user("c@example.org", "coordinator", kPassword);
  const Login session = login("c@example.org", kPassword);
  auto token = accounts::create_api_token(*database_, id, "ci", kStart);
  ASSERT_TRUE(token);
  const std::string bearer = "Authorization: Bearer " + token->token;
  EXPECT_EQ(get("/api/v1/me", {session.cookie}).status, 200);
  EXPECT_EQ(get("/api/v1/users", {bearer}).status, 200);

  const std::string path = "/api/v1/users/" + std::to_string(id);
  const auto changed = patch_json(path, json{{"role", "operator"}, {"display_name", "Carla"}}.dump(), {admin});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(json::parse(changed.body)["role"], "operator");
  EXPECT_EQ(json::parse(get("/api/v1/me", {bearer}).body)["role"], "operator");
  expect_error(get("/api/v1/users", {bearer}), 403, "forbidden");

  const auto disabled = patch_json(path, json{{"disabled", true}}.dump(), {admin});
  ASSERT_EQ(disabled.status, 200) << disabled.body;
  EXPECT_EQ(json::parse(disabled.body)["disabled"], true);
  expect_error(get("/api/v1/me", {session.cookie}), 401, "session_expired");
  expect_error(get("/api/v1/me", {bearer}), 401, "invalid_token");
  expect_error(post_json("/api/v1/session", json{{"email", "c@example.org"}, {"password", kPassword}}.dump()), 401,
               "invalid_credentials");
  EXPECT_EQ(count("sessions"), 0);
  // Enabled again: logging in works; the old session stays ended.
  ASSERT_EQ(patch_json(path, json{{"disabled", false}}.dump(), {admin}).status, 200);
  expect_error(get("/api/v1/me", {session.cookie}), 401, "session_expired");
  login("c@example.org", kPassword);
  EXPECT_EQ(get("/api/v1/me", {bearer}).status, 200);
}

TEST_P(Directory, AnAdminCannotDisableOrDemoteThemselves) {
  const std::int64_t id = add_user("admin@cert.example", "admin", kPassword);
  const Login admin = login("admin@cert.example", kPassword);
  const std::string path = "/api/v1/users/" + std::to_string(id);
  expect_error(patch_json(path, json{{"disabled", true}}.dump(), {admin.cookie, admin.csrf}), 409, "self_lockout");
  expect_error(patch_json(path, json{{"role", "coordinator"}}.dump(), {admin.cookie, admin.csrf}), 409, "self_lockout");
  const auto renamed = patch_json(path, json{{"display_name", "The Admin"}}.dump(), {admin.cookie, admin.csrf});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  const json me = json::parse(get("/api/v1/me", {admin.cookie}).body);
  EXPECT_EQ(me["role"], "admin");
  EXPECT_EQ(me["display_name"], "The Admin");
}

}  // namespace
}  // namespace lotse::server
