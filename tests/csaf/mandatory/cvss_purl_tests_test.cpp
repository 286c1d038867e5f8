// Spec cases for 6.1.8-6.1.10 (CVSS) and 6.1.13 (PURL), written from the
// CSAF 2.0 text (examples 56-58 and 61 among them).
#include <gtest/gtest.h>

#include "support/csaf_findings.hpp"

namespace lotse::csaf {
namespace {

using lotse::testing::describe;
using lotse::testing::findings_of;

std::string with_score(const std::string& score) {
  return R"({"product_tree":{"full_product_names":[{"name":"A","product_id":"CSAFPID-1"}]},
             "vulnerabilities":[{"scores":[{"products":["CSAFPID-1"],)" + score + "}]}]}";
}

TEST(Cvss6_1_8, FailsWhenBaseSeverityIsMissing) {  // example 56
  auto f = findings_of("6.1.8", with_score(R"("cvss_v3":{"version":"3.1",
      "vectorString":"CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H","baseScore":6.5})"));
  ASSERT_EQ(f.size(), 1u) << describe(f);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities/0/scores/0/cvss_v3");
  EXPECT_NE(f[0].message.find("baseSeverity"), std::string::npos) << f[0].message;
}

TEST(Cvss6_1_8, FailsOnAnUnknownCvss2AccessVector) {
  auto f = findings_of("6.1.8", with_score(R"("cvss_v2":{"version":"2.0",
      "vectorString":"AV:N/AC:L/Au:N/C:P/I:P/A:P","baseScore":7.5,"accessVector":"INTERNET"})"));
  ASSERT_EQ(f.size(), 1u) << describe(f);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities/0/scores/0/cvss_v2/accessVector");
}

TEST(Cvss6_1_8, PassesForCompleteV31AndV2Objects) {
  auto f = findings_of("6.1.8", with_score(R"("cvss_v3":{"version":"3.1",
      "vectorString":"CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H","baseScore":6.5,
      "baseSeverity":"MEDIUM"},"cvss_v2":{"version":"2.0",
      "vectorString":"AV:N/AC:L/Au:N/C:P/I:P/A:P","baseScore":7.5})"));
  EXPECT_TRUE(f.empty()) << describe(f);
}

TEST(Cvss6_1_9, FailsOnWrongScoreAndSeverity) {  // example 57
  auto f = findings_of("6.1.9", with_score(R"("cvss_v3":{"version":"3.1",
      "vectorString":"CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H","baseScore":10.0,"baseSeverity":"LOW"})"));
  ASSERT_EQ(f.size(), 2u) << describe(f);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities/0/scores/0/cvss_v3/baseScore");
  EXPECT_NE(f[0].message.find("computes to 6.5"), std::string::npos) << f[0].message;
  EXPECT_EQ(f[1].pointer, "/vulnerabilities/0/scores/0/cvss_v3/baseSeverity");
  EXPECT_NE(f[1].message.find("MEDIUM"), std::string::npos) << f[1].message;
}

TEST(Cvss6_1_9, FailsOnAWrongCvss2TemporalScore) {
  auto f = findings_of("6.1.9", with_score(R"("cvss_v2":{"version":"2.0",
      "vectorString":"AV:N/AC:L/Au:N/C:P/I:P/A:P/E:U/RL:OF/RC:C","baseScore":7.5,"temporalScore":7.5})"));
  ASSERT_EQ(f.size(), 1u) << describe(f);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities/0/scores/0/cvss_v2/temporalScore");
}

TEST(Cvss6_1_9, PassesWhenScoresMatchTheVector) {
  auto f = findings_of("6.1.9", with_score(R"("cvss_v3":{"version":"3.1",
      "vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H","baseScore":9.8,"baseSeverity":"CRITICAL"},
      "cvss_v2":{"version":"2.0","vectorString":"AV:N/AC:L/Au:N/C:P/I:P/A:P","baseScore":7.5})"));
  EXPECT_TRUE(f.empty()) << describe(f);
}

TEST(Cvss6_1_10, FailsWherePropertiesContradictTheVector) {  // example 58
  auto f = findings_of("6.1.10", with_score(R"("cvss_v3":{"version":"3.1",
      "vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H","baseScore":9.8,"baseSeverity":"CRITICAL",
      "attackVector":"LOCAL","attackComplexity":"LOW","privilegesRequired":"NONE","userInteraction":"NONE",
      "scope":"CHANGED","confidentialityImpact":"HIGH","integrityImpact":"HIGH","availabilityImpact":"LOW"})"));
  ASSERT_EQ(f.size(), 3u) << describe(f);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities/0/scores/0/cvss_v3/attackVector");
  EXPECT_EQ(f[1].pointer, "/vulnerabilities/0/scores/0/cvss_v3/scope");
  EXPECT_EQ(f[2].pointer, "/vulnerabilities/0/scores/0/cvss_v3/availabilityImpact");
}

TEST(Cvss6_1_10, FailsWhenVersionAndVectorDisagree) {
  auto f = findings_of("6.1.10", with_score(R"("cvss_v3":{"version":"3.0",
      "vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H","baseScore":9.8,"baseSeverity":"CRITICAL"})"));
  ASSERT_EQ(f.size(), 1u) << describe(f);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities/0/scores/0/cvss_v3/version");
}

TEST(Cvss6_1_10, PassesWhenPropertiesAgree) {
  auto f = findings_of("6.1.10", with_score(R"("cvss_v2":{"version":"2.0",
      "vectorString":"AV:N/AC:L/Au:N/C:P/I:P/A:P","baseScore":7.5,"accessVector":"NETWORK",
      "accessComplexity":"LOW","authentication":"NONE","confidentialityImpact":"PARTIAL"})"));
  EXPECT_TRUE(f.empty()) << describe(f);
}

std::string with_purl(const std::string& purl) {
  return R"({"product_tree":{"full_product_names":[{"name":"Product A","product_id":"CSAFPID-9080700",
             "product_identification_helper":{"purl":")" + purl + R"("}}]}})";
}

TEST(Purl6_1_13, FailsWithoutAName) {  // example 61
  auto f = findings_of("6.1.13", with_purl("pkg:maven/@1.3.4"));
  ASSERT_EQ(f.size(), 1u) << describe(f);
  EXPECT_EQ(f[0].pointer, "/product_tree/full_product_names/0/product_identification_helper/purl");
  EXPECT_NE(f[0].message.find("invalid package URL"), std::string::npos);
}

TEST(Purl6_1_13, FailsInsideNestedBranchesAndRelationships) {
  auto f = findings_of("6.1.13", R"({"product_tree":{
      "branches":[{"category":"vendor","name":"V","branches":[{"category":"product_name","name":"P",
        "product":{"name":"P","product_id":"A","product_identification_helper":{"purl":"maven/org/x@1"}}}]}],
      "relationships":[{"category":"default_component_of","product_reference":"A","relates_to_product_reference":"A",
        "full_product_name":{"name":"R","product_id":"B","product_identification_helper":{"purl":"pkg:npm/%zz"}}}]}})");
  ASSERT_EQ(f.size(), 2u) << describe(f);
  EXPECT_EQ(f[0].pointer, "/product_tree/branches/0/branches/0/product/product_identification_helper/purl");
  EXPECT_EQ(f[1].pointer, "/product_tree/relationships/0/full_product_name/product_identification_helper/purl");
}

TEST(Purl6_1_13, PassesForValidPurls) {
  EXPECT_TRUE(findings_of("6.1.13", with_purl("pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1")).empty());
  EXPECT_TRUE(findings_of("6.1.13", with_purl("pkg:npm/%40angular/animation@12.3.1")).empty());
}

}  // namespace
}  // namespace lotse::csaf
