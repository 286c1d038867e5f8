// The optional tests on documents that fail the schema in every way they
// can and on deeply nested product trees: no crash, no recursion, and only
// the findings the well-typed parts justify.
#include <gtest/gtest.h>

#include <string>

#include "csaf/test_registry.hpp"
#include "support/csaf_findings.hpp"

namespace lotse::csaf {
namespace {

using lotse::testing::describe;
const auto run = &lotse::testing::findings_of;

// Every member the optional tests read, with a type the schema forbids.
constexpr const char* kWrongTypes = R"({
  "document": {"category": 1, "lang": 2, "source_lang": [], "references": {"category": "self"},
    "distribution": {"tlp": "RED"},
    "tracking": {"id": 3, "initial_release_date": 4, "current_release_date": null,
                 "revision_history": [1, {"date": 5, "number": 6}, "x"]}},
  "product_tree": {"branches": {"product": {}}, "full_product_names": [1, null, []],
    "relationships": [2, {"full_product_name": "x"}], "product_groups": [{"group_id": 1, "product_ids": "A"}]},
  "vulnerabilities": [1, {"product_status": {"fixed": "A", "known_affected": {"0": "A"}},
    "scores": [{"products": "A", "cvss_v3": 7}], "remediations": "x", "involvements": [1, "x"],
    "ids": [{"text": 5}], "flags": 3}]})";

TEST(OptionalTestsOnHostileInput, WrongTypesEverywhereGiveOnlyTheFindingsOfMissingThings) {
  for (const TestDefinition& test : optional::tests()) {
    auto findings = run(std::string(test.id), kWrongTypes);
    // The tests that require something (a TLP label, a canonical URL, a
    // language) report its absence, 6.2.13 the unsorted keys above; every
    // other test stays silent on parts of the wrong type.
    const bool reports_here = test.id == "6.2.10" || test.id == "6.2.11" || test.id == "6.2.12" ||
                              test.id == "6.2.13" || test.id == "6.2.20";
    if (!reports_here) {
      EXPECT_TRUE(findings.empty()) << test.id << describe(findings);
    }
  }
  EXPECT_EQ(run("6.2.10", kWrongTypes).size(), 1u);
  EXPECT_EQ(run("6.2.11", kWrongTypes).size(), 1u);
  EXPECT_EQ(run("6.2.12", kWrongTypes).size(), 1u);
}

TEST(OptionalTestsOnHostileInput, ScalarsAndEmptyContainersAsDocument) {
  for (const char* text : {"null", "[]", "{}", "\"csaf\"", "[{\"document\": {}}]"}) {
    for (const TestDefinition& test : optional::tests()) {
      auto findings = run(std::string(test.id), text);
      EXPECT_LE(findings.size(), 1u) << test.id << " on " << text << describe(findings);
    }
  }
}

// 240 nested branches (480 JSON levels, below the default cap of 512), the
// innermost a version range with a product that has no helper and no use.
std::string deep_branches() {
  std::string text = R"({"product_tree": {"branches": [)";
  for (int i = 0; i < 240; ++i) text += R"({"category": "vendor", "name": "v", "branches": [)";
  text += R"({"category": "product_version_range", "name": ">1", "product": {"name": "p", "product_id": "P",
      "product_identification_helper": {"hashes": [{"file_hashes": [{"algorithm": "md5", "value": "0"}]}]}}})";
  for (int i = 0; i < 240; ++i) text += "]}";
  return text + "]}}";
}

TEST(OptionalTestsOnHostileInput, DeepBranchesAreWalkedToTheBottom) {
  std::string prefix = "/product_tree/branches/0";
  for (int i = 0; i < 240; ++i) prefix += "/branches/0";
  const std::string text = deep_branches();
  auto unused = run("6.2.1", text);
  ASSERT_EQ(unused.size(), 1u) << describe(unused);
  EXPECT_EQ(unused[0].pointer, prefix + "/product/product_id");
  auto md5 = run("6.2.8", text);
  ASSERT_EQ(md5.size(), 1u) << describe(md5);
  EXPECT_EQ(md5[0].pointer, prefix + "/product/product_identification_helper/hashes/0/file_hashes");
  auto range = run("6.2.18", text);
  ASSERT_EQ(range.size(), 1u) << describe(range);
  EXPECT_EQ(range[0].pointer, prefix + "/name");
  EXPECT_TRUE(run("6.2.16", text).empty());
}

}  // namespace
}  // namespace lotse::csaf
