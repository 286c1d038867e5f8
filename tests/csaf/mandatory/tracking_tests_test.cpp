// Spec cases for the tracking, translation, uniqueness, category and version
// range tests (CSAF 2.0 6.1.14 - 6.1.26, 6.1.28, 6.1.30, 6.1.31), written from
// the specification text as small inline documents. The helpers they rely on
// are tested in tracking_helpers_test.cpp.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "csaf/validator.hpp"
#include "support/csaf_findings.hpp"

namespace lotse::csaf {
namespace {

// The findings of one test on one document (tests/support/csaf_findings.hpp).
const auto findings = &lotse::testing::findings_of;

// A document with /document/tracking holding `status`, `version` and a
// revision history of (date, number) pairs.
std::string tracking(std::string_view status, std::string_view version,
                     std::vector<std::pair<std::string, std::string>> history) {
  std::string items;
  for (const auto& [date, number] : history) {
    if (!items.empty()) items += ",";
    items += R"({"date":")" + date + R"(","number":")" + number + R"(","summary":"s"})";
  }
  return R"({"document":{"tracking":{"status":")" + std::string(status) + R"(","version":")" +
         std::string(version) + R"(","revision_history":[)" + items + "]}}}";
}

constexpr const char* kDay1 = "2021-07-21T10:00:00.000Z";
constexpr const char* kDay2 = "2021-07-22T10:00:00.000Z";
constexpr const char* kDay3 = "2021-07-23T10:00:00.000Z";

// True when test `id` finds nothing in `text`.
bool passes(const std::string& id, std::string text) {
  return findings(id, std::move(text)).empty();
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// ---- 6.1.14 Sorted Revision History ---------------------------------------

TEST(TrackingTests, RevisionDatedLaterWithLowerNumberFailsSortedRevisionHistory) {
  // The spec's example 62.
  auto f = findings("6.1.14", tracking("final", "2", {{kDay2, "2"}, {kDay3, "1"}}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].test, "6.1.14");
  EXPECT_EQ(f[0].pointer, "/document/tracking/revision_history/1");
  EXPECT_TRUE(contains(f[0].message, "lower number")) << f[0].message;
}

TEST(TrackingTests, RevisionsInDateOrderPassSortedRevisionHistoryWhateverTheirPosition) {
  EXPECT_TRUE(passes("6.1.14", tracking("final", "2", {{kDay3, "2"}, {kDay2, "1"}})));
  // Semantic precedence, not text order: 1.10.0 follows 1.9.0.
  EXPECT_TRUE(passes("6.1.14", tracking("final", "1.10.0", {{kDay1, "1.9.0"}, {kDay2, "1.10.0"}})));
  // Same timestamp: the numbers decide the order.
  EXPECT_TRUE(passes("6.1.14", tracking("final", "2", {{kDay1, "2"}, {kDay1, "1"}})));
}

TEST(TrackingTests, SortedRevisionHistoryComparesDatesAsInstants) {
  // 11:00+02:00 is 09:00Z, before 10:00Z: "2" is dated before "1".
  auto f = findings(
      "6.1.14",
      tracking("final", "2", {{"2021-07-21T10:00:00Z", "1"}, {"2021-07-21T11:00:00+02:00", "2"}}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/document/tracking/revision_history/0");
}

// ---- 6.1.15 Translator ----------------------------------------------------

TEST(TrackingTests, TranslatorWithoutSourceLangFailsAndSaysItIsNotPresent) {
  auto f =
      findings("6.1.15", R"({"document":{"lang":"en-US","publisher":{"category":"translator"}}})");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/document/source_lang");
  EXPECT_TRUE(contains(f[0].message, "not present")) << f[0].message;
}

TEST(TrackingTests, TranslatorWithEmptySourceLangFailsAndSaysItIsEmpty) {
  auto f = findings("6.1.15",
                    R"({"document":{"source_lang":"","publisher":{"category":"translator"}}})");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(contains(f[0].message, "present but empty")) << f[0].message;
}

TEST(TrackingTests, TranslatorWithSourceLangOrOtherPublisherPassesTranslator) {
  EXPECT_TRUE(passes(
      "6.1.15", R"({"document":{"source_lang":"de-DE","publisher":{"category":"translator"}}})"));
  EXPECT_TRUE(passes("6.1.15", R"({"document":{"publisher":{"category":"vendor"}}})"));
}

// ---- 6.1.16 Latest Document Version ---------------------------------------

TEST(TrackingTests, VersionOtherThanLatestRevisionFailsLatestDocumentVersion) {
  // The spec's example 64.
  auto f =
      findings("6.1.16", tracking("final", "1", {{"2021-07-21T09:00:00.000Z", "1"}, {kDay1, "2"}}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/document/tracking/version");
  EXPECT_TRUE(contains(f[0].message, "expected \"2\"")) << f[0].message;
}

TEST(TrackingTests, LatestDocumentVersionIgnoresBuildMetadataAndPreReleaseOfDrafts) {
  EXPECT_TRUE(passes(
      "6.1.16", tracking("final", "2.0.0+21AF26D3", {{kDay1, "1.0.0"}, {kDay2, "2.0.0+143D5"}})));
  EXPECT_TRUE(
      passes("6.1.16", tracking("draft", "2.0.0-rc.1", {{kDay1, "1.0.0"}, {kDay2, "2.0.0"}})));
  // Not for a final document.
  EXPECT_EQ(
      findings("6.1.16", tracking("final", "2.0.0-rc.1", {{kDay1, "1.0.0"}, {kDay2, "2.0.0"}}))
          .size(),
      1u);
}

// ---- 6.1.17 Document Status Draft -----------------------------------------

TEST(TrackingTests, FinalDocumentWithVersionOfInitialDevelopmentFailsDocumentStatusDraft) {
  // The spec's example 65.
  auto f = findings("6.1.17", tracking("final", "0.9.5", {{kDay1, "0.9.5"}}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/document/tracking/status");
  EXPECT_TRUE(contains(f[0].message, "expected status \"draft\"")) << f[0].message;
  EXPECT_EQ(findings("6.1.17", tracking("interim", "1.0.0-alpha", {})).size(), 1u);
}

TEST(TrackingTests, DraftOrReleasedVersionPassesDocumentStatusDraft) {
  EXPECT_TRUE(passes("6.1.17", tracking("draft", "0.9.5", {})));
  EXPECT_TRUE(passes("6.1.17", tracking("final", "1.0.0", {})));
}

// ---- 6.1.18 Released Revision History -------------------------------------

TEST(TrackingTests, FinalDocumentWithRevisionZeroFailsReleasedRevisionHistory) {
  // The spec's example 66.
  auto f =
      findings("6.1.18", tracking("final", "1", {{"2021-05-17T10:00:00.000Z", "0"}, {kDay1, "1"}}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/document/tracking/revision_history/0/number");
  EXPECT_TRUE(contains(f[0].message, "\"final\"")) << f[0].message;
}

TEST(TrackingTests, DraftWithRevisionZeroPassesReleasedRevisionHistory) {
  EXPECT_TRUE(passes("6.1.18", tracking("draft", "1", {{kDay1, "0"}, {kDay2, "1"}})));
  EXPECT_TRUE(passes("6.1.18", tracking("interim", "1.0.0", {{kDay1, "1.0.0"}})));
}

// ---- 6.1.19 Revision History Entries for Pre-release Versions -------------

TEST(TrackingTests, RevisionWithPreReleaseFailsPreReleaseRevisions) {
  // The spec's example 67.
  auto f = findings("6.1.19", tracking("final", "1.0.0", {{kDay1, "1.0.0-rc"}, {kDay2, "1.0.0"}}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/document/tracking/revision_history/0/number");
  EXPECT_TRUE(contains(f[0].message, "\"-rc\"")) << f[0].message;
}

TEST(TrackingTests, ReleasedRevisionsPassPreReleaseRevisions) {
  EXPECT_TRUE(
      passes("6.1.19", tracking("final", "1.0.0", {{kDay1, "1.0.0+build.1"}, {kDay2, "1.1.0"}})));
}

// ---- 6.1.20 Non-draft Document Version ------------------------------------

TEST(TrackingTests, InterimDocumentWithPreReleaseFailsNonDraftDocumentVersion) {
  // The spec's example 68.
  auto f = findings("6.1.20", tracking("interim", "1.0.0-alpha", {{kDay1, "1.0.0"}}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/document/tracking/version");
  EXPECT_TRUE(contains(f[0].message, "\"-alpha\"")) << f[0].message;
}

TEST(TrackingTests, DraftWithPreReleasePassesNonDraftDocumentVersion) {
  EXPECT_TRUE(passes("6.1.20", tracking("draft", "1.0.0-alpha", {})));
  EXPECT_TRUE(passes("6.1.20", tracking("final", "1.0.0+b", {})));
}

// ---- 6.1.21 Missing Item in Revision History ------------------------------

TEST(TrackingTests, SkippedVersionFailsMissingItemAndSaysItIsNowhere) {
  // The spec's example 69.
  auto f = findings("6.1.21", tracking("final", "3", {{kDay1, "1"}, {kDay2, "3"}}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/document/tracking/revision_history/1");
  EXPECT_TRUE(contains(f[0].message, "version \"2\" is nowhere")) << f[0].message;
}

TEST(TrackingTests, VersionDatedTooLateFailsMissingItemAndSaysWhereItIs) {
  auto f = findings("6.1.21", tracking("final", "3", {{kDay1, "1"}, {kDay2, "3"}, {kDay3, "2"}}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(contains(f[0].message, "appears only in the later revision \"2\"")) << f[0].message;
}

TEST(TrackingTests, HistoryStartingAboveOneFailsMissingItem) {
  auto f = findings("6.1.21", tracking("final", "3.0.0", {{kDay1, "2.0.0"}, {kDay2, "3.0.0"}}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/document/tracking/revision_history/0");
  EXPECT_TRUE(contains(f[0].message, "start with major version \"0\" or \"1\"")) << f[0].message;
}

TEST(TrackingTests, CompleteHistoryPassesMissingItem) {
  EXPECT_TRUE(passes("6.1.21", tracking("draft", "1", {{kDay1, "0"}, {kDay2, "1"}})));
  // Only major versions count for semantic versioning.
  EXPECT_TRUE(passes("6.1.21", tracking("final", "2.0.0",
                                        {{kDay1, "1.0.0"}, {kDay2, "1.3.0"}, {kDay3, "2.0.0"}})));
}

// ---- 6.1.22 Multiple Definition in Revision History -----------------------

TEST(TrackingTests, SameNumberTwiceFailsMultipleDefinitionInRevisionHistory) {
  // The spec's example 70.
  auto f =
      findings("6.1.22", tracking("final", "1", {{"2021-07-20T10:00:00.000Z", "1"}, {kDay1, "1"}}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/document/tracking/revision_history/1/number");
  EXPECT_TRUE(contains(f[0].message, "/document/tracking/revision_history/0")) << f[0].message;
  // Build metadata does not make another version.
  EXPECT_EQ(findings("6.1.22", tracking("final", "1.0.0", {{kDay1, "1.0.0+a"}, {kDay2, "1.0.0+b"}}))
                .size(),
            1u);
}

TEST(TrackingTests, DistinctNumbersPassMultipleDefinitionInRevisionHistory) {
  EXPECT_TRUE(passes("6.1.22", tracking("final", "2", {{kDay1, "1"}, {kDay2, "2"}})));
}

// ---- 6.1.23 Multiple Use of Same CVE --------------------------------------

TEST(TrackingTests, SameCveInTwoVulnerabilitiesFailsMultipleUseOfSameCve) {
  // The spec's example 71.
  auto f = findings("6.1.23",
                    R"({"vulnerabilities":[{"cve":"CVE-2017-0145"},{"cve":"CVE-2017-0145"}]})");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities/1/cve");
  EXPECT_TRUE(contains(f[0].message, "/vulnerabilities/0")) << f[0].message;
}

TEST(TrackingTests, DistinctCvesPassMultipleUseOfSameCve) {
  EXPECT_TRUE(passes(
      "6.1.23", R"({"vulnerabilities":[{"cve":"CVE-2017-0145"},{"cve":"CVE-2017-0146"},{}]})"));
}

// ---- 6.1.24 Multiple Definition in Involvements ---------------------------

TEST(TrackingTests, SamePartyAtSameDateFailsMultipleDefinitionInInvolvements) {
  // The spec's example 72, the second date written with another offset.
  auto f = findings("6.1.24", R"({"vulnerabilities":[{"involvements":[
      {"date":"2021-04-23T10:00:00.000Z","party":"vendor","status":"completed"},
      {"date":"2021-04-23T12:00:00+02:00","party":"vendor","status":"in_progress"}]}]})");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities/0/involvements/1");
  EXPECT_TRUE(contains(f[0].message, "\"vendor\"")) << f[0].message;
}

TEST(TrackingTests, OtherDateOrOtherVulnerabilityPassesMultipleDefinitionInInvolvements) {
  EXPECT_TRUE(passes("6.1.24", R"({"vulnerabilities":[{"involvements":[
      {"date":"2021-04-23T10:00:00Z","party":"vendor","status":"completed"},
      {"date":"2021-04-24T10:00:00Z","party":"vendor","status":"completed"},
      {"date":"2021-04-23T10:00:00Z","party":"coordinator","status":"completed"}]},
      {"involvements":[{"date":"2021-04-23T10:00:00Z","party":"vendor","status":"completed"}]}]})"));
}

// ---- 6.1.25 Multiple Use of Same Hash Algorithm ---------------------------

TEST(TrackingTests, SameAlgorithmTwiceInOneItemFailsMultipleUseOfSameHashAlgorithm) {
  // The spec's example 73, and the same inside a branch product.
  const char* hashes =
      R"("product_identification_helper":{"hashes":[{"filename":"a.so","file_hashes":[
      {"algorithm":"sha256","value":"026a"},{"algorithm":"sha256","value":"0a85"}]}]})";
  auto f = findings(
      "6.1.25",
      std::string(R"({"product_tree":{"full_product_names":[{"name":"A","product_id":"A",)") +
          hashes +
          R"(}],"branches":[{"category":"vendor","name":"v","product":{"name":"B","product_id":"B",)" +
          hashes + "}}]}}");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].pointer,
            "/product_tree/branches/0/product/product_identification_helper/hashes/0/file_hashes/1/"
            "algorithm");
  EXPECT_EQ(f[1].pointer,
            "/product_tree/full_product_names/0/product_identification_helper/hashes/0/file_hashes/"
            "1/algorithm");
  EXPECT_TRUE(contains(f[1].message, "\"sha256\"")) << f[1].message;
}

TEST(TrackingTests, DifferentAlgorithmsOrSeparateItemsPassMultipleUseOfSameHashAlgorithm) {
  EXPECT_TRUE(
      passes("6.1.25",
             R"({"product_tree":{"relationships":[{"full_product_name":{"name":"A","product_id":"A",
      "product_identification_helper":{"hashes":[
        {"filename":"a","file_hashes":[{"algorithm":"sha256","value":"01"},{"algorithm":"sha512","value":"02"}]},
        {"filename":"b","file_hashes":[{"algorithm":"sha256","value":"03"}]}]}}}]}})"));
}

// ---- 6.1.26 Prohibited Document Category Name -----------------------------

std::string category(std::string_view value) {
  return R"({"document":{"category":")" + std::string(value) + R"("}})";
}

TEST(TrackingTests, CategoryImitatingAProfileFailsProhibitedDocumentCategoryName) {
  // The spec's examples 74 and 75, plus a Unicode dash.
  for (const char* value : {"Security_Incident_Response", "Informational Advisory",
                            "security-incident-response", "Security      Advisory", "veX", "V_eX",
                            "csafsecurityadvisory", "Security\u2013Advisory"}) {
    auto f = findings("6.1.26", category(value));
    ASSERT_EQ(f.size(), 1u) << value;
    EXPECT_EQ(f[0].pointer, "/document/category");
    EXPECT_TRUE(contains(f[0].message, "matches the profile")) << f[0].message;
  }
}

TEST(TrackingTests, ReservedPrefixFailsProhibitedDocumentCategoryName) {
  for (const char* value : {"Csaf_a", "csaf_BASE"}) {
    auto f = findings("6.1.26", category(value));
    ASSERT_EQ(f.size(), 1u) << value;
    EXPECT_TRUE(contains(f[0].message, "reserved prefix")) << f[0].message;
  }
}

TEST(TrackingTests, ProfileValuesAndOtherNamesPassProhibitedDocumentCategoryName) {
  for (const char* value : {"csaf_base", "csaf_vex", "csaf_security_advisory",
                            "OASIS CSAF TC Security Incident Response", "Vendor Advisory"}) {
    EXPECT_TRUE(passes("6.1.26", category(value))) << value;
  }
}

// ---- 6.1.28 Translation ---------------------------------------------------

TEST(TrackingTests, SameLanguageAsSourceFailsTranslation) {
  // The spec's example 87; language tags ignore case.
  for (const char* source : {"en-US", "EN-us"}) {
    auto f = findings(
        "6.1.28", std::string(R"({"document":{"lang":"en-US","source_lang":")") + source + "\"}}");
    ASSERT_EQ(f.size(), 1u) << source;
    EXPECT_EQ(f[0].pointer, "/document/source_lang");
    EXPECT_TRUE(contains(f[0].message, "different language")) << f[0].message;
  }
}

TEST(TrackingTests, TranslationIntoAnotherVariantPassesTranslation) {
  EXPECT_TRUE(passes("6.1.28", R"({"document":{"lang":"en-GB","source_lang":"en-US"}})"));
}

// ---- 6.1.30 Mixed Integer and Semantic Versioning -------------------------

TEST(TrackingTests, SwitchingSchemesFailsMixedIntegerAndSemanticVersioning) {
  // The spec's example 89.
  auto f = findings("6.1.30",
                    tracking("final", "2", {{"2021-07-21T09:00:00.000Z", "1.0.0"}, {kDay1, "2"}}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/document/tracking/revision_history/0/number");
  EXPECT_TRUE(contains(f[0].message, "uses semantic versioning")) << f[0].message;
}

TEST(TrackingTests, OneSchemePassesMixedIntegerAndSemanticVersioning) {
  EXPECT_TRUE(passes("6.1.30", tracking("final", "2.0.0", {{kDay1, "1.0.0"}, {kDay2, "2.0.0"}})));
  EXPECT_TRUE(passes("6.1.30", tracking("final", "2", {{kDay1, "1"}, {kDay2, "2"}})));
}

// ---- 6.1.31 Version Range in Product Version ------------------------------

std::string product_version(std::string_view name) {
  return R"({"product_tree":{"branches":[{"category":"vendor","name":"V","branches":[
      {"category":"product_version","name":")" +
         std::string(name) + R"("}]}]}})";
}

TEST(TrackingTests, RangeInProductVersionNameFailsVersionRangeInProductVersion) {
  // The spec's example 90 and the listed strings.
  for (const char* name : {"prior to 4.2", "<4.2", "<= 4.1", ">=2", "4.1 and earlier", "ALL",
                           "before 4.2", "4.2 and later", "3.X versions", "after\\t1.0"}) {
    auto f = findings("6.1.31", product_version(name));
    ASSERT_EQ(f.size(), 1u) << name;
    EXPECT_EQ(f[0].pointer, "/product_tree/branches/0/branches/0/name");
    EXPECT_TRUE(contains(f[0].message, "version range")) << f[0].message;
  }
}

TEST(TrackingTests, SingleVersionPassesVersionRangeInProductVersion) {
  // Keywords count as whole words only (known issue #825).
  for (const char* name : {"4.2", "after-eight", "allegro 2", "versions2"}) {
    EXPECT_TRUE(passes("6.1.31", product_version(name))) << name;
  }
  // Other categories may name ranges.
  EXPECT_TRUE(passes(
      "6.1.31",
      R"({"product_tree":{"branches":[{"category":"product_version_range","name":"<4.2"}]}})"));
}

// ---- robustness -----------------------------------------------------------

TEST(TrackingTests, WrongTypesEverywhereYieldNoFindingAndNoCrash) {
  const char* ids[] = {"6.1.14", "6.1.15", "6.1.16", "6.1.17", "6.1.18", "6.1.19",
                       "6.1.20", "6.1.21", "6.1.22", "6.1.23", "6.1.24", "6.1.25",
                       "6.1.26", "6.1.28", "6.1.30", "6.1.31"};
  const char* documents[] = {
      "[]",
      "\"x\"",
      "{}",
      R"({"document":5})",
      R"({"document":{"tracking":[]}})",
      R"({"document":{"publisher":[],"category":7,"lang":1,"tracking":{"status":3,"version":[],
          "revision_history":[1,null,{"date":5,"number":[]},{"date":"x","number":"y"}]}}})",
      R"({"document":{"tracking":{"status":"final","version":"1","revision_history":{}}}})",
      R"({"product_tree":{"branches":[{"branches":5},{"category":"product_version","name":7},3,
          {"product":{"product_identification_helper":{"hashes":[1,{"file_hashes":[2,{}]}]}}}],
          "full_product_names":{},"relationships":[5,{"full_product_name":[]}]}})",
      R"({"vulnerabilities":[{"involvements":[null,{"party":"vendor"},{"date":"d","party":3}]},5,{"cve":1}]})",
  };
  for (const char* id : ids) {
    for (const char* document : documents) {
      EXPECT_TRUE(passes(id, document)) << id << " on " << document;
    }
  }
}

TEST(TrackingTests, DeeplyNestedBranchesAreWalkedWithoutRecursion) {
  std::string text = R"({"product_tree":{"branches":)";
  const int depth = 200;  // two levels each: below the parser's depth limit of 512
  for (int i = 0; i < depth; ++i)
    text += R"([{"category":"product_version","name":"all","branches":)";
  text += "[]";
  for (int i = 0; i < depth; ++i) text += "}]";
  text += "}}";
  EXPECT_EQ(findings("6.1.31", text).size(), static_cast<std::size_t>(depth));
}

}  // namespace
}  // namespace lotse::csaf
