// Spec cases for the informative tests of the branch hierarchy (CSAF 2.0
// 6.3.9 Branch Categories, 6.3.10 Usage of Product Version Range, 6.3.11
// Usage of V as Version Indicator), and a hostile nesting depth.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "csaf/validator.hpp"
#include "support/csaf_findings.hpp"

namespace lotse::csaf {
namespace {

const auto findings = &lotse::testing::findings_of;

bool passes(const std::string& id, std::string text) { return findings(id, std::move(text)).empty(); }

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// Nested branches with these (category, name) pairs from the top; the last
// one holds the product `product_id`.
std::string chain(const std::vector<std::pair<std::string, std::string>>& levels,
                  const std::string& product_id = "CSAFPID-0002") {
  std::string inner = R"("product":{"product_id":")" + product_id + R"(","name":"P"})";
  for (auto it = levels.rbegin(); it != levels.rend(); ++it) {
    std::string branch = R"({"category":")" + it->first + R"(","name":")" + it->second + R"(",)" + inner + "}";
    inner = R"("branches":[)" + branch + "]";
  }
  return "{\"product_tree\":{" + inner + "}}";
}

// ---- 6.3.9 Branch Categories ------------------------------------------------

TEST(InformativeBranches, PathWithoutProductVersionFailsAndShowsThePath) {
  // The spec's example 121.
  auto f = findings("6.3.9", chain({{"vendor", "Example Company"}, {"product_name", "Product A"}, {"patch_level", "91"}}));
  ASSERT_EQ(f.size(), 1u) << lotse::testing::describe(f);
  EXPECT_EQ(f[0].severity, Severity::info);
  EXPECT_EQ(f[0].pointer, "/product_tree/branches/0/branches/0/branches/0/product");
  EXPECT_TRUE(contains(f[0].message, "\"CSAFPID-0002\"")) << f[0].message;
  EXPECT_TRUE(contains(f[0].message, "category product_version below its product_name")) << f[0].message;
  EXPECT_TRUE(contains(f[0].message, "vendor -> product_name -> patch_level")) << f[0].message;
}

TEST(InformativeBranches, CategoriesInTheWrongOrderFail) {
  auto f = findings("6.3.9", chain({{"vendor", "V"}, {"product_version", "91"}, {"product_name", "A"}}));
  ASSERT_EQ(f.size(), 1u) << lotse::testing::describe(f);
  EXPECT_TRUE(contains(f[0].message, "product_version")) << f[0].message;
  EXPECT_FALSE(passes("6.3.9", chain({{"product_family", "V"}, {"product_name", "A"}, {"product_version", "1"}})));
}

TEST(InformativeBranches, VendorProductNameProductVersionPassEvenWithOtherCategoriesAround) {
  EXPECT_TRUE(passes("6.3.9", chain({{"vendor", "V"}, {"product_name", "A"}, {"product_version", "1"}})));
  EXPECT_TRUE(passes("6.3.9", chain({{"host_name", "h"}, {"vendor", "V"}, {"product_family", "F"},
                                     {"product_name", "A"}, {"architecture", "x86"},
                                     {"product_version", "1"}, {"patch_level", "2"}})));
  // An earlier product_name out of order does not spoil a later valid order.
  EXPECT_TRUE(passes("6.3.9", chain({{"product_name", "A"}, {"vendor", "V"}, {"product_name", "A"}, {"product_version", "1"}})));
}

TEST(InformativeBranches, SiblingCategoriesAreNotAncestors) {
  // vendor -> {product_name -> product_version (ok), product_version (no product_name)}
  const std::string doc = R"({"product_tree":{"branches":[{"category":"vendor","name":"V","branches":[
      {"category":"product_name","name":"A","branches":[{"category":"product_version","name":"1","product":{"product_id":"ok","name":"x"}}]},
      {"category":"product_version","name":"2","product":{"product_id":"bad","name":"y"}}]}]}})";
  auto f = findings("6.3.9", doc);
  ASSERT_EQ(f.size(), 1u) << lotse::testing::describe(f);
  EXPECT_EQ(f[0].pointer, "/product_tree/branches/0/branches/1/product");
  EXPECT_TRUE(contains(f[0].message, "\"bad\"")) << f[0].message;
}

// ---- 6.3.10 Usage of Product Version Range ----------------------------------

TEST(InformativeBranches, ProductVersionRangeFails) {
  // The spec's example 122.
  auto f = findings("6.3.10", chain({{"vendor", "V"}, {"product_name", "A"}, {"product_version_range", "vers:npm/>=2.2.0|<2.3.0"}}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/product_tree/branches/0/branches/0/branches/0/category");
  EXPECT_TRUE(contains(f[0].message, "product_version_range")) << f[0].message;
}

TEST(InformativeBranches, EnumeratedProductVersionsPass) {
  EXPECT_TRUE(passes("6.3.10", chain({{"vendor", "V"}, {"product_name", "A"}, {"product_version", "2.2.0"}})));
}

// ---- 6.3.11 Usage of V as Version Indicator ---------------------------------

TEST(InformativeBranches, ProductVersionStartingWithVFails) {
  // The spec's example 123.
  auto f = findings("6.3.11", chain({{"vendor", "V"}, {"product_name", "A"}, {"product_version", "v4.2"}}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/product_tree/branches/0/branches/0/branches/0/name");
  EXPECT_TRUE(contains(f[0].message, "\"4.2\"")) << f[0].message;
  EXPECT_EQ(findings("6.3.11", chain({{"product_version", "V10"}})).size(), 1u);
}

TEST(InformativeBranches, VersionsWithoutLeadingVAndOtherCategoriesPass) {
  EXPECT_TRUE(passes("6.3.11", chain({{"product_version", "4.2"}})));
  EXPECT_TRUE(passes("6.3.11", chain({{"product_version", "version 4"}})));  // no digit after v
  EXPECT_TRUE(passes("6.3.11", chain({{"product_name", "v4 Suite"}})));      // not a product_version
  // ECMAScript's '.' stops at line terminators: "^[vV][0-9].*$" does not match.
  EXPECT_TRUE(passes("6.3.11", chain({{"product_version", "v4\\nx"}})));
}

// ---- hostile nesting --------------------------------------------------------

TEST(InformativeBranches, FiftyThousandNestedBranchesAreWalkedWithoutRecursion) {
  constexpr int kDepth = 50000;
  std::string doc = R"({"product_tree":{"branches":[)";
  for (int i = 0; i < kDepth; ++i) doc += R"({"category":"architecture","name":"a","branches":[)";
  doc += R"({"category":"product_version_range","name":"r","branches":[)";
  doc += R"({"category":"product_version","name":"v2","product":{"product_id":"deep","name":"x"}})";
  doc += "]}";
  for (int i = 0; i < kDepth; ++i) doc += "]}";
  doc += "]}}";
  ValidateOptions options;
  options.limits.max_depth = 4 * kDepth + 16;
  for (const char* id : {"6.3.8", "6.3.9", "6.3.10", "6.3.11"}) {
    options.tests = {id};
    DocumentResult r = validate_document(doc, "deep.json", options);
    std::size_t count = 0;
    for (const Finding& f : r.findings) count += f.test == id;
    if (std::string(id) == "6.3.8") {
      EXPECT_EQ(r.skipped.size(), 1u);  // no /document/lang
    } else {
      EXPECT_EQ(count, 1u) << id;
    }
  }
}

TEST(InformativeBranches, FindingsStopAtTheBudgetAndTheRestIsCounted) {
  std::string doc = R"({"product_tree":{"branches":[)";
  for (int i = 0; i < 1500; ++i) doc += std::string(i ? "," : "") + R"({"category":"product_version_range","name":"r"})";
  doc += "]}}";
  auto f = findings("6.3.10", doc);
  ASSERT_EQ(f.size(), 1001u);
  EXPECT_EQ(f.back().pointer, "");
  EXPECT_TRUE(contains(f.back().message, "500 more findings")) << f.back().message;
}

}  // namespace
}  // namespace lotse::csaf
