// Test 6.2.20 Additional Properties (validation against the strict CSAF 2.0
// schema, reporting only properties the schema does not define).
#include <gtest/gtest.h>

#include <string>

#include "support/csaf_findings.hpp"

namespace lotse::csaf {
namespace {

using lotse::testing::describe;
const auto run = &lotse::testing::findings_of;

TEST(AdditionalProperties, UndefinedPropertyFails) {  // spec example 112
  auto findings = run("6.2.20", R"({"document": {"category": "csaf_base", "csaf_version": "2.0",
      "custom_property": "any"}})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/document/custom_property");
  EXPECT_NE(findings[0].message.find("\"custom_property\""), std::string::npos) << findings[0].message;
}

TEST(AdditionalProperties, OtherSchemaViolationsAreNotThisTests) {
  // Missing required members, wrong types: the schema's findings, not 6.2.20's.
  auto findings = run("6.2.20", R"({"document": {"category": 7, "lang": ["en"]}, "vulnerabilities": {}})");
  EXPECT_TRUE(findings.empty()) << describe(findings);
}

TEST(AdditionalProperties, UndefinedPropertyInACvssObjectIsReportedOnce) {
  // cvss_v3 is oneOf the CVSS v3.0 and v3.1 schemas: both reject the property.
  auto findings = run("6.2.20", R"({"vulnerabilities": [{"scores": [{"products": ["A"], "cvss_v3": {
      "version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "baseScore": 9.8,
      "baseSeverity": "CRITICAL", "myScore": 1}}]}]})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/vulnerabilities/0/scores/0/cvss_v3/myScore");
}

TEST(AdditionalProperties, DefinedPropertiesPass) {
  auto findings = run("6.2.20", R"({"document": {"category": "csaf_base", "csaf_version": "2.0", "lang": "en",
      "publisher": {"category": "vendor", "name": "n", "namespace": "https://example.com"}, "title": "t",
      "tracking": {"id": "x", "status": "final", "version": "1", "current_release_date": "2021-01-01T00:00:00Z",
                   "initial_release_date": "2021-01-01T00:00:00Z",
                   "revision_history": [{"date": "2021-01-01T00:00:00Z", "number": "1", "summary": "s"}]}},
      "product_tree": {"full_product_names": [{"name": "A", "product_id": "A",
                                               "product_identification_helper": {"cpe": "cpe:/a:x:y"}}]}})");
  EXPECT_TRUE(findings.empty()) << describe(findings);
}

}  // namespace
}  // namespace lotse::csaf
