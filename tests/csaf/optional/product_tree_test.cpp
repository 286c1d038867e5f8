// Tests 6.2.16 Missing Product Identification Helper and 6.2.18 Product
// Version Range without vers, from the spec examples.
#include <gtest/gtest.h>

#include <string>

#include "support/csaf_findings.hpp"

namespace lotse::csaf {
namespace {

using lotse::testing::describe;
const auto run = &lotse::testing::findings_of;

// --- 6.2.16 Missing Product Identification Helper ---

TEST(MissingProductIdentificationHelper, ProductWithoutHelperFails) {  // spec example 108
  auto findings = run("6.2.16", R"({"product_tree": {"full_product_names": [
      {"product_id": "CSAFPID-9080700", "name": "Product A"}]}})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/product_tree/full_product_names/0");
  EXPECT_NE(findings[0].message.find("\"CSAFPID-9080700\" has no product identification helper"), std::string::npos)
      << findings[0].message;
}

TEST(MissingProductIdentificationHelper, BranchAndRelationshipProductsAreChecked) {
  auto findings = run("6.2.16", R"({"product_tree": {
      "branches": [{"branches": [{"product": {"product_id": "B"}}, {"name": "no product"}]}],
      "full_product_names": [{"product_id": "F", "product_identification_helper": {"cpe": "cpe:/a:x:y"}}],
      "relationships": [{"full_product_name": {"product_id": "R"}}]}})");
  ASSERT_EQ(findings.size(), 2u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/product_tree/branches/0/branches/0/product");
  EXPECT_EQ(findings[1].pointer, "/product_tree/relationships/0/full_product_name");
}

TEST(MissingProductIdentificationHelper, ProductsWithHelpersPass) {
  auto findings = run("6.2.16", R"({"product_tree": {"full_product_names": [{"product_id": "A",
      "product_identification_helper": {"serial_numbers": ["98765?43210-BCD*"]}}]}})");
  EXPECT_TRUE(findings.empty()) << describe(findings);
}

// --- 6.2.18 Product Version Range without vers ---

std::string range_branch(const std::string& name, const std::string& category = "product_version_range") {
  return R"({"product_tree": {"branches": [{"category": "vendor", "name": "V", "branches": [
      {"category": ")" + category + R"(", "name": ")" + name + R"("}]}]}})";
}

TEST(ProductVersionRangeWithoutVers, VlsRangeFails) {  // spec example 110
  auto findings = run("6.2.18", range_branch(">4.2"));
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/product_tree/branches/0/branches/0/name");
  EXPECT_NE(findings[0].message.find("\">4.2\" is not in vers syntax"), std::string::npos) << findings[0].message;
}

TEST(ProductVersionRangeWithoutVers, NamesThatMissThePatternFail) {
  for (std::string name : {"vers:/>4.2", "vers:generic", "vers:generic/", "vers:1abc/>1", "VERS:generic/>1",
                           "vers:Generic/>1", "vers:gen eric/>1", "vers:generic/\\n1"}) {
    EXPECT_EQ(run("6.2.18", range_branch(name)).size(), 1u) << name;
  }
}

TEST(ProductVersionRangeWithoutVers, VersRangesAndOtherCategoriesPass) {
  for (std::string name : {"vers:generic/>4.2", "vers:npm/1.2.3|>=2.0.0|<5.0.0", "vers:.a+-9/x", "vers:a/ "}) {
    EXPECT_TRUE(run("6.2.18", range_branch(name)).empty()) << name;
  }
  EXPECT_TRUE(run("6.2.18", range_branch(">4.2", "product_version")).empty());
}

}  // namespace
}  // namespace lotse::csaf
