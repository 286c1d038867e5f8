// Tests 6.2.1 Unused Definition of Product ID, 6.2.2 Missing Remediation and
// 6.2.3 Missing Score on small documents written from the spec text (only
// the test under examination runs, not the schema).
#include <gtest/gtest.h>

#include <string>

#include "csaf/validator.hpp"
#include "support/csaf_findings.hpp"

namespace lotse::csaf {
namespace {

using lotse::testing::describe;
const auto run = &lotse::testing::findings_of;

// --- 6.2.1 Unused Definition of Product ID ---

TEST(UnusedDefinitionOfProductId, ProductNeverReferencedFails) {  // spec example 93
  auto findings = run("6.2.1", R"({"product_tree": {"full_product_names": [
      {"product_id": "CSAFPID-9080700", "name": "Product A"}]}})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/product_tree/full_product_names/0/product_id");
  EXPECT_EQ(findings[0].severity, Severity::warning);
  EXPECT_NE(findings[0].message.find("\"CSAFPID-9080700\" is defined but never referenced"), std::string::npos)
      << findings[0].message;
}

TEST(UnusedDefinitionOfProductId, EveryDefiningPathIsChecked) {
  auto findings = run("6.2.1", R"({"product_tree": {
      "branches": [{"branches": [{"product": {"product_id": "B"}}]}],
      "full_product_names": [{"product_id": "F"}],
      "relationships": [{"product_reference": "B", "relates_to_product_reference": "F",
                         "full_product_name": {"product_id": "R"}}]}})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);  // B and F are referenced by the relationship
  EXPECT_EQ(findings[0].pointer, "/product_tree/relationships/0/full_product_name/product_id");
}

TEST(UnusedDefinitionOfProductId, ReferencesFromStatusGroupsScoresThreatsRemediationsAndFlagsPass) {
  auto findings = run("6.2.1", R"({"product_tree": {
      "full_product_names": [{"product_id": "S"}, {"product_id": "G"}, {"product_id": "C"},
                             {"product_id": "T"}, {"product_id": "M"}, {"product_id": "L"}],
      "product_groups": [{"group_id": "GR", "product_ids": ["G"]}]},
    "vulnerabilities": [{"product_status": {"recommended": ["S"]}, "scores": [{"products": ["C"]}],
                         "threats": [{"product_ids": ["T"]}], "remediations": [{"product_ids": ["M"]}],
                         "flags": [{"product_ids": ["L"]}]}]})");
  EXPECT_TRUE(findings.empty()) << describe(findings);
}

TEST(UnusedDefinitionOfProductId, InformationalAdvisoryIsSkipped) {
  ValidateOptions options;
  options.tests = {"6.2.1"};
  DocumentResult result = validate_document(R"({"document": {"category": "csaf_informational_advisory"},
      "product_tree": {"full_product_names": [{"product_id": "A", "name": "A"}]}})",
                                            "case.json", options);
  EXPECT_TRUE(result.findings.empty()) << describe(result.findings);
  ASSERT_EQ(result.skipped.size(), 1u);
  EXPECT_EQ(result.skipped[0].test, "6.2.1");
  EXPECT_NE(result.skipped[0].reason.find("Informational Advisory"), std::string::npos);
}

// --- 6.2.2 Missing Remediation ---

TEST(MissingRemediation, AffectedProductWithoutRemediationFails) {  // spec example 94
  auto findings = run("6.2.2", R"({"vulnerabilities": [{"product_status": {"last_affected": ["CSAFPID-9080700"]}}]})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/vulnerabilities/0/product_status/last_affected/0");
  EXPECT_NE(findings[0].message.find("last_affected"), std::string::npos) << findings[0].message;
}

TEST(MissingRemediation, EachAffectedAndInvestigatedStatusIsChecked) {
  auto findings = run("6.2.2", R"({"vulnerabilities": [{"product_status": {
      "first_affected": ["A"], "known_affected": ["B"], "under_investigation": ["C"],
      "fixed": ["D"], "known_not_affected": ["E"], "recommended": ["F"]}}]})");
  ASSERT_EQ(findings.size(), 3u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/vulnerabilities/0/product_status/first_affected/0");
  EXPECT_EQ(findings[1].pointer, "/vulnerabilities/0/product_status/known_affected/0");
  EXPECT_EQ(findings[2].pointer, "/vulnerabilities/0/product_status/under_investigation/0");
}

TEST(MissingRemediation, RemediationByProductOrGroupPasses) {
  auto findings = run("6.2.2", R"({"product_tree": {"product_groups": [{"group_id": "G", "product_ids": ["B"]}]},
    "vulnerabilities": [{"product_status": {"known_affected": ["A", "B"]},
                         "remediations": [{"category": "none_available", "product_ids": ["A"]},
                                          {"category": "no_fix_planned", "group_ids": ["G"]}]}]})");
  EXPECT_TRUE(findings.empty()) << describe(findings);
}

TEST(MissingRemediation, RemediationOfAnotherVulnerabilityDoesNotCount) {
  auto findings = run("6.2.2", R"({"vulnerabilities": [
      {"remediations": [{"product_ids": ["A"]}]},
      {"product_status": {"known_affected": ["A"]}}]})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/vulnerabilities/1/product_status/known_affected/0");
}

// --- 6.2.3 Missing Score ---

TEST(MissingScore, AffectedProductWithoutScoreFails) {  // spec example 95
  auto findings = run("6.2.3", R"({"vulnerabilities": [{"product_status": {"first_affected": ["CSAFPID-9080700"]}}]})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/vulnerabilities/0/product_status/first_affected/0");
  EXPECT_NE(findings[0].message.find("no score"), std::string::npos) << findings[0].message;
}

TEST(MissingScore, ScoredAffectedProductsAndUnaffectedOnesPass) {
  auto findings = run("6.2.3", R"({"vulnerabilities": [{
      "product_status": {"known_affected": ["A"], "last_affected": ["B"], "under_investigation": ["C"], "fixed": ["D"]},
      "scores": [{"products": ["A"]}, {"products": ["B"]}]}]})");
  EXPECT_TRUE(findings.empty()) << describe(findings);
}

TEST(MissingScore, WrongTypesAreSkippedNotCrashedOn) {
  auto findings = run("6.2.3", R"({"vulnerabilities": [{"product_status": {"known_affected": [1, "A"]},
      "scores": [{"products": "A"}, 7]}, 3, {"product_status": []}]})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/vulnerabilities/0/product_status/known_affected/1");
}

}  // namespace
}  // namespace lotse::csaf
