// CSAF 2.0 tests 6.3.6 and 6.3.7 (URLs failing to resolve) against a real
// nginx on 127.0.0.1 (tests/net/loopback_nginx.hpp):
//   - the OASIS corpus cases of both tests, whose URLs are https://HOST/
//     on port 443, through the registered tests with --online: every host
//     and port is sent to the test server's HTTPS port with connect_to
//     (--connect-to), the test CA trusted (--ca-file);
//   - spec cases through validate_document and TestOptions (--online,
//     --resolve, --ca-file) on the server's own ports.
// Only loopback is contacted.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "csaf/informative/url_checks.hpp"
#include "csaf/validator.hpp"
#include "json/parser.hpp"
#include "net/loopback_nginx.hpp"
#include "support/csaf_findings.hpp"
#include "support/testsuites.hpp"

namespace lotse::csaf {
namespace {

using informative::UrlSelection;
using lotse::testing::LoopbackNginx;

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

class InformativeUrls : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new LoopbackNginx(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(server_->running()) << server_->error(); }

  // http://lotse.test:PORT<path>, pinned to 127.0.0.1 by options().resolve.
  static std::string url(const std::string& path) {
    return "http://lotse.test:" + std::to_string(server_->http_port()) + path;
  }
  static ValidateOptions options(const std::string& test_id, bool online = true) {
    ValidateOptions o;
    o.tests = {test_id};
    o.test_options.online = online;
    o.test_options.timeout = std::chrono::seconds(5);
    o.test_options.resolve = {"lotse.test:" + std::to_string(server_->http_port()) + ":127.0.0.1",
                              "lotse.test:" + std::to_string(server_->https_port()) + ":127.0.0.1"};
    o.test_options.ca_file = server_->ca_file();
    return o;
  }
  static DocumentResult run(const std::string& test_id, const std::string& document, bool online = true) {
    return validate_document(document, "case.json", options(test_id, online));
  }
  static std::vector<Finding> findings(const std::string& test_id, const std::string& document) {
    std::vector<Finding> out;
    for (Finding& f : run(test_id, document).findings) {
      EXPECT_NE(f.test, "json") << f.message;
      if (f.test == test_id) out.push_back(std::move(f));
    }
    return out;
  }
  static std::string with_references(const std::string& references) {
    return R"({"document":{"references":[)" + references + "]}}";
  }
  static std::string reference(const std::string& target, const std::string& category = "") {
    return R"({"summary":"s",)" + (category.empty() ? "" : R"("category":")" + category + R"(",)") +
           R"("url":")" + target + R"("})";
  }

  static LoopbackNginx* server_;
};
LoopbackNginx* InformativeUrls::server_ = nullptr;

// ---- the OASIS corpus -------------------------------------------------------

TEST_F(InformativeUrls, CorpusFailuresFailAndValidFilesPassAgainstTheLoopbackServer) {
  const auto dir = lotse::testing::testsuites_dir() / "csaf" / "csaf_2.0" / "test" / "validator" / "data";
  auto testcases = json::parse(lotse::testing::read_text(dir / "testcases.json"));
  ASSERT_TRUE(testcases) << "cannot read " << (dir / "testcases.json");
  ValidateOptions options;
  options.test_options.online = true;
  options.test_options.timeout = std::chrono::seconds(5);
  options.test_options.connect_to = {server_->connect_everything_to_https()};
  options.test_options.ca_file = server_->ca_file();
  std::size_t cases = 0;
  for (const json::Value& test : testcases->root().find("tests")->items()) {
    const std::string_view id = test.find("id")->as_string();
    if (id != "6.3.6" && id != "6.3.7") continue;
    options.tests = {std::string(id)};
    for (std::string_view list : {"failures", "valid"}) {
      const json::Value* entries = test.find(list);
      if (!entries) continue;
      for (const json::Value& entry : entries->items()) {
        const std::string file(entry.find("name")->as_string());
        const DocumentResult result = validate_document(lotse::testing::read_text(dir / file), file, options);
        std::size_t found = 0;
        std::string messages;
        for (const Finding& f : result.findings) {
          EXPECT_NE(f.test, "json") << file << ": " << f.message;
          if (f.test != id) continue;
          ++found;
          messages += "\n  " + f.pointer + ": " + f.message;
        }
        EXPECT_TRUE(result.skipped.empty()) << file;
        if (list == "failures") {
          EXPECT_GT(found, 0u) << file << " must fail " << id;
        } else {
          EXPECT_EQ(found, 0u) << file << " must pass " << id << messages;
        }
        ++cases;
      }
    }
  }
  EXPECT_EQ(cases, 5u);  // 6.3.6: two failures, one valid; 6.3.7: one each
}

TEST_F(InformativeUrls, CorpusFailureNamesTheUrlAndTheStatus) {
  // oasis_csaf_tc-csaf_2_0-2021-6-3-06-01: https://example.invalid in a reference.
  const std::string doc = R"({"document":{"publisher":{"namespace":"https://csaf.io"},
      "references":[{"summary":"s","url":"https://example.invalid"}]}})";
  net::ProbeOptions probe;
  probe.connect_to = {server_->connect_everything_to_https()};
  probe.ca_file = server_->ca_file();
  auto document = json::parse(doc);
  ASSERT_TRUE(document);
  const auto found = informative::check_urls(document->root(), UrlSelection::non_self_referencing, probe);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].pointer, "/document/references/0/url");
  EXPECT_TRUE(contains(found[0].message, "\"https://example.invalid\"")) << found[0].message;
  EXPECT_TRUE(contains(found[0].message, "HTTP status 404")) << found[0].message;
}

// ---- 6.3.6 Use of non-self referencing URLs Failing to Resolve --------------

TEST_F(InformativeUrls, ExternalReferenceThatIsNotFoundFails) {
  // The spec's example 118: no category means "external".
  auto f = findings("6.3.6", with_references(reference(url("/missing"))));
  ASSERT_EQ(f.size(), 1u) << lotse::testing::describe(f);
  EXPECT_EQ(f[0].severity, Severity::info);
  EXPECT_EQ(f[0].pointer, "/document/references/0/url");
  EXPECT_TRUE(contains(f[0].message, "404")) << f[0].message;
  EXPECT_TRUE(contains(f[0].message, "2xx")) << f[0].message;
}

TEST_F(InformativeUrls, UrlsAnsweringWith2xxOr3xxPassAndSelfReferencesAreNotTested) {
  auto f = findings("6.3.6", with_references(reference(url("/advisory.json"), "external") + "," +
                                             reference(url("/moved")) + "," + reference(url("/to-file")) + "," +
                                             reference(url("/no-head")) + "," +
                                             reference(url("/missing"), "self")));
  EXPECT_TRUE(f.empty()) << lotse::testing::describe(f);
}

TEST_F(InformativeUrls, EveryRelevantPathIsTested) {
  const auto m = [](int n) { return "\"" + url("/missing/" + std::to_string(n)) + "\""; };
  const std::string helper = R"({"product_identification_helper":{"sbom_urls":[)" + m(1) +
                             R"(],"x_generic_uris":[{"namespace":)" + m(2) + R"(,"uri":)" + m(3) + "}]}}";
  const std::string doc =
      R"({"document":{"acknowledgments":[{"urls":[)" + m(4) + R"(]}],"aggregate_severity":{"namespace":)" + m(5) +
      R"(,"text":"x"},"distribution":{"tlp":{"label":"WHITE","url":)" + m(6) + R"(}},"references":[{"url":)" + m(7) +
      R"(}],"publisher":{"namespace":)" + m(8) + R"(}},"product_tree":{"branches":[{"branches":[{"product":)" + helper +
      R"(}]}],"full_product_names":[)" + helper + R"(],"relationships":[{"full_product_name":)" + helper +
      R"(}]},"vulnerabilities":[{"acknowledgments":[{"urls":[)" + m(9) + R"(]}],"references":[{"url":)" + m(10) +
      R"(}],"remediations":[{"url":)" + m(11) + "}]}]}";
  std::vector<std::string> pointers;
  for (const Finding& f : findings("6.3.6", doc)) pointers.push_back(f.pointer);
  std::sort(pointers.begin(), pointers.end());
  std::vector<std::string> expected = {
      "/document/acknowledgments/0/urls/0",
      "/document/aggregate_severity/namespace",
      "/document/distribution/tlp/url",
      "/document/publisher/namespace",
      "/document/references/0/url",
      "/product_tree/branches/0/branches/0/product/product_identification_helper/sbom_urls/0",
      "/product_tree/branches/0/branches/0/product/product_identification_helper/x_generic_uris/0/namespace",
      "/product_tree/branches/0/branches/0/product/product_identification_helper/x_generic_uris/0/uri",
      "/product_tree/full_product_names/0/product_identification_helper/sbom_urls/0",
      "/product_tree/full_product_names/0/product_identification_helper/x_generic_uris/0/namespace",
      "/product_tree/full_product_names/0/product_identification_helper/x_generic_uris/0/uri",
      "/product_tree/relationships/0/full_product_name/product_identification_helper/sbom_urls/0",
      "/product_tree/relationships/0/full_product_name/product_identification_helper/x_generic_uris/0/namespace",
      "/product_tree/relationships/0/full_product_name/product_identification_helper/x_generic_uris/0/uri",
      "/vulnerabilities/0/acknowledgments/0/urls/0",
      "/vulnerabilities/0/references/0/url",
      "/vulnerabilities/0/remediations/0/url",
  };
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(pointers, expected);
}

TEST_F(InformativeUrls, RepeatedUrlIsRequestedOnceAndReportedAtEachPlace) {
  const std::string target = url("/missing/repeated");
  auto f = findings("6.3.6", with_references(reference(target) + "," + reference(target)));
  EXPECT_EQ(f.size(), 2u) << lotse::testing::describe(f);
  // nginx logs a request once it is done with it: give it a moment.
  std::string log;
  for (int i = 0; i < 40 && occurrences(log, "/missing/repeated") == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    log = server_->access_log();
  }
  EXPECT_EQ(occurrences(log, "HEAD /missing/repeated "), 1u) << log;
}

TEST_F(InformativeUrls, NonHttpSchemesAndMalformedUrlsFail) {
  auto f = findings("6.3.6", with_references(reference("ftp://lotse.test/a") + "," + reference("not a url")));
  ASSERT_EQ(f.size(), 2u) << lotse::testing::describe(f);
  EXPECT_TRUE(contains(f[0].message, "scheme \"ftp\" is not http or https")) << f[0].message;
}

TEST_F(InformativeUrls, HttpsNeedsTheTrustedCa) {
  const std::string https = "https://lotse.test:" + std::to_string(server_->https_port()) + "/advisory.json";
  EXPECT_TRUE(findings("6.3.6", with_references(reference(https))).empty());
  ValidateOptions untrusted = options("6.3.6");
  untrusted.test_options.ca_file.clear();
  DocumentResult r = validate_document(with_references(reference(https)), "case.json", untrusted);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].pointer, "/document/references/0/url");
}

TEST_F(InformativeUrls, OnlyTheFirstHundredDistinctUrlsAreRequested) {
  std::string references;
  for (std::size_t i = 0; i < informative::kMaxUrlsPerDocument + 5; ++i) {
    references += std::string(i ? "," : "") + reference(url("/ok/" + std::to_string(i)));
  }
  auto f = findings("6.3.6", with_references(references));
  ASSERT_EQ(f.size(), 1u) << lotse::testing::describe(f);
  EXPECT_EQ(f[0].pointer, "/document/references/100/url");
  EXPECT_TRUE(contains(f[0].message, "not checked: this and 4 more")) << f[0].message;
}

TEST_F(InformativeUrls, WithoutOnlineBothTestsAreSkippedAndNothingIsRequested) {
  for (const char* id : {"6.3.6", "6.3.7"}) {
    DocumentResult r = run(id, with_references(reference(url("/never-requested"), "self") + "," +
                                               reference(url("/never-requested"))),
                           /*online=*/false);
    EXPECT_TRUE(r.findings.empty());
    ASSERT_EQ(r.skipped.size(), 1u);
    EXPECT_EQ(r.skipped[0].test, id);
    EXPECT_TRUE(contains(r.skipped[0].reason, "--online")) << r.skipped[0].reason;
  }
  EXPECT_FALSE(contains(server_->access_log(), "/never-requested"));
}

// ---- 6.3.7 Use of self referencing URLs Failing to Resolve ------------------

TEST_F(InformativeUrls, SelfReferenceThatIsNotFoundFails) {
  // The spec's example 119.
  const std::string doc = R"({"document":{"references":[)" + reference(url("/ok"), "self") +
                          R"(]},"vulnerabilities":[{"references":[)" + reference(url("/missing"), "self") + "]}]}";
  auto f = findings("6.3.7", doc);
  ASSERT_EQ(f.size(), 1u) << lotse::testing::describe(f);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities/0/references/0/url");
  EXPECT_TRUE(contains(f[0].message, "self reference")) << f[0].message;
}

TEST_F(InformativeUrls, ResolvingSelfReferencesPassAndOtherReferencesAreNotTested) {
  auto f = findings("6.3.7", with_references(reference(url("/advisory.json"), "self") + "," +
                                             reference(url("/moved"), "self") + "," +
                                             reference(url("/missing"), "external") + "," +
                                             reference(url("/missing"))));
  EXPECT_TRUE(f.empty()) << lotse::testing::describe(f);
}

}  // namespace
}  // namespace lotse::csaf
