// Spec cases for the informative tests of scores, identifiers and hashes
// (CSAF 2.0 6.3.1 - 6.3.5), written from the specification text as small
// inline documents, plus documents that fail the schema (the tests must
// neither crash nor report type errors: that is the schema's job).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "csaf/informative/relevant_paths.hpp"
#include "json/parser.hpp"
#include "support/csaf_findings.hpp"

namespace lotse::csaf {
namespace {

const auto findings = &lotse::testing::findings_of;

bool passes(const std::string& id, std::string text) { return findings(id, std::move(text)).empty(); }

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// A document with one vulnerability holding these scores.
std::string with_scores(const std::string& scores) {
  return R"({"vulnerabilities":[{"scores":[)" + scores + "]}]}";
}

constexpr const char* kCvssV2 = R"("cvss_v2":{"version":"2.0","vectorString":"AV:N/AC:L/Au:N/C:C/I:C/A:C","baseScore":10})";
constexpr const char* kCvssV31 =
    R"("cvss_v3":{"version":"3.1","vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H","baseScore":10,"baseSeverity":"CRITICAL"})";
constexpr const char* kCvssV30 =
    R"("cvss_v3":{"version":"3.0","vectorString":"CVSS:3.0/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H","baseScore":6.5,"baseSeverity":"MEDIUM"})";

// ---- 6.3.1 Use of CVSS v2 as the only Scoring System ------------------------

TEST(InformativeScores, ScoreWithOnlyCvssV2FailsAndNamesItsProducts) {
  // The spec's example 113.
  auto f = findings("6.3.1", with_scores(std::string(R"({"products":["CSAFPID-9080700"],)") + kCvssV2 + "}"));
  ASSERT_EQ(f.size(), 1u) << lotse::testing::describe(f);
  EXPECT_EQ(f[0].severity, Severity::info);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities/0/scores/0");
  EXPECT_TRUE(contains(f[0].message, "\"CSAFPID-9080700\"")) << f[0].message;
  EXPECT_TRUE(contains(f[0].message, "cvss_v3")) << f[0].message;
}

TEST(InformativeScores, CvssV2WithASecondScoringObjectPasses) {
  EXPECT_TRUE(passes("6.3.1", with_scores(std::string(R"({"products":["A"],)") + kCvssV2 + "," + kCvssV31 + "}")));
  // Without cvss_v2 the test does not apply.
  EXPECT_TRUE(passes("6.3.1", with_scores(std::string(R"({"products":["A"],)") + kCvssV31 + "}")));
}

TEST(InformativeScores, EachScoreItemIsJudgedOnItsOwn) {
  auto f = findings("6.3.1", with_scores(std::string(R"({"products":["A"],)") + kCvssV2 + "," + kCvssV31 +
                                         R"(},{"products":["A"],)" + kCvssV2 + "}"));
  ASSERT_EQ(f.size(), 1u) << lotse::testing::describe(f);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities/0/scores/1");
}

// ---- 6.3.2 Use of CVSS v3.0 -------------------------------------------------

TEST(InformativeScores, CvssV30FailsAtItsVersion) {
  // The spec's example 114.
  auto f = findings("6.3.2", with_scores(std::string(R"({"products":["A"],)") + kCvssV30 + "}"));
  ASSERT_EQ(f.size(), 1u) << lotse::testing::describe(f);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities/0/scores/0/cvss_v3/version");
  EXPECT_TRUE(contains(f[0].message, "CVSS v3.1")) << f[0].message;
}

TEST(InformativeScores, CvssV30VectorWithOtherVersionFailsAtTheVector) {
  auto f = findings("6.3.2", with_scores(R"({"products":["A"],"cvss_v3":{"version":"3.1","vectorString":"CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}})"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities/0/scores/0/cvss_v3/vectorString");
}

TEST(InformativeScores, CvssV31Passes) {
  EXPECT_TRUE(passes("6.3.2", with_scores(std::string(R"({"products":["A"],)") + kCvssV31 + "}")));
  EXPECT_TRUE(passes("6.3.2", with_scores(std::string(R"({"products":["A"],)") + kCvssV2 + "}")));
}

// ---- 6.3.3 Missing CVE, 6.3.4 Missing CWE -----------------------------------

TEST(InformativeIdentifiers, VulnerabilityWithoutCveFailsAndNamesItsTitle) {
  // The spec's example 115.
  auto f = findings("6.3.3", R"({"vulnerabilities":[{"title":"BlueKeep"}]})");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities/0");
  EXPECT_TRUE(contains(f[0].message, "\"BlueKeep\"")) << f[0].message;
  EXPECT_EQ(findings("6.3.3", R"({"vulnerabilities":[{"cve":""}]})").size(), 1u);
}

TEST(InformativeIdentifiers, VulnerabilityWithCvePasses) {
  EXPECT_TRUE(passes("6.3.3", R"({"vulnerabilities":[{"cve":"CVE-2019-0708","title":"BlueKeep"}]})"));
  EXPECT_TRUE(passes("6.3.3", R"({"document":{}})"));  // no vulnerabilities: nothing to test
}

TEST(InformativeIdentifiers, VulnerabilityWithoutCweFails) {
  // The spec's example 116.
  auto f = findings("6.3.4", R"({"vulnerabilities":[{"cve":"CVE-2019-0708","title":"BlueKeep"},{"cwe":{"id":"CWE-79","name":"x"}}]})");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities/0");
}

TEST(InformativeIdentifiers, VulnerabilityWithCwePasses) {
  EXPECT_TRUE(passes("6.3.4", R"({"vulnerabilities":[{"cwe":{"id":"CWE-502","name":"Deserialization of Untrusted Data"}}]})"));
}

// ---- 6.3.5 Use of Short Hash ------------------------------------------------

std::string with_hash(const std::string& where, const std::string& value) {
  const std::string product = R"({"name":"Product A","product_id":"A","product_identification_helper":{"hashes":[{"filename":"a.so","file_hashes":[{"algorithm":"md4","value":")" +
                              value + R"("}]}]}})";
  if (where == "branch") {
    return R"({"product_tree":{"branches":[{"category":"vendor","name":"V","branches":[{"category":"product_version","name":"1","product":)" +
           product + "}]}]}}";
  }
  if (where == "relationship") {
    return R"({"product_tree":{"relationships":[{"category":"installed_on","full_product_name":)" + product + "}]}}";
  }
  return R"({"product_tree":{"full_product_names":[)" + product + "]}}";
}

TEST(InformativeHashes, HashShorterThan64CharactersFailsWhereverTheProductIs) {
  // The spec's example 117: 32 hex digits of MD4.
  const std::string md4 = "3202b50e2e5b2fcd75e284c3d9d5f8d6";
  auto f = findings("6.3.5", with_hash("full", md4));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer,
            "/product_tree/full_product_names/0/product_identification_helper/hashes/0/file_hashes/0/value");
  EXPECT_TRUE(contains(f[0].message, "only 32 characters")) << f[0].message;
  EXPECT_EQ(findings("6.3.5", with_hash("branch", md4)).at(0).pointer,
            "/product_tree/branches/0/branches/0/product/product_identification_helper/hashes/0/file_hashes/0/value");
  EXPECT_EQ(findings("6.3.5", with_hash("relationship", md4)).size(), 1u);
  EXPECT_EQ(findings("6.3.5", with_hash("full", std::string(63, 'a'))).size(), 1u);
}

TEST(InformativeHashes, HashOf64OrMoreCharactersPasses) {
  EXPECT_TRUE(passes("6.3.5", with_hash("full", std::string(64, 'a'))));
  EXPECT_TRUE(passes("6.3.5", with_hash("branch", std::string(128, 'f'))));
}

// ---- documents that fail the schema -----------------------------------------

TEST(InformativeRobustness, WrongTypesEverywhereAreNeitherCrashesNorFindings) {
  const char* documents[] = {
      R"([])", R"("text")", R"({"vulnerabilities":{}})", R"({"vulnerabilities":[1,"x",null,[]]})",
      R"({"vulnerabilities":[{"scores":{"cvss_v2":{}}}]})", R"({"vulnerabilities":[{"scores":[1,{"cvss_v3":"3.0"}]}]})",
      R"({"product_tree":{"full_product_names":[{"product_identification_helper":{"hashes":[{"file_hashes":[{"value":5}]}]}}]}})",
      R"({"product_tree":{"full_product_names":{"x":1},"relationships":[1]}})",
  };
  for (const char* doc : documents) {
    for (const char* id : {"6.3.1", "6.3.2", "6.3.5", "6.3.9", "6.3.10", "6.3.11"}) {
      EXPECT_TRUE(passes(id, doc)) << id << " on " << doc;
    }
  }
  // Non-object vulnerabilities are not "missing" a CVE either.
  EXPECT_TRUE(passes("6.3.3", R"({"vulnerabilities":[1,"x",null]})"));
}

// ---- relevant paths ---------------------------------------------------------

TEST(RelevantPaths, ExpandEveryArrayAndSkipWrongTypes) {
  auto doc = json::parse(R"({"a":[{"b":["x","y"]},{"b":"not an array"},{"c":1},5],"d/e":{"f":true}})");
  ASSERT_TRUE(doc);
  std::vector<std::string> pointers;
  for (const auto& v : informative::values_at(doc->root(), "/a[]/b[]")) pointers.push_back(v.pointer);
  EXPECT_EQ(pointers, (std::vector<std::string>{"/a/0/b/0", "/a/0/b/1"}));
  auto b = informative::values_at(doc->root(), "/a[]/b");
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[1].pointer, "/a/1/b");
  EXPECT_TRUE(b[1].value->is_string());
  EXPECT_EQ(informative::values_at(doc->root(), "/d/e/f").size(), 0u);  // '/' splits segments
  EXPECT_EQ(informative::values_at(doc->root(), "").size(), 1u);        // the root itself
  EXPECT_TRUE(informative::values_at(doc->root(), "/missing[]/x").empty());
}

}  // namespace
}  // namespace lotse::csaf
