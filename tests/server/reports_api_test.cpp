// Report intake over HTTP on both back ends: the JSON endpoint and the
// HTML form (urlencoded and multipart, sent by a plain POST as a browser
// without JavaScript sends it), follow links, staff reads, hostile text
// stored verbatim and rendered escaped, and bad input that is always a 4xx
// with a JSON error and never changes the database.
#include <regex>

#include "openpgp/gpg.hpp"
#include "openpgp/key.hpp"
#include "server/served_app.hpp"

namespace lotse::server {
namespace {

using nlohmann::json;
using testing::ServedApp;
using lotse::testing::http_request;

class ReportsApi : public ServedApp {
 protected:
  // Submits `report` as JSON; expects 201 and returns the answer.
  json submit(const json& report) {
    const auto response = post_json("/api/v1/reports", report.dump());
    EXPECT_EQ(response.status, 201) << response.body;
    return json::parse(response.body, nullptr, false);
  }

  static json minimal() {
    return json{{"reporter_email", "alice@example.org"},
                {"vendor", "ACME"},
                {"product", "Widget"},
                {"version", "1.2"},
                {"description", "A buffer overflow in the parser."}};
  }
};
LOTSE_BOTH_BACKENDS(ReportsApi);

TEST_P(ReportsApi, AJsonReportGetsATrackingIdAndASecretFollowLink) {
  const json created = submit(minimal());
  const std::string tracking_id = created["tracking_id"];
  EXPECT_TRUE(std::regex_match(tracking_id, std::regex("LT-[0-9A-Z]{4}-[0-9A-Z]{4}"))) << tracking_id;
  const std::string follow = created["follow_api_url"];
  ASSERT_TRUE(follow.starts_with("/api/v1/follow/" + tracking_id + "/")) << follow;
  const std::string secret = follow.substr(follow.rfind('/') + 1);
  EXPECT_EQ(secret.size(), 43u);

  const auto followed = get(follow);
  ASSERT_EQ(followed.status, 200) << followed.body;
  const json report = json::parse(followed.body);
  EXPECT_EQ(report["tracking_id"], tracking_id);
  EXPECT_EQ(report["vendor"], "ACME");
  EXPECT_EQ(report["reporter_email"], "alice@example.org");
  EXPECT_EQ(report["anonymous"], false);
  EXPECT_FALSE(report.contains("id"));  // internal ids are for staff

  // Only a hash of the secret is stored.
  auto rows = database_->with_transaction(
      [&](store::Connection& c) -> store::Result<void> {
        auto r = c.query("SELECT secret_hash FROM reports");
        if (!r) return tl::unexpected(r.error());
        EXPECT_EQ((*r)[0].text(0), secrets::hash_token(secret));
        EXPECT_EQ((*r)[0].text(0).find(secret), std::string::npos);
        return {};
      },
      store::TransactionMode::read);
  ASSERT_TRUE(rows);

  // A wrong secret, a wrong id, a malformed id: the same 404.
  expect_error(get("/api/v1/follow/" + tracking_id + "/" + std::string(43, 'A')), 404, "unknown_report");
  expect_error(get("/api/v1/follow/LT-0000-0000/" + secret), 404, "unknown_report");
  expect_error(get("/api/v1/follow/x'%20OR%201=1/" + secret), 404, "unknown_report");
}

TEST_P(ReportsApi, StaffReadReportsWithATokenOthersMayNot) {
  const std::string tracking_id = submit(minimal())["tracking_id"];
  submit(json{{"anonymous", true}, {"vendor", "V"}, {"product", "P"}, {"description", "D"}});
  const std::string coordinator = bearer_for("coordinator");
  const auto one = get("/api/v1/reports/" + tracking_id, {coordinator});
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(json::parse(one.body)["product"], "Widget");
  EXPECT_TRUE(json::parse(one.body)["id"].is_number());
  const auto all = get("/api/v1/reports?limit=10", {coordinator});
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(json::parse(all.body)["reports"].size(), 2u);
  expect_error(get("/api/v1/reports?limit=-1", {coordinator}), 422, "invalid_field");
  expect_error(get("/api/v1/reports?limit=abc", {coordinator}), 422, "invalid_field");
  expect_error(get("/api/v1/reports/LT-0000-0000", {coordinator}), 404, "unknown_report");

  expect_error(get("/api/v1/reports/" + tracking_id), 401, "not_authenticated");
  expect_error(get("/api/v1/reports", {"Authorization: Bearer lotse_forged"}), 401, "invalid_token");
  expect_error(get("/api/v1/reports", {"Authorization: Basic YTpi"}), 401, "invalid_token");
  expect_error(get("/api/v1/reports", {bearer_for("reporter")}), 403, "forbidden");
  expect_error(get("/api/v1/reports", {bearer_for("vendor_member")}), 403, "forbidden");
}

const std::vector<std::string> kHostile = {
    "Robert'); DROP TABLE reports;--",
    "' OR '1'='1' -- \" ; /* */ `x`",
    "<script>alert(\"x&amp;\")</script><img src=x onerror=alert(1)>",
    "$1 ? ?1 :name @name %s %n {{id}} \\x00 \\' \\\\",
    "Grüße — 脆弱性 🐛 \u202eevil\u202c e\u0301",
};

TEST_P(ReportsApi, HostileTextInEveryFieldIsStoredVerbatimAndRenderedEscaped) {
  const std::string coordinator = bearer_for("coordinator");
  for (const std::string& text : kHostile) {
    std::string email = text;  // an address has no white space; the rest stays hostile
    std::erase_if(email, [](char c) { return c == ' ' || c == '\t'; });
    json report = {{"reporter_name", text},     {"reporter_email", email + "@example.org"},
                   {"reporter_organisation", text}, {"reporter_phone", "+1 (555) <b>'0'</b>; --"},
                   {"vendor", text},            {"product", text},
                   {"version", text},           {"description", text + "\nsecond line\ttab"},
                   {"impact", text},            {"credit_consent", true},
                   {"credit_name", text}};
    const json created = submit(report);
    const std::string tracking_id = created["tracking_id"];
    const json stored = json::parse(get("/api/v1/reports/" + tracking_id, {coordinator}).body);
    for (const auto& [name, value] : report.items()) EXPECT_EQ(stored[name], value) << name << ": " << text;

    const std::string page = get(std::string(created["follow_url"])).body;
    EXPECT_EQ(page.find("<script>alert"), std::string::npos);
    EXPECT_EQ(page.find("<img src=x"), std::string::npos);
    if (text.find("<script>") != std::string::npos) {
      EXPECT_NE(page.find("&lt;script&gt;"), std::string::npos);
    }
    if (text.find('\'') != std::string::npos) {
      EXPECT_NE(page.find("&#39;"), std::string::npos);
    }
  }
  EXPECT_EQ(count("reports"), static_cast<std::int64_t>(kHostile.size()));
}

struct BadInput {
  std::string name;
  std::string content_type;
  std::string body;
  long status;
  std::string code;
  std::string field;  // named in the error ("" for none)
};

TEST_P(ReportsApi, BadInputIsA4xxWithAJsonErrorAndChangesNothing) {
  const std::string good = minimal().dump();
  auto with = [&](const char* key, json value) {
    json report = minimal();
    report[key] = std::move(value);
    return report.dump();
  };
  auto without = [&](const char* key) {
    json report = minimal();
    report.erase(key);
    return report.dump();
  };
  const std::vector<BadInput> cases = {
      {"malformed JSON", "application/json", "{\"vendor\": ", 400, "malformed_json", ""},
      {"trailing comma", "application/json", "{\"vendor\": \"a\",}", 400, "malformed_json", ""},
      {"duplicate key", "application/json", "{\"vendor\": \"a\", \"vendor\": \"b\"}", 400, "malformed_json", ""},
      {"invalid UTF-8", "application/json", "{\"vendor\": \"\xff\"}", 400, "malformed_json", ""},
      {"not an object", "application/json", "[1, 2]", 422, "invalid_body", ""},
      {"empty body", "application/json", "", 400, "malformed_json", ""},
      {"too deep", "application/json", std::string(100, '[') + std::string(100, ']'), 400, "malformed_json", ""},
      {"text/plain", "text/plain", good, 415, "unsupported_media_type", ""},
      {"no content type", "", good, 415, "unsupported_media_type", ""},
      {"unknown field", "application/json", with("descripton", "typo"), 422, "invalid_field", "descripton"},
      {"number for text", "application/json", with("vendor", 42), 422, "invalid_field", "vendor"},
      {"object for text", "application/json", with("product", json::object()), 422, "invalid_field", "product"},
      {"string for flag", "application/json", with("already_public", "yes"), 422, "invalid_field", "already_public"},
      {"missing vendor", "application/json", without("vendor"), 422, "invalid_field", "vendor"},
      {"blank description", "application/json", with("description", " \n\t"), 422, "invalid_field", "description"},
      {"no contact", "application/json", without("reporter_email"), 422, "invalid_field", "reporter_email"},
      {"not an email", "application/json", with("reporter_email", "alice"), 422, "invalid_field", "reporter_email"},
      {"anonymous with name", "application/json",
       json{{"anonymous", true}, {"reporter_name", "Al"}, {"vendor", "V"}, {"product", "P"}, {"description", "D"}}.dump(),
       422, "invalid_field", "reporter_name"},
      {"bad date", "application/json", with("planned_disclosure_date", "2027-02-30"), 422, "invalid_field",
       "planned_disclosure_date"},
      {"date with time", "application/json", with("planned_disclosure_date", "2027-02-01T00:00"), 422, "invalid_field",
       "planned_disclosure_date"},
      {"credit without name", "application/json", with("credit_consent", true), 422, "invalid_field", "credit_name"},
      {"control character", "application/json", with("vendor", "a\u0007b"), 422, "invalid_field", "vendor"},
      {"NUL", "application/json", with("vendor", std::string("a\0b", 3)), 422, "invalid_field", "vendor"},
      {"line break in one-line field", "application/json", with("product", "a\nb"), 422, "invalid_field", "product"},
      {"too long", "application/json", with("vendor", std::string(201, 'v')), 422, "invalid_field", "vendor"},
      {"not a key", "application/json", with("reporter_openpgp_key", "-----BEGIN PGP PUBLIC KEY BLOCK-----\nxx"), 422,
       "invalid_field", "reporter_openpgp_key"},
      {"attachment not base64", "application/json",
       with("attachments", json::array({{{"filename", "a.txt"}, {"content_base64", "!!!"}}})), 422, "invalid_field",
       "attachments[0].content_base64"},
      {"attachment path name", "application/json",
       with("attachments", json::array({{{"filename", "../etc/passwd"}, {"content_base64", "eA=="}}})), 422,
       "invalid_field", "attachments[0]"},
      {"attachment unknown member", "application/json",
       with("attachments", json::array({{{"filename", "a"}, {"content_base64", "eA=="}, {"x", 1}}})), 422,
       "invalid_field", "attachments[0].x"},
      {"attachments not an array", "application/json", with("attachments", "a.txt"), 422, "invalid_field",
       "attachments"},
      {"huge body", "application/json", std::string(5u << 20, ' '), 413, "body_too_large", ""},
  };
  for (const BadInput& c : cases) {
    std::vector<std::string> headers;
    if (!c.content_type.empty()) headers.push_back("Content-Type: " + c.content_type);
    const auto response = http_request("POST", base_ + "/api/v1/reports", headers, c.body);
    SCOPED_TRACE(c.name);
    const json error = expect_error(response, c.status, c.code);
    if (!c.field.empty() && !error.is_discarded()) {
      ASSERT_TRUE(error["error"]["fields"].is_array()) << response.body;
      bool named = false;
      for (const json& field : error["error"]["fields"]) named = named || field["name"] == c.field;
      EXPECT_TRUE(named) << response.body;
    }
  }
  EXPECT_EQ(count("reports"), 0);
  EXPECT_EQ(count("report_attachments"), 0);
  EXPECT_EQ(post_json("/api/v1/reports", good).status, 201);  // and the server is still fine
}

TEST_P(ReportsApi, AttachmentsAndAReporterKeyAreStored) {
  openpgp::GenerateOptions options;
  options.name = "Alice";
  options.email = "alice@example.org";
  auto key = openpgp::Key::generate(options);
  ASSERT_TRUE(key) << key.error();
  auto armored = key->export_public_armored();
  ASSERT_TRUE(armored);
  json report = minimal();
  report["reporter_openpgp_key"] = *armored;
  report["attachments"] = json::array({{{"filename", "poc.py"}, {"media_type", "text/x-python"},
                                        {"content_base64", "cHJpbnQoMSkK"}}});
  const json created = submit(report);
  const json followed = json::parse(get(std::string(created["follow_api_url"])).body);
  EXPECT_EQ(followed["reporter_openpgp_key"], *armored);
  ASSERT_EQ(followed["attachments"].size(), 1u);
  EXPECT_EQ(followed["attachments"][0]["filename"], "poc.py");
  EXPECT_EQ(followed["attachments"][0]["size"], 9);

  auto secret = key->export_secret_armored();
  ASSERT_TRUE(secret);
  report["reporter_openpgp_key"] = *secret;
  expect_error(post_json("/api/v1/reports", report.dump()), 422, "invalid_field");
}

TEST_P(ReportsApi, TheHtmlFormWorksWithAPlainPostAndTheApiReturnsTheReport) {
  const auto form = get("/report");
  ASSERT_EQ(form.status, 200);
  EXPECT_EQ(form.header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(form.body.find("<form method=\"post\" action=\"/report\""), std::string::npos);
  EXPECT_EQ(form.body.find("<script"), std::string::npos);
  EXPECT_EQ(form.body.find("style="), std::string::npos);  // CSP: styles only from the stylesheet
  EXPECT_NE(form.body.find("href=\"/static/lotse.css\""), std::string::npos);
  const auto css = get("/static/lotse.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.header("content-type"), "text/css; charset=utf-8");
  EXPECT_NE(css.body.find(".error"), std::string::npos);

  using lotse::testing::url_encode;
  const std::string body = "reporter_name=" + url_encode("Bob <b>") + "&reporter_email=bob%40example.org" +
                           "&vendor=ACME&product=" + url_encode("Widget & Co") + "&version=&description=" +
                           url_encode("Overflow\r\nin <parser>") + "&impact=&planned_disclosure_date=2027-03-01" +
                           "&exploitation_known=on&credit_consent=on&credit_name=Bob";
  const auto created = http_request("POST", base_ + "/report",
                                    {"Content-Type: application/x-www-form-urlencoded", "Accept: text/html"}, body);
  ASSERT_EQ(created.status, 201) << created.body;
  std::smatch match;
  ASSERT_TRUE(std::regex_search(created.body, match, std::regex("href=\"(/follow/(LT-[0-9A-Z-]+)/([A-Za-z0-9_-]+))\"")))
      << created.body;
  const std::string tracking_id = match[2];
  const json report = json::parse(get("/api/v1/reports/" + tracking_id, {bearer_for("admin")}).body);
  EXPECT_EQ(report["reporter_name"], "Bob <b>");
  EXPECT_EQ(report["product"], "Widget & Co");
  EXPECT_EQ(report["description"], "Overflow\r\nin <parser>");
  EXPECT_EQ(report["exploitation_known"], true);
  EXPECT_EQ(report["already_public"], false);
  EXPECT_EQ(report["planned_disclosure_date"], "2027-03-01");
  EXPECT_EQ(report["credit_name"], "Bob");
  EXPECT_TRUE(report["impact"] == "");

  const std::string page = get(match[1]).body;
  EXPECT_NE(page.find("Bob &lt;b&gt;"), std::string::npos);
  EXPECT_NE(page.find("in &lt;parser&gt;"), std::string::npos);
}

TEST_P(ReportsApi, AMultipartFormCarriesAttachments) {
  const std::string boundary = "----lotsetest";
  auto part = [&](const std::string& name, const std::string& value) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  };
  const std::string file(3000, '\x01');
  const std::string body = part("anonymous", "on") + part("vendor", "V") + part("product", "P") +
                           part("description", "D") + "--" + boundary +
                           "\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"trace.bin\"\r\n"
                           "Content-Type: application/octet-stream\r\n\r\n" + file + "\r\n" +
                           "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"\"\r\n"
                           "Content-Type: application/octet-stream\r\n\r\n\r\n" +
                           "--" + boundary + "--\r\n";
  const auto created =
      http_request("POST", base_ + "/report", {"Content-Type: multipart/form-data; boundary=" + boundary}, body);
  ASSERT_EQ(created.status, 201) << created.body;
  std::smatch match;
  ASSERT_TRUE(std::regex_search(created.body, match, std::regex("/follow/(LT-[0-9A-Z-]+)/")));
  const json report = json::parse(get("/api/v1/reports/" + std::string(match[1]), {bearer_for("coordinator")}).body);
  EXPECT_EQ(report["anonymous"], true);
  EXPECT_TRUE(report["reporter_email"].is_null());
  ASSERT_EQ(report["attachments"].size(), 1u);  // the empty file input adds nothing
  EXPECT_EQ(report["attachments"][0]["filename"], "trace.bin");
  EXPECT_EQ(report["attachments"][0]["size"], 3000);

  // Staff download the bytes as they were sent, never rendered inline.
  const std::string path = "/api/v1/reports/" + std::string(match[1]) + "/attachments/" +
                           std::to_string(report["attachments"][0]["id"].get<std::int64_t>());
  const auto download = get(path, {bearer_for("admin")});
  ASSERT_EQ(download.status, 200) << download.body;
  EXPECT_EQ(download.body, file);
  EXPECT_EQ(download.header("content-type"), "application/octet-stream");
  EXPECT_EQ(download.header("content-disposition"), "attachment; filename*=UTF-8''trace.bin");
  expect_error(get(path), 401, "not_authenticated");
  expect_error(get(path, {bearer_for("reporter")}), 403, "forbidden");
  expect_error(get(path + "0", {bearer_for("operator")}), 403, "forbidden");
  const std::string admin = bearer_for("coordinator");
  expect_error(get(path + "0", {admin}), 404, "unknown_attachment");
  expect_error(get("/api/v1/reports/" + std::string(match[1]) + "/attachments/-1", {admin}), 404, "unknown_attachment");
  expect_error(get("/api/v1/reports/LT-0000-0000/attachments/1", {admin}), 404, "unknown_attachment");
}

TEST_P(ReportsApi, AFormWithErrorsComesBackEscapedToBrowsersAndAsJsonToOthers) {
  const std::string body = "vendor=%3Cscript%3Ealert(1)%3C%2Fscript%3E&product=&description=x";
  const auto html = http_request("POST", base_ + "/report",
                                 {"Content-Type: application/x-www-form-urlencoded", "Accept: text/html"}, body);
  EXPECT_EQ(html.status, 422);
  EXPECT_EQ(html.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(html.body.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.body.find("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""), std::string::npos) << html.body;
  EXPECT_NE(html.body.find("id=\"product-error\""), std::string::npos);

  const auto plain = http_request("POST", base_ + "/report", {"Content-Type: application/x-www-form-urlencoded"}, body);
  expect_error(plain, 422, "invalid_field");
  expect_error(http_request("POST", base_ + "/report", {"Content-Type: application/x-www-form-urlencoded"}, "a=%zz"),
               400, "malformed_form");
  expect_error(http_request("POST", base_ + "/report", {"Content-Type: application/x-www-form-urlencoded"},
                            "vendor=V&product=P&description=D&anonymous=on&sneaky=1"),
               422, "invalid_field");
  expect_error(http_request("POST", base_ + "/report", {"Content-Type: multipart/form-data"}, "x"), 400,
               "malformed_form");
  expect_error(http_request("POST", base_ + "/report", {"Content-Type: application/json"}, "{}"), 415,
               "unsupported_media_type");
  expect_error(http_request("POST", base_ + "/report", {"Content-Type: application/x-www-form-urlencoded"},
                            "vendor=%FF&product=P&description=D&anonymous=on"),
               422, "invalid_field");
  EXPECT_EQ(count("reports"), 0);
}

class LimitedIntake : public ReportsApi {
 protected:
  AppConfig config() override {
    AppConfig config = ReportsApi::config();
    config.intake = RateLimit{3, 60};
    return config;
  }
};
LOTSE_BOTH_BACKENDS(LimitedIntake);

TEST_P(LimitedIntake, SubmissionsPerAddressAreRateLimited) {
  for (int i = 0; i < 3; ++i) EXPECT_EQ(post_json("/api/v1/reports", minimal().dump()).status, 201);
  const auto refused = post_json("/api/v1/reports", minimal().dump());
  expect_error(refused, 429, "rate_limited");
  EXPECT_EQ(refused.header("retry-after"), "60");
  expect_error(http_request("POST", base_ + "/report", {"Content-Type: application/x-www-form-urlencoded"}, "x=1"),
               429, "rate_limited");
  EXPECT_EQ(count("reports"), 3);
  clock_.advance(60);
  EXPECT_EQ(post_json("/api/v1/reports", minimal().dump()).status, 201);
}

// The CERT's intake key, made once per process (key generation is the
// slow part).
const openpgp::Key& intake_key() {
  static const openpgp::Key key = [] {
    openpgp::GenerateOptions options;
    options.name = "Example PSIRT intake";
    options.email = "psirt@example.com";
    options.encryption_subkey = true;
    return std::move(*openpgp::Key::generate(options));
  }();
  return key;
}

class EncryptedIntake : public ReportsApi {
 protected:
  AppConfig config() override {
    AppConfig config = ReportsApi::config();
    auto key = IntakeKey::create(intake_key(), {});
    EXPECT_TRUE(key) << key.error();
    if (key) config.intake_key = *key;
    return config;
  }
  // `plaintext` encrypted by gpg to the key the server publishes.
  std::string encrypt_to_published_key(const std::string& plaintext) {
    const auto published = get("/api/v1/openpgp-key");
    EXPECT_EQ(published.status, 200);
    EXPECT_EQ(published.header("content-type"), "application/pgp-keys");
    EXPECT_EQ(gpg_.import(published.body).exit_code, 0);
    return gpg_.encrypt(plaintext, published.header("x-openpgp-fingerprint"));
  }
  lotse::testing::Gpg gpg_;
};
LOTSE_BOTH_BACKENDS(EncryptedIntake);

TEST_P(EncryptedIntake, AReportEncryptedToThePublishedKeyRoundTrips) {
  json report = minimal();
  report["description"] = "Only for the CERT's eyes: <b>'; DROP TABLE reports;--";
  report["attachments"] = json::array({{{"filename", "poc.txt"}, {"content_base64", "c2VjcmV0"}}});
  const std::string message = encrypt_to_published_key(report.dump());
  ASSERT_NE(message.find("BEGIN PGP MESSAGE"), std::string::npos);
  const auto created = http_request("POST", base_ + "/api/v1/reports", {"Content-Type: application/pgp-encrypted"}, message);
  ASSERT_EQ(created.status, 201) << created.body;
  const json followed = json::parse(get(std::string(json::parse(created.body)["follow_api_url"])).body);
  EXPECT_EQ(followed["description"], report["description"]);
  EXPECT_EQ(followed["attachments"][0]["size"], 6);
}

TEST_P(EncryptedIntake, UndecryptableOrInvalidPlaintextIsA422AndStoresNothing) {
  auto post = [&](const std::string& body) {
    return http_request("POST", base_ + "/api/v1/reports", {"Content-Type: application/pgp-encrypted"}, body);
  };
  expect_error(post("not a message"), 422, "undecryptable");
  expect_error(post(""), 422, "undecryptable");
  // To another key.
  openpgp::GenerateOptions options;
  options.name = "Someone else";
  options.email = "else@example.org";
  options.encryption_subkey = true;
  auto other = openpgp::Key::generate(options);
  ASSERT_TRUE(other);
  ASSERT_EQ(gpg_.import(*other->export_public_armored()).exit_code, 0);
  expect_error(post(gpg_.encrypt(minimal().dump(), other->fingerprint())), 422, "undecryptable");
  // Decrypts, but the plaintext is no valid report.
  expect_error(post(encrypt_to_published_key("{\"vendor\": ")), 400, "malformed_json");
  expect_error(post(encrypt_to_published_key(json{{"vendor", 1}}.dump())), 422, "invalid_field");
  EXPECT_EQ(count("reports"), 0);
}

TEST_P(ReportsApi, WithoutAnIntakeKeyEncryptedReportsAreRefused) {
  expect_error(get("/api/v1/openpgp-key"), 404, "no_intake_key");
  expect_error(http_request("POST", base_ + "/api/v1/reports", {"Content-Type: application/pgp-encrypted"}, "x"), 415,
               "no_intake_key");
}

}  // namespace
}  // namespace lotse::server
