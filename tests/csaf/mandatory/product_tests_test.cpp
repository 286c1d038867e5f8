// Tests 6.1.1-6.1.7, 6.1.29, 6.1.32 and 6.1.33 (product IDs, groups, status,
// scores, product references) on small documents written from the spec
// text, and the product_index walks they share. The documents are fragments:
// only the test under examination runs, not the schema.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "csaf/product_index.hpp"
#include "csaf/validator.hpp"
#include "support/csaf_findings.hpp"
#include "json/parser.hpp"
#include "support/testsuites.hpp"

namespace lotse::csaf {
namespace {

// The findings of one test on one document (tests/support/csaf_findings.hpp).
const auto run = &lotse::testing::findings_of;

std::string describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) out += "\n  " + f.test + " " + f.pointer + ": " + f.message;
  return out;
}

// One product tree for the passing cases: A in branches (nested), B in
// full_product_names, C from a relationship of A on B, and group G of A, B.
constexpr const char* kTree = R"(
  "product_tree": {
    "branches": [{"category": "vendor", "name": "V", "branches": [
      {"category": "product_name", "name": "A", "product": {"name": "A", "product_id": "A"}}]}],
    "full_product_names": [{"name": "B", "product_id": "B"}],
    "relationships": [{"category": "installed_on", "product_reference": "A",
                       "relates_to_product_reference": "B",
                       "full_product_name": {"name": "A on B", "product_id": "C"}}],
    "product_groups": [{"group_id": "G", "product_ids": ["A", "B"]}]
  })";

std::string with_tree(const std::string& vulnerabilities) {
  return std::string("{") + kTree + ", \"vulnerabilities\": " + vulnerabilities + "}";
}

// --- 6.1.1 Missing Definition of Product ID ---

TEST(ProductIdTests, GroupListingUndefinedProductsFails) {  // spec example 49
  auto findings = run("6.1.1", R"({"product_tree": {"product_groups": [
      {"group_id": "CSAFGID-1020300", "product_ids": ["CSAFPID-9080700", "CSAFPID-9080701"]}]}})");
  ASSERT_EQ(findings.size(), 2u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/product_tree/product_groups/0/product_ids/0");
  EXPECT_EQ(findings[1].pointer, "/product_tree/product_groups/0/product_ids/1");
  EXPECT_NE(findings[0].message.find("\"CSAFPID-9080700\" is not defined"), std::string::npos)
      << findings[0].message;
  EXPECT_NE(findings[0].message.find("expected"), std::string::npos);
}

TEST(ProductIdTests, FlagReferencingUndefinedProductFails) {  // known issue #909
  auto findings = run("6.1.1", with_tree(R"([{"flags": [
      {"label": "component_not_present", "product_ids": ["A", "Z"]}]}])"));
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/vulnerabilities/0/flags/0/product_ids/1");
  EXPECT_NE(findings[0].message.find("\"Z\""), std::string::npos);
}

TEST(ProductIdTests, ReferencesToProductsFromBranchesNamesAndRelationshipsPass) {
  auto findings = run("6.1.1", with_tree(R"([{
      "product_status": {"known_affected": ["A", "C"], "fixed": ["B"]},
      "remediations": [{"category": "vendor_fix", "details": "x", "product_ids": ["C"]}],
      "scores": [{"products": ["A", "B", "C"]}],
      "threats": [{"category": "impact", "details": "x", "product_ids": ["B"]}],
      "flags": [{"label": "component_not_present", "product_ids": ["C"]}]}])"));
  EXPECT_TRUE(findings.empty()) << describe(findings);
}

TEST(ProductIdTests, EveryReferencingPathIsChecked) {
  auto findings = run("6.1.1", R"({"product_tree": {
      "relationships": [{"product_reference": "R1", "relates_to_product_reference": "R2",
                         "full_product_name": {"name": "n", "product_id": "D"}}]},
    "vulnerabilities": [{
      "product_status": {"first_affected": ["S1"], "under_investigation": ["D", "S2"]},
      "remediations": [{"product_ids": ["M"]}], "scores": [{"products": ["SC"]}],
      "threats": [{"product_ids": ["T"]}]}]})");
  std::vector<std::string> pointers;
  for (const Finding& f : findings) pointers.push_back(f.pointer);
  EXPECT_EQ(pointers, (std::vector<std::string>{
                          "/product_tree/relationships/0/product_reference",
                          "/product_tree/relationships/0/relates_to_product_reference",
                          "/vulnerabilities/0/product_status/first_affected/0",
                          "/vulnerabilities/0/product_status/under_investigation/1",
                          "/vulnerabilities/0/remediations/0/product_ids/0",
                          "/vulnerabilities/0/scores/0/products/0",
                          "/vulnerabilities/0/threats/0/product_ids/0"}))
      << describe(findings);
}

// --- 6.1.2 Multiple Definition of Product ID ---

TEST(ProductIdTests, ProductIdDefinedTwiceFails) {  // spec example 50
  auto findings = run("6.1.2", R"({"product_tree": {"full_product_names": [
      {"product_id": "CSAFPID-9080700", "name": "Product A"},
      {"product_id": "CSAFPID-9080700", "name": "Product B"}]}})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/product_tree/full_product_names/1/product_id");
  EXPECT_NE(findings[0].message.find("already defined at /product_tree/full_product_names/0/product_id"),
            std::string::npos)
      << findings[0].message;
}

TEST(ProductIdTests, ProductIdDefinedInBranchAndRelationshipFails) {
  auto findings = run("6.1.2", R"({"product_tree": {
      "branches": [{"branches": [{"product": {"product_id": "X"}}]}],
      "relationships": [{"full_product_name": {"product_id": "X"}}]}})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/product_tree/relationships/0/full_product_name/product_id");
  EXPECT_NE(findings[0].message.find("/product_tree/branches/0/branches/0/product/product_id"),
            std::string::npos)
      << findings[0].message;
}

TEST(ProductIdTests, DistinctProductIdsPass) {
  auto findings = run("6.1.2", with_tree("[]"));
  EXPECT_TRUE(findings.empty()) << describe(findings);
}

// --- 6.1.3 Circular Definition of Product ID ---

TEST(ProductIdTests, RelationshipReferringToItsOwnProductFails) {  // spec example 51
  auto findings = run("6.1.3", R"({"product_tree": {
      "full_product_names": [{"product_id": "CSAFPID-9080700", "name": "Product A"}],
      "relationships": [{"category": "installed_on",
          "full_product_name": {"name": "Product B", "product_id": "CSAFPID-9080701"},
          "product_reference": "CSAFPID-9080700",
          "relates_to_product_reference": "CSAFPID-9080701"}]}})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/product_tree/relationships/0/relates_to_product_reference");
  EXPECT_NE(findings[0].message.find("circular"), std::string::npos) << findings[0].message;
}

TEST(ProductIdTests, TwoRelationshipsDefinedThroughEachOtherFailAndDependentsEndUpInTheCircle) {
  auto findings = run("6.1.3", R"({"product_tree": {"relationships": [
      {"product_reference": "A", "relates_to_product_reference": "Y",
       "full_product_name": {"product_id": "X"}},
      {"product_reference": "X", "relates_to_product_reference": "B",
       "full_product_name": {"product_id": "Y"}},
      {"product_reference": "X", "relates_to_product_reference": "B",
       "full_product_name": {"product_id": "W"}}]}})");
  ASSERT_EQ(findings.size(), 3u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/product_tree/relationships/0/relates_to_product_reference");
  EXPECT_NE(findings[0].message.find("circle of 2 product IDs"), std::string::npos)
      << findings[0].message;
  EXPECT_EQ(findings[1].pointer, "/product_tree/relationships/1/product_reference");
  EXPECT_EQ(findings[2].pointer, "/product_tree/relationships/2/product_reference");
  EXPECT_NE(findings[2].message.find("\"W\" ends up in that circle"), std::string::npos)
      << findings[2].message;
}

TEST(ProductIdTests, RelationshipsBuildingOnRelationshipsWithoutCirclePass) {
  auto findings = run("6.1.3", with_tree("[]"));  // kTree: C is built from A and B
  EXPECT_TRUE(findings.empty()) << describe(findings);
  findings = run("6.1.3", R"({"product_tree": {"relationships": [
      {"product_reference": "D", "relates_to_product_reference": "C",
       "full_product_name": {"product_id": "E"}},
      {"product_reference": "A", "relates_to_product_reference": "B",
       "full_product_name": {"product_id": "D"}},
      {"product_reference": "A", "relates_to_product_reference": "D",
       "full_product_name": {"product_id": "C"}}]}})");
  EXPECT_TRUE(findings.empty()) << describe(findings);
}

// Chains as long as large advisories have must neither overflow the stack
// nor take quadratic time.
std::string relationship_chain(int length, bool closed) {
  std::string text = R"({"product_tree": {"relationships": [)";
  for (int i = 0; i < length; ++i) {
    if (i) text += ",";
    const std::string next = closed || i + 1 < length ? "P" + std::to_string((i + 1) % length) : "base";
    text += R"({"product_reference": ")" + next +
            R"(", "relates_to_product_reference": "base", "full_product_name": {"product_id": "P)" +
            std::to_string(i) + R"("}})";
  }
  return text + "]}}";
}

TEST(ProductIdTests, LongRelationshipChainWithoutCirclePasses) {
  auto findings = run("6.1.3", relationship_chain(100000, false));
  EXPECT_TRUE(findings.empty()) << describe(findings);
}

TEST(ProductIdTests, LongRelationshipChainClosedIntoCircleFailsOnEveryLink) {
  auto findings = run("6.1.3", relationship_chain(2000, true));
  ASSERT_EQ(findings.size(), 2000u);
  EXPECT_EQ(findings[1999].pointer, "/product_tree/relationships/1999/product_reference");
  EXPECT_NE(findings[0].message.find("circle of 2000 product IDs"), std::string::npos)
      << findings[0].message;
}

// --- 6.1.4 Missing Definition of Product Group ID ---

TEST(ProductGroupTests, ThreatReferencingUndefinedGroupFails) {  // spec example 52
  auto findings = run("6.1.4", R"({"product_tree": {
      "full_product_names": [{"product_id": "CSAFPID-9080700", "name": "Product A"}]},
    "vulnerabilities": [{"threats": [{"category": "exploit_status",
      "details": "Reliable exploits integrated in Metasploit.", "group_ids": ["CSAFGID-1020301"]}]}]})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/vulnerabilities/0/threats/0/group_ids/0");
  EXPECT_NE(findings[0].message.find("\"CSAFGID-1020301\" is not defined"), std::string::npos)
      << findings[0].message;
}

TEST(ProductGroupTests, RemediationAndFlagReferencingUndefinedGroupFail) {
  auto findings = run("6.1.4", with_tree(R"([{
      "remediations": [{"group_ids": ["G", "H"]}],
      "flags": [{"label": "component_not_present", "group_ids": ["H2"]}]}])"));
  ASSERT_EQ(findings.size(), 2u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/vulnerabilities/0/remediations/0/group_ids/1");
  EXPECT_EQ(findings[1].pointer, "/vulnerabilities/0/flags/0/group_ids/0");
}

TEST(ProductGroupTests, ReferencesToDefinedGroupPass) {
  auto findings = run("6.1.4", with_tree(R"([{"threats": [{"group_ids": ["G"]}],
      "remediations": [{"group_ids": ["G"]}], "flags": [{"group_ids": ["G"]}]}])"));
  EXPECT_TRUE(findings.empty()) << describe(findings);
}

// --- 6.1.5 Multiple Definition of Product Group ID ---

TEST(ProductGroupTests, GroupIdDefinedTwiceFails) {  // spec example 53
  auto findings = run("6.1.5", R"({"product_tree": {"product_groups": [
      {"group_id": "CSAFGID-1020300", "product_ids": ["CSAFPID-9080700", "CSAFPID-9080701"]},
      {"group_id": "CSAFGID-1020300", "product_ids": ["CSAFPID-9080700", "CSAFPID-9080702"]}]}})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/product_tree/product_groups/1/group_id");
  EXPECT_NE(findings[0].message.find("already defined at /product_tree/product_groups/0/group_id"),
            std::string::npos)
      << findings[0].message;
}

TEST(ProductGroupTests, DistinctGroupIdsPass) {
  auto findings = run("6.1.5", R"({"product_tree": {"product_groups": [
      {"group_id": "G1", "product_ids": ["A", "B"]}, {"group_id": "G2", "product_ids": ["A", "B"]}]}})");
  EXPECT_TRUE(findings.empty()) << describe(findings);
}

// --- 6.1.6 Contradicting Product Status ---

TEST(ProductStatusTests, ProductBothAffectedAndNotAffectedFails) {  // spec example 54
  auto findings = run("6.1.6", R"({"vulnerabilities": [{"product_status": {
      "known_affected": ["CSAFPID-9080700"], "known_not_affected": ["CSAFPID-9080700"]}}]})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/vulnerabilities/0/product_status/known_not_affected/0");
  EXPECT_NE(findings[0].message.find("(group \"Not affected\") and at "
                                     "/vulnerabilities/0/product_status/known_affected/0 (group "
                                     "\"Affected\")"),
            std::string::npos)
      << findings[0].message;
}

TEST(ProductStatusTests, ProductInThreeGroupsFailsOncePerFurtherGroup) {
  auto findings = run("6.1.6", R"({"vulnerabilities": [{}, {"product_status": {
      "last_affected": ["P"], "fixed": ["P"], "first_fixed": ["P"], "under_investigation": ["P"]}}]})");
  ASSERT_EQ(findings.size(), 2u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/vulnerabilities/1/product_status/fixed/0");
  EXPECT_EQ(findings[1].pointer, "/vulnerabilities/1/product_status/under_investigation/0");
}

TEST(ProductStatusTests, RecommendedAndStatusesOfOneGroupPass) {
  auto findings = run("6.1.6", R"({"vulnerabilities": [{"product_status": {
      "first_affected": ["P"], "known_affected": ["P"], "last_affected": ["P"],
      "recommended": ["P", "Q"], "first_fixed": ["Q"], "fixed": ["Q"]}}]})");
  EXPECT_TRUE(findings.empty()) << describe(findings);
}

TEST(ProductStatusTests, DifferentStatusInDifferentVulnerabilitiesPasses) {
  auto findings = run("6.1.6", R"({"vulnerabilities": [
      {"product_status": {"known_affected": ["P"]}},
      {"product_status": {"known_not_affected": ["P"]}}]})");
  EXPECT_TRUE(findings.empty()) << describe(findings);
}

// --- 6.1.7 Multiple Scores with same Version per Product ---

TEST(ProductScoreTests, TwoCvss31ScoresForOneProductFail) {  // spec example 55
  auto findings = run("6.1.7", R"({"vulnerabilities": [{"scores": [
      {"products": ["CSAFPID-9080700"], "cvss_v3": {"version": "3.1",
        "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", "baseScore": 10,
        "baseSeverity": "CRITICAL"}},
      {"products": ["CSAFPID-9080700"], "cvss_v3": {"version": "3.1",
        "vectorString": "CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H", "baseScore": 6.5,
        "baseSeverity": "MEDIUM"}}]}]})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/vulnerabilities/0/scores/1/products/0");
  EXPECT_NE(findings[0].message.find("already has a CVSS \"3.1\" score at /vulnerabilities/0/scores/0"),
            std::string::npos)
      << findings[0].message;
}

TEST(ProductScoreTests, SameCvss2VersionInTwoScoresFails) {
  auto findings = run("6.1.7", R"({"vulnerabilities": [{"scores": [
      {"products": ["A", "B"], "cvss_v2": {"version": "2.0"}, "cvss_v3": {"version": "3.1"}},
      {"products": ["C", "B"], "cvss_v2": {"version": "2.0"}}]}]})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/vulnerabilities/0/scores/1/products/1");
}

TEST(ProductScoreTests, DifferentVersionsOrVulnerabilitiesPass) {
  auto findings = run("6.1.7", R"({"vulnerabilities": [
      {"scores": [{"products": ["A", "A"], "cvss_v2": {"version": "2.0"}, "cvss_v3": {"version": "3.1"}},
                  {"products": ["A"], "cvss_v3": {"version": "3.0"}}]},
      {"scores": [{"products": ["A"], "cvss_v3": {"version": "3.1"}}]}]})");
  EXPECT_TRUE(findings.empty()) << describe(findings);
}

// --- 6.1.29 Remediation without Product Reference ---

TEST(ProductReferenceTests, RemediationWithoutProductsFails) {  // spec example 88
  auto findings = run("6.1.29", R"({"vulnerabilities": [{"remediations": [{"category": "no_fix_planned",
      "details": "These products are end-of-life. Therefore, no fix will be provided."}]}]})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/vulnerabilities/0/remediations/0");
  EXPECT_NE(findings[0].message.find("expected product_ids or group_ids"), std::string::npos)
      << findings[0].message;
}

TEST(ProductReferenceTests, RemediationWithProductIdsOrGroupIdsPasses) {
  auto findings = run("6.1.29", R"({"vulnerabilities": [{"remediations": [
      {"category": "vendor_fix", "product_ids": ["A"]}, {"category": "workaround", "group_ids": ["G"]}]}]})");
  EXPECT_TRUE(findings.empty()) << describe(findings);
}

// --- 6.1.32 Flag without Product Reference ---

TEST(ProductReferenceTests, FlagWithoutProductsFails) {  // spec example 91
  auto findings = run("6.1.32", R"({"vulnerabilities": [{}, {"flags": [
      {"label": "component_not_present", "group_ids": ["G"]}, {"label": "component_not_present"}]}]})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/vulnerabilities/1/flags/1");
  EXPECT_NE(findings[0].message.find("flag does not say which products"), std::string::npos)
      << findings[0].message;
}

TEST(ProductReferenceTests, FlagWithProductIdsPasses) {
  auto findings = run("6.1.32", R"({"vulnerabilities": [{"flags": [
      {"label": "component_not_present", "product_ids": ["A"]}]}]})");
  EXPECT_TRUE(findings.empty()) << describe(findings);
}

// --- 6.1.33 Multiple Flags with VEX Justification Codes per Product ---

TEST(ProductReferenceTests, ProductFlaggedDirectlyAndThroughGroupFails) {  // spec example 92
  auto findings = run("6.1.33", R"({"product_tree": {
      "full_product_names": [{"product_id": "CSAFPID-9080700", "name": "Product A"},
                             {"product_id": "CSAFPID-9080701", "name": "Product B"}],
      "product_groups": [{"group_id": "CSAFGID-0001",
                          "product_ids": ["CSAFPID-9080700", "CSAFPID-9080701"]}]},
    "vulnerabilities": [{"flags": [
      {"label": "component_not_present", "group_ids": ["CSAFGID-0001"]},
      {"label": "vulnerable_code_cannot_be_controlled_by_adversary",
       "product_ids": ["CSAFPID-9080700"]}],
      "product_status": {"known_not_affected": ["CSAFPID-9080700", "CSAFPID-9080701"]}}]})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/vulnerabilities/0/flags/1/product_ids/0");
  EXPECT_NE(findings[0].message.find("\"CSAFPID-9080700\" is already covered by the flag at "
                                     "/vulnerabilities/0/flags/0 (component_not_present) through "
                                     "product group \"CSAFGID-0001\""),
            std::string::npos)
      << findings[0].message;
}

TEST(ProductReferenceTests, SameGroupInTwoVexFlagsFailsOnceForTheGroup) {
  auto findings = run("6.1.33", with_tree(R"([{"flags": [
      {"label": "vulnerable_code_not_present", "group_ids": ["G"]},
      {"label": "inline_mitigations_already_exist", "group_ids": ["G", "G"], "product_ids": ["C"]}]}])"));
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/vulnerabilities/0/flags/1/group_ids/0");
  EXPECT_NE(findings[0].message.find("product group \"G\" is already covered"), std::string::npos)
      << findings[0].message;
}

TEST(ProductReferenceTests, OneVexFlagPerProductAndVulnerabilityPasses) {
  auto findings = run("6.1.33", with_tree(R"([
      {"flags": [{"label": "component_not_present", "group_ids": ["G"], "product_ids": ["A"]},
                 {"label": "vulnerable_code_not_in_execute_path", "product_ids": ["C"]}]},
      {"flags": [{"label": "vulnerable_code_not_present", "product_ids": ["A", "B", "C"]}]}])"));
  EXPECT_TRUE(findings.empty()) << describe(findings);
}

// --- Robustness: documents that fail the schema ---

TEST(ProductTestsRobustness, WrongTypesEverywhereAreSkipped) {
  const char* documents[] = {
      "[]", "{}", R"({"product_tree": [], "vulnerabilities": {"flags": 1}})",
      R"({"product_tree": {"branches": [{"branches": "x"}, 1, {"product": {"product_id": 5}},
          {"branches": [[], {"product": []}]}],
        "full_product_names": {"product_id": "A"}, "relationships": [1, {"full_product_name": []},
          {"full_product_name": {"product_id": 7}, "product_reference": "A"}],
        "product_groups": [{"group_id": 1, "product_ids": "A"}, 3]},
       "vulnerabilities": [1, null, {"product_status": [], "flags": 7, "remediations": [1, []],
         "scores": [{"cvss_v3": {"version": 3.1}, "products": "x"}, {"cvss_v2": []}],
         "threats": {"product_ids": ["A"]}}, {"product_status": {"fixed": "A", "known_affected": [1]},
         "flags": [{"label": 1, "product_ids": ["A"]}, {"label": "component_not_present",
         "group_ids": [1, "missing"], "product_ids": {}}]}]})"};
  for (const char* id : {"6.1.1", "6.1.2", "6.1.3", "6.1.4", "6.1.5", "6.1.6", "6.1.7", "6.1.29",
                         "6.1.32", "6.1.33"}) {
    for (const char* document : documents) {
      std::vector<std::string> pointers;
      for (const Finding& f : run(id, document)) pointers.push_back(f.pointer);
      // The last document still has real findings: "A" and group "missing"
      // are referenced but defined nowhere (with the right types).
      std::vector<std::string> expected;
      if (std::string(document).find("missing") != std::string::npos) {
        if (std::string(id) == "6.1.1") {
          expected = {"/product_tree/relationships/2/product_reference",
                      "/vulnerabilities/3/flags/0/product_ids/0"};
        } else if (std::string(id) == "6.1.4") {
          expected = {"/vulnerabilities/3/flags/1/group_ids/1"};
        }
      }
      EXPECT_EQ(pointers, expected) << id << " on " << document;
    }
  }
}

// Real advisories (Red Hat, Cisco, BSI, the VEX use cases) are valid: none
// of these tests may fire on them.
TEST(ProductTestsRobustness, Csaf20ExamplesPass) {
  const auto examples = lotse::testing::testsuites_dir() / "csaf" / "csaf_2.0" / "examples" / "csaf";
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(examples)) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    for (const char* id : {"6.1.1", "6.1.2", "6.1.3", "6.1.4", "6.1.5", "6.1.6", "6.1.7", "6.1.29",
                           "6.1.32", "6.1.33"}) {
      auto findings = run(id, lotse::testing::read_text(entry.path()));
      EXPECT_TRUE(findings.empty()) << entry.path() << describe(findings);
    }
  }
  EXPECT_GE(files, 17);
}

// --- product_index ---

TEST(ProductIndex, DefinitionsAreVisitedInDocumentOrderWithPointers) {
  auto doc = json::parse(R"({"product_tree": {
      "branches": [{"product": {"product_id": "a/~"}, "branches": [{"product": {"product_id": "b"}}]},
                   {"product": {"product_id": "c"}}],
      "full_product_names": [{"product_id": "d"}],
      "relationships": [{"full_product_name": {"product_id": "e"}}]}})");
  ASSERT_TRUE(doc);
  std::vector<std::string> seen;
  for_each_product_definition(doc->root(), [&](std::string_view id, const std::string& pointer) {
    seen.push_back(std::string(id) + " " + pointer);
  });
  EXPECT_EQ(seen, (std::vector<std::string>{
                      "a/~ /product_tree/branches/0/product/product_id",
                      "b /product_tree/branches/0/branches/0/product/product_id",
                      "c /product_tree/branches/1/product/product_id",
                      "d /product_tree/full_product_names/0/product_id",
                      "e /product_tree/relationships/0/full_product_name/product_id"}));
}

TEST(ProductIndex, DeeplyNestedBranchesAreWalkedWithoutRecursion) {
  constexpr int kDepth = 500;  // just under the parser's depth limit of 512
  std::string text = R"({"product_tree": )";
  for (int i = 0; i < kDepth / 2 - 2; ++i) text += R"({"branches": [)";
  text += R"({"product": {"product_id": "deep"}})";
  for (int i = 0; i < kDepth / 2 - 2; ++i) text += "]}";
  text += "}";
  auto doc = json::parse(text);
  ASSERT_TRUE(doc) << doc.error().message;
  int count = 0;
  for_each_product_definition(doc->root(), [&](std::string_view id, const std::string& pointer) {
    EXPECT_EQ(id, "deep");
    EXPECT_TRUE(pointer.ends_with("/branches/0/product/product_id"));
    ++count;
  });
  EXPECT_EQ(count, 1);
}

TEST(ProductIndex, GroupIndexExpandsGroupIds) {
  auto doc = json::parse(R"({"product_tree": {"product_groups": [
      {"group_id": "G", "product_ids": ["A", 1, "B"]}, {"group_id": "G", "product_ids": ["C"]}]}})");
  ASSERT_TRUE(doc);
  ProductGroupIndex groups(doc->root());
  EXPECT_TRUE(groups.contains("G"));
  EXPECT_FALSE(groups.contains("H"));
  auto products = groups.products_of("G");
  EXPECT_EQ(std::vector<std::string_view>(products.begin(), products.end()),
            (std::vector<std::string_view>{"A", "B", "C"}));
  EXPECT_TRUE(groups.products_of("H").empty());
}

}  // namespace
}  // namespace lotse::csaf
