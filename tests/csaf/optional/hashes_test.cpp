// Tests 6.2.8 Use of MD5 as the only Hash Algorithm and 6.2.9 Use of SHA-1 as
// the only Hash Algorithm, from the spec examples.
#include <gtest/gtest.h>

#include <string>

#include "support/csaf_findings.hpp"

namespace lotse::csaf {
namespace {

using lotse::testing::describe;
const auto run = &lotse::testing::findings_of;

std::string product_with_hashes(const std::string& file_hashes) {
  return R"({"product_tree": {"full_product_names": [{"name": "Product A", "product_id": "CSAFPID-9080700",
      "product_identification_helper": {"hashes": [{"file_hashes": )" + file_hashes +
         R"(, "filename": "product_a.so"}]}}]}})";
}

TEST(OnlyWeakHashAlgorithm, Md5AloneFails) {  // spec example 100
  auto findings = run("6.2.8", product_with_hashes(R"([{"algorithm": "md5", "value": "6ae24620ea9656230f49234efd078935"}])"));
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/product_tree/full_product_names/0/product_identification_helper/hashes/0/file_hashes");
  EXPECT_NE(findings[0].message.find("\"product_a.so\" use only the hash algorithm md5"), std::string::npos)
      << findings[0].message;
}

TEST(OnlyWeakHashAlgorithm, Sha1AloneFails) {  // spec example 101
  auto findings = run("6.2.9", product_with_hashes(R"([{"algorithm": "sha1", "value": "e067035314dd8673fe1c9fc6b01414fe0950fdc4"}])"));
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_NE(findings[0].message.find("sha1"), std::string::npos) << findings[0].message;
}

TEST(OnlyWeakHashAlgorithm, TwoMd5HashesAreStillOnlyMd5) {
  auto findings = run("6.2.8", product_with_hashes(R"([{"algorithm": "md5", "value": "a"}, {"algorithm": "MD5", "value": "b"}])"));
  EXPECT_EQ(findings.size(), 1u) << describe(findings);
}

TEST(OnlyWeakHashAlgorithm, WeakHashBesideAStrongerOnePasses) {
  const std::string both = product_with_hashes(R"([{"algorithm": "md5", "value": "a"},
      {"algorithm": "sha1", "value": "b"}, {"algorithm": "sha256", "value": "c"}])");
  EXPECT_TRUE(run("6.2.8", both).empty());
  EXPECT_TRUE(run("6.2.9", both).empty());
  EXPECT_TRUE(run("6.2.8", product_with_hashes(R"([{"algorithm": "sha1", "value": "b"}])")).empty());
}

TEST(OnlyWeakHashAlgorithm, BranchAndRelationshipProductsAreChecked) {
  auto findings = run("6.2.9", R"({"product_tree": {
      "branches": [{"branches": [{"product": {"product_identification_helper": {"hashes": [
          {"file_hashes": [{"algorithm": "sha256"}]}, {"file_hashes": [{"algorithm": "sha1"}]}]}}}]}],
      "relationships": [{"full_product_name": {"product_identification_helper": {"hashes": [
          {"file_hashes": [{"algorithm": "sha1"}]}]}}}]}})");
  ASSERT_EQ(findings.size(), 2u) << describe(findings);
  EXPECT_EQ(findings[0].pointer,
            "/product_tree/branches/0/branches/0/product/product_identification_helper/hashes/1/file_hashes");
  EXPECT_EQ(findings[1].pointer,
            "/product_tree/relationships/0/full_product_name/product_identification_helper/hashes/0/file_hashes");
}

}  // namespace
}  // namespace lotse::csaf
