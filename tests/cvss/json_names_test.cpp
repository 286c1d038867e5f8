// The FIRST JSON view of vectors (json_names.hpp), and every property name
// and enum value of the metric catalogue checked against the embedded FIRST
// CVSS schemas, both ways: each metric maps to a schema property whose enum
// is exactly the metric's values, and each schema property that is not a
// score, severity, version or vectorString is a metric.
#include "cvss/json_names.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "cvss/score.hpp"
#include "json/parser.hpp"
#include "resources/resources.hpp"

namespace lotse::cvss {
namespace {

TEST(CvssJsonNames, V31) {
  auto v = parse("CVSS:3.1/AV:A/AC:H/PR:L/UI:R/S:C/C:H/I:L/A:N/E:P/RC:R/MAV:P/MS:U");
  ASSERT_TRUE(v) << v.error();
  EXPECT_EQ(json_value(*v, "attackVector"), "ADJACENT_NETWORK");
  EXPECT_EQ(json_value(*v, "attackComplexity"), "HIGH");
  EXPECT_EQ(json_value(*v, "privilegesRequired"), "LOW");
  EXPECT_EQ(json_value(*v, "userInteraction"), "REQUIRED");
  EXPECT_EQ(json_value(*v, "scope"), "CHANGED");
  EXPECT_EQ(json_value(*v, "availabilityImpact"), "NONE");
  EXPECT_EQ(json_value(*v, "exploitCodeMaturity"), "PROOF_OF_CONCEPT");
  EXPECT_EQ(json_value(*v, "remediationLevel"), "NOT_DEFINED");  // omitted
  EXPECT_EQ(json_value(*v, "reportConfidence"), "REASONABLE");
  EXPECT_EQ(json_value(*v, "modifiedAttackVector"), "PHYSICAL");
  EXPECT_EQ(json_value(*v, "modifiedScope"), "UNCHANGED");
  EXPECT_EQ(json_value(*v, "baseScore"), std::nullopt);
  EXPECT_EQ(json_value(*v, "accessVector"), std::nullopt);  // a v2 name

  const std::vector<JsonProperty> all = json_properties(*v);
  ASSERT_EQ(all.size(), 22u);
  EXPECT_EQ(all[0].name, "attackVector");
  EXPECT_EQ(all[0].metric, "AV");
  EXPECT_TRUE(all[0].in_vector);
  EXPECT_EQ(all[9].name, "remediationLevel");
  EXPECT_FALSE(all[9].in_vector);
}

TEST(CvssJsonNames, V2) {
  auto v = parse("AV:N/AC:M/Au:S/C:P/I:C/A:N/E:POC/RL:TF/RC:UR/CDP:LM/TD:ND/CR:H/IR:L/AR:ND");
  ASSERT_TRUE(v) << v.error();
  EXPECT_EQ(json_value(*v, "accessVector"), "NETWORK");
  EXPECT_EQ(json_value(*v, "accessComplexity"), "MEDIUM");
  EXPECT_EQ(json_value(*v, "authentication"), "SINGLE");
  EXPECT_EQ(json_value(*v, "integrityImpact"), "COMPLETE");
  EXPECT_EQ(json_value(*v, "exploitability"), "PROOF_OF_CONCEPT");
  EXPECT_EQ(json_value(*v, "remediationLevel"), "TEMPORARY_FIX");
  EXPECT_EQ(json_value(*v, "reportConfidence"), "UNCORROBORATED");
  EXPECT_EQ(json_value(*v, "collateralDamagePotential"), "LOW_MEDIUM");
  EXPECT_EQ(json_value(*v, "targetDistribution"), "NOT_DEFINED");
  EXPECT_EQ(json_value(*v, "confidentialityRequirement"), "HIGH");
  EXPECT_EQ(json_value(*v, "attackVector"), std::nullopt);
  auto base_only = parse("AV:L/AC:H/Au:M/C:N/I:N/A:C");
  EXPECT_EQ(json_value(*base_only, "exploitability"), "NOT_DEFINED");
}

TEST(CvssJsonNames, V40) {
  auto v = parse(
      "CVSS:4.0/AV:A/AC:L/AT:P/PR:N/UI:P/VC:H/VI:L/VA:N/SC:N/SI:L/SA:H/E:U/CR:M/MAV:A/MSC:N/MSI:S/"
      "MSA:N/S:N/AU:Y/R:I/V:D/RE:M/U:Amber");
  ASSERT_TRUE(v) << v.error();
  EXPECT_EQ(json_value(*v, "attackVector"), "ADJACENT");  // not ADJACENT_NETWORK as in v3
  EXPECT_EQ(json_value(*v, "attackRequirements"), "PRESENT");
  EXPECT_EQ(json_value(*v, "userInteraction"), "PASSIVE");
  EXPECT_EQ(json_value(*v, "vulnConfidentialityImpact"), "HIGH");
  EXPECT_EQ(json_value(*v, "subConfidentialityImpact"), "NONE");
  EXPECT_EQ(json_value(*v, "exploitMaturity"), "UNREPORTED");
  EXPECT_EQ(json_value(*v, "confidentialityRequirement"), "MEDIUM");
  EXPECT_EQ(json_value(*v, "modifiedAttackVector"), "ADJACENT");
  EXPECT_EQ(json_value(*v, "modifiedSubConfidentialityImpact"), "NEGLIGIBLE");
  EXPECT_EQ(json_value(*v, "modifiedSubIntegrityImpact"), "SAFETY");
  EXPECT_EQ(json_value(*v, "modifiedSubAvailabilityImpact"), "NEGLIGIBLE");
  EXPECT_EQ(json_value(*v, "modifiedVulnIntegrityImpact"), "NOT_DEFINED");
  EXPECT_EQ(json_value(*v, "Safety"), "NEGLIGIBLE");
  EXPECT_EQ(json_value(*v, "Automatable"), "YES");
  EXPECT_EQ(json_value(*v, "Recovery"), "IRRECOVERABLE");
  EXPECT_EQ(json_value(*v, "valueDensity"), "DIFFUSE");
  EXPECT_EQ(json_value(*v, "vulnerabilityResponseEffort"), "MODERATE");
  EXPECT_EQ(json_value(*v, "providerUrgency"), "AMBER");
  EXPECT_EQ(json_properties(*v).size(), 32u);
  EXPECT_EQ(metric_for_json(Version::v4_0, "providerUrgency")->abbreviation, "U");
  EXPECT_EQ(metric_for_json(Version::v4_0, "scope"), nullptr);
}

// ---- the catalogue against the FIRST schemas --------------------------------

const json::Value* resolve(const json::Value& root, const json::Value& schema) {
  const json::Value* ref = schema.find("$ref");
  if (ref == nullptr) return &schema;
  std::string_view pointer = ref->as_string();  // "#/definitions/x" or "#/$defs/x"
  const json::Value* at = &root;
  std::size_t pos = 2;
  while (at != nullptr && pos < pointer.size() + 1) {
    std::size_t slash = pointer.find('/', pos);
    if (slash == std::string_view::npos) slash = pointer.size();
    at = at->find(pointer.substr(pos, slash - pos));
    pos = slash + 1;
  }
  return at;
}

void check_schema(Version version, std::string_view path) {
  SCOPED_TRACE(std::string(path));
  const resources::Resource* resource = resources::find(path);
  ASSERT_NE(resource, nullptr);
  auto document = json::parse(resource->data);
  ASSERT_TRUE(document) << document.error().describe();
  const json::Value& root = document->root();
  const json::Value* properties = root.find("properties");
  ASSERT_NE(properties, nullptr);

  for (const MetricInfo& metric : metrics(version)) {
    const json::Value* property = properties->find(metric.json_name);
    ASSERT_NE(property, nullptr) << metric.json_name;
    const json::Value* schema = resolve(root, *property);
    ASSERT_NE(schema, nullptr) << metric.json_name;
    const json::Value* values = schema->find("enum");
    ASSERT_NE(values, nullptr) << metric.json_name;
    std::set<std::string> from_schema, from_catalogue;
    for (const json::Value& v : values->items()) from_schema.emplace(v.as_string());
    for (const ValueInfo& v : metric.values) from_catalogue.emplace(v.json);
    EXPECT_EQ(from_catalogue, from_schema) << metric.json_name;
    EXPECT_EQ(metric.values.size(), from_schema.size()) << metric.json_name;
    EXPECT_EQ(metric.not_defined.empty(), metric.group == Group::base) << metric.abbreviation;
  }
  for (const json::Member& m : properties->members()) {
    const std::string name(m.key);
    if (name == "version" || name == "vectorString" || name.ends_with("Score") ||
        name.ends_with("Severity")) {
      continue;
    }
    EXPECT_NE(metric_for_json(version, name), nullptr)
        << "schema property without metric: " << name;
  }
  const json::Value* severity_type = root.find("definitions");
  if (severity_type != nullptr && (severity_type = severity_type->find("severityType"))) {
    std::set<std::string> names;
    for (const json::Value& v : severity_type->find("enum")->items()) names.emplace(v.as_string());
    for (Severity s :
         {Severity::none, Severity::low, Severity::medium, Severity::high, Severity::critical}) {
      EXPECT_TRUE(names.count(std::string(severity_json(s)))) << severity_json(s);
    }
  }
}

TEST(CvssJsonNames, CatalogueMatchesTheFirstSchemas) {
  check_schema(Version::v2_0, "schemas/first/cvss-v2.0.json");
  check_schema(Version::v3_0, "schemas/first/cvss-v3.0.json");
  check_schema(Version::v3_1, "schemas/first/cvss-v3.1.json");
  check_schema(Version::v4_0, "schemas/first/cvss-v4.0.json");
  EXPECT_EQ(version_from_text("3.1"), Version::v3_1);
  EXPECT_EQ(version_from_text("3"), std::nullopt);
}

}  // namespace
}  // namespace lotse::cvss
