// Test 6.2.19 CVSS for Fixed Products, and the CVSS vector a cvss_v2/cvss_v3
// object stands for when metrics are given as properties.
#include <gtest/gtest.h>

#include <string>

#include "csaf/optional/cvss_object.hpp"
#include "cvss/vector.hpp"
#include "json/parser.hpp"
#include "support/csaf_findings.hpp"

namespace lotse::csaf {
namespace {

using lotse::testing::describe;
const auto run = &lotse::testing::findings_of;

constexpr const char* kBase31 = R"("baseScore": 6.5, "baseSeverity": "MEDIUM", "version": "3.1")";

// A vulnerability with product A in `status`, scored by `score_json`
// (an object with cvss_v2 and/or cvss_v3) for products A and B.
std::string fixed_case(const std::string& score_json, const std::string& status = "fixed") {
  std::string score = score_json;
  score.insert(score.size() - 1, R"(, "products": ["B", "A"])");
  return R"({"vulnerabilities": [{"product_status": {")" + status + R"(": ["A"]}, "scores": [)" + score + "]}]}";
}

std::string vector_text(const std::string& object_json, bool v2) {
  auto document = json::parse(object_json);
  EXPECT_TRUE(document.has_value());
  auto vector = optional::vector_of_cvss_object(document->root(), v2);
  return vector ? cvss::to_string(*vector) : "error: " + vector.error();
}

TEST(CvssObjectVector, PropertiesFillTheMetricsTheVectorOmits) {
  EXPECT_EQ(vector_text(R"({"vectorString": "CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H", "version": "3.1",
      "modifiedIntegrityImpact": "NONE", "modifiedAttackVector": "NOT_DEFINED"})", false),
            "CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H/MAV:X/MI:N");
}

TEST(CvssObjectVector, TheVectorWinsOverAContradictingProperty) {
  EXPECT_EQ(vector_text(R"({"vectorString": "AV:A/AC:L/Au:N/C:P/I:N/A:C/TD:N", "targetDistribution": "HIGH"})", true),
            "AV:A/AC:L/Au:N/C:P/I:N/A:C/TD:N");
}

TEST(CvssObjectVector, VersionComesFromThePropertyElseTheVector) {
  EXPECT_EQ(vector_text(R"({"vectorString": "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"})", false),
            "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
  EXPECT_NE(vector_text(R"({"vectorString": "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "version": "3.1"})", false)
                .find("error: its vectorString"),
            std::string::npos);
  EXPECT_NE(vector_text(R"({"vectorString": "AV:N"})", false).find("neither version nor vectorString"),
            std::string::npos);
}

TEST(CvssObjectVector, BaseMetricsFromPropertiesAloneSuffice) {
  EXPECT_EQ(vector_text(R"({"accessVector": "NETWORK", "accessComplexity": "LOW", "authentication": "NONE",
      "confidentialityImpact": "NONE", "integrityImpact": "NONE", "availabilityImpact": "COMPLETE"})", true),
            "AV:N/AC:L/Au:N/C:N/I:N/A:C");
  EXPECT_NE(vector_text(R"({"accessVector": "NETWORK"})", true).find("base metric AC"), std::string::npos);
}

TEST(CvssForFixedProducts, FixedProductWithoutEnvironmentalMetricsFails) {  // spec example 111
  auto findings = run("6.2.19", fixed_case(std::string(R"({"cvss_v3": {)") + kBase31 +
                                           R"(, "vectorString": "CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H"}})"));
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/vulnerabilities/0/scores/0/cvss_v3");
  EXPECT_NE(findings[0].message.find("is 6.5, but product \"A\" is listed as fixed"), std::string::npos)
      << findings[0].message;
  EXPECT_NE(findings[0].message.find("MC:N/MI:N/MA:N"), std::string::npos) << findings[0].message;
}

TEST(CvssForFixedProducts, ModifiedImpactsNoneInVectorOrPropertiesPass) {
  EXPECT_TRUE(run("6.2.19", fixed_case(std::string(R"({"cvss_v3": {)") + kBase31 +
                                       R"(, "vectorString": "CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H/MC:N/MI:N/MA:N"}})"))
                  .empty());
  EXPECT_TRUE(run("6.2.19", fixed_case(std::string(R"({"cvss_v3": {)") + kBase31 +
                                       R"(, "vectorString": "CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H",
      "modifiedAvailabilityImpact": "NONE", "modifiedConfidentialityImpact": "NONE", "modifiedIntegrityImpact": "NONE"}})",
                                       "first_fixed"))
                  .empty());
}

TEST(CvssForFixedProducts, TwoOfThreeModifiedImpactsFail) {
  auto findings = run("6.2.19", fixed_case(std::string(R"({"cvss_v3": {)") + kBase31 +
                                           R"(, "vectorString": "CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H",
      "modifiedConfidentialityImpact": "NONE", "modifiedIntegrityImpact": "NONE"}})"));
  EXPECT_EQ(findings.size(), 1u) << describe(findings);
}

TEST(CvssForFixedProducts, StatedEnvironmentalScoreAboveZeroFails) {
  auto findings = run("6.2.19", fixed_case(std::string(R"({"cvss_v3": {)") + kBase31 +
                                           R"(, "environmentalScore": 4.0,
      "vectorString": "CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H/MC:N/MI:N/MA:N"}})"));
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/vulnerabilities/0/scores/0/cvss_v3/environmentalScore");
}

TEST(CvssForFixedProducts, CvssV2NeedsTargetDistributionNone) {
  const std::string v2 = R"({"cvss_v2": {"baseScore": 6.8, "version": "2.0", "vectorString": "AV:A/AC:L/Au:N/C:P/I:N/A:C")";
  EXPECT_EQ(run("6.2.19", fixed_case(v2 + "}}")).size(), 1u);
  EXPECT_EQ(run("6.2.19", fixed_case(v2 + R"(, "targetDistribution": "LOW"}})")).size(), 1u);
  EXPECT_TRUE(run("6.2.19", fixed_case(v2 + R"(, "targetDistribution": "NONE"}})")).empty());
  EXPECT_TRUE(run("6.2.19", fixed_case(R"({"cvss_v2": {"vectorString": "AV:A/AC:L/Au:N/C:P/I:N/A:C/TD:N"}})")).empty());
}

TEST(CvssForFixedProducts, ScoresOfProductsNotFixedPass) {
  EXPECT_TRUE(run("6.2.19", fixed_case(std::string(R"({"cvss_v3": {)") + kBase31 +
                                       R"(, "vectorString": "CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H"}})",
                                       "known_affected"))
                  .empty());
}

TEST(CvssForFixedProducts, UnusableVectorFailsUnlessAZeroScoreIsStated) {
  auto findings = run("6.2.19", fixed_case(R"({"cvss_v3": {"version": "3.1", "vectorString": "CVSS:3.1/AV:X"}})"));
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_NE(findings[0].message.find("cannot be established"), std::string::npos) << findings[0].message;
  EXPECT_TRUE(run("6.2.19", fixed_case(R"({"cvss_v3": {"version": "3.1", "vectorString": "CVSS:3.1/AV:X",
      "environmentalScore": 0}})"))
                  .empty());
}

}  // namespace
}  // namespace lotse::csaf
