// The metric tables of CVSS v2.0 (Complete Guide, section 2.4 and 3.2),
// v3.0/v3.1 (specification, section 6 table 15 / table 12) and v4.0
// (specification, section 7 table 23), with the property names and enum
// values of the FIRST JSON schemas (resources/schemas/first/cvss-v*.json).
// tests/cvss/json_names_test.cpp checks every JSON spelling here against
// those schemas.
#include "cvss/metrics.hpp"

namespace lotse::cvss {
namespace {

using V = ValueInfo;

// ---- CVSS v2.0 -------------------------------------------------------------

constexpr V kV2AccessVector[] = {{"L", "LOCAL"}, {"A", "ADJACENT_NETWORK"}, {"N", "NETWORK"}};
constexpr V kV2AccessComplexity[] = {{"H", "HIGH"}, {"M", "MEDIUM"}, {"L", "LOW"}};
constexpr V kV2Authentication[] = {{"M", "MULTIPLE"}, {"S", "SINGLE"}, {"N", "NONE"}};
constexpr V kV2Impact[] = {{"N", "NONE"}, {"P", "PARTIAL"}, {"C", "COMPLETE"}};
constexpr V kV2Exploitability[] = {{"U", "UNPROVEN"},
                                   {"POC", "PROOF_OF_CONCEPT"},
                                   {"F", "FUNCTIONAL"},
                                   {"H", "HIGH"},
                                   {"ND", "NOT_DEFINED"}};
constexpr V kV2RemediationLevel[] = {{"OF", "OFFICIAL_FIX"},
                                     {"TF", "TEMPORARY_FIX"},
                                     {"W", "WORKAROUND"},
                                     {"U", "UNAVAILABLE"},
                                     {"ND", "NOT_DEFINED"}};
constexpr V kV2ReportConfidence[] = {
    {"UC", "UNCONFIRMED"}, {"UR", "UNCORROBORATED"}, {"C", "CONFIRMED"}, {"ND", "NOT_DEFINED"}};
constexpr V kV2CollateralDamage[] = {{"N", "NONE"},         {"L", "LOW"},  {"LM", "LOW_MEDIUM"},
                                     {"MH", "MEDIUM_HIGH"}, {"H", "HIGH"}, {"ND", "NOT_DEFINED"}};
constexpr V kV2TargetDistribution[] = {
    {"N", "NONE"}, {"L", "LOW"}, {"M", "MEDIUM"}, {"H", "HIGH"}, {"ND", "NOT_DEFINED"}};
constexpr V kV2Requirement[] = {
    {"L", "LOW"}, {"M", "MEDIUM"}, {"H", "HIGH"}, {"ND", "NOT_DEFINED"}};

constexpr MetricInfo kV2[] = {
    {"AV", Group::base, kV2AccessVector, "accessVector", ""},
    {"AC", Group::base, kV2AccessComplexity, "accessComplexity", ""},
    {"Au", Group::base, kV2Authentication, "authentication", ""},
    {"C", Group::base, kV2Impact, "confidentialityImpact", ""},
    {"I", Group::base, kV2Impact, "integrityImpact", ""},
    {"A", Group::base, kV2Impact, "availabilityImpact", ""},
    {"E", Group::temporal, kV2Exploitability, "exploitability", "ND"},
    {"RL", Group::temporal, kV2RemediationLevel, "remediationLevel", "ND"},
    {"RC", Group::temporal, kV2ReportConfidence, "reportConfidence", "ND"},
    {"CDP", Group::environmental, kV2CollateralDamage, "collateralDamagePotential", "ND"},
    {"TD", Group::environmental, kV2TargetDistribution, "targetDistribution", "ND"},
    {"CR", Group::environmental, kV2Requirement, "confidentialityRequirement", "ND"},
    {"IR", Group::environmental, kV2Requirement, "integrityRequirement", "ND"},
    {"AR", Group::environmental, kV2Requirement, "availabilityRequirement", "ND"},
};

// ---- CVSS v3.0 and v3.1 (same metrics) -------------------------------------

constexpr V kV3AttackVector[] = {
    {"N", "NETWORK"}, {"A", "ADJACENT_NETWORK"}, {"L", "LOCAL"}, {"P", "PHYSICAL"}};
constexpr V kV3AttackComplexity[] = {{"L", "LOW"}, {"H", "HIGH"}};
constexpr V kV3PrivilegesRequired[] = {{"N", "NONE"}, {"L", "LOW"}, {"H", "HIGH"}};
constexpr V kV3UserInteraction[] = {{"N", "NONE"}, {"R", "REQUIRED"}};
constexpr V kV3Scope[] = {{"U", "UNCHANGED"}, {"C", "CHANGED"}};
constexpr V kV3Impact[] = {{"H", "HIGH"}, {"L", "LOW"}, {"N", "NONE"}};
constexpr V kV3ExploitMaturity[] = {{"X", "NOT_DEFINED"},
                                    {"H", "HIGH"},
                                    {"F", "FUNCTIONAL"},
                                    {"P", "PROOF_OF_CONCEPT"},
                                    {"U", "UNPROVEN"}};
constexpr V kV3RemediationLevel[] = {{"X", "NOT_DEFINED"},
                                     {"U", "UNAVAILABLE"},
                                     {"W", "WORKAROUND"},
                                     {"T", "TEMPORARY_FIX"},
                                     {"O", "OFFICIAL_FIX"}};
constexpr V kV3ReportConfidence[] = {
    {"X", "NOT_DEFINED"}, {"C", "CONFIRMED"}, {"R", "REASONABLE"}, {"U", "UNKNOWN"}};
constexpr V kV3Requirement[] = {{"X", "NOT_DEFINED"}, {"H", "HIGH"}, {"M", "MEDIUM"}, {"L", "LOW"}};
constexpr V kV3ModifiedAttackVector[] = {{"X", "NOT_DEFINED"},
                                         {"N", "NETWORK"},
                                         {"A", "ADJACENT_NETWORK"},
                                         {"L", "LOCAL"},
                                         {"P", "PHYSICAL"}};
constexpr V kV3ModifiedAttackComplexity[] = {{"X", "NOT_DEFINED"}, {"L", "LOW"}, {"H", "HIGH"}};
constexpr V kV3ModifiedPrivilegesRequired[] = {
    {"X", "NOT_DEFINED"}, {"N", "NONE"}, {"L", "LOW"}, {"H", "HIGH"}};
constexpr V kV3ModifiedUserInteraction[] = {{"X", "NOT_DEFINED"}, {"N", "NONE"}, {"R", "REQUIRED"}};
constexpr V kV3ModifiedScope[] = {{"X", "NOT_DEFINED"}, {"U", "UNCHANGED"}, {"C", "CHANGED"}};
constexpr V kV3ModifiedImpact[] = {
    {"X", "NOT_DEFINED"}, {"H", "HIGH"}, {"L", "LOW"}, {"N", "NONE"}};

constexpr MetricInfo kV3[] = {
    {"AV", Group::base, kV3AttackVector, "attackVector", ""},
    {"AC", Group::base, kV3AttackComplexity, "attackComplexity", ""},
    {"PR", Group::base, kV3PrivilegesRequired, "privilegesRequired", ""},
    {"UI", Group::base, kV3UserInteraction, "userInteraction", ""},
    {"S", Group::base, kV3Scope, "scope", ""},
    {"C", Group::base, kV3Impact, "confidentialityImpact", ""},
    {"I", Group::base, kV3Impact, "integrityImpact", ""},
    {"A", Group::base, kV3Impact, "availabilityImpact", ""},
    {"E", Group::temporal, kV3ExploitMaturity, "exploitCodeMaturity", "X"},
    {"RL", Group::temporal, kV3RemediationLevel, "remediationLevel", "X"},
    {"RC", Group::temporal, kV3ReportConfidence, "reportConfidence", "X"},
    {"CR", Group::environmental, kV3Requirement, "confidentialityRequirement", "X"},
    {"IR", Group::environmental, kV3Requirement, "integrityRequirement", "X"},
    {"AR", Group::environmental, kV3Requirement, "availabilityRequirement", "X"},
    {"MAV", Group::environmental, kV3ModifiedAttackVector, "modifiedAttackVector", "X"},
    {"MAC", Group::environmental, kV3ModifiedAttackComplexity, "modifiedAttackComplexity", "X"},
    {"MPR", Group::environmental, kV3ModifiedPrivilegesRequired, "modifiedPrivilegesRequired", "X"},
    {"MUI", Group::environmental, kV3ModifiedUserInteraction, "modifiedUserInteraction", "X"},
    {"MS", Group::environmental, kV3ModifiedScope, "modifiedScope", "X"},
    {"MC", Group::environmental, kV3ModifiedImpact, "modifiedConfidentialityImpact", "X"},
    {"MI", Group::environmental, kV3ModifiedImpact, "modifiedIntegrityImpact", "X"},
    {"MA", Group::environmental, kV3ModifiedImpact, "modifiedAvailabilityImpact", "X"},
};

// ---- CVSS v4.0 -------------------------------------------------------------

constexpr V kV4AttackVector[] = {
    {"N", "NETWORK"}, {"A", "ADJACENT"}, {"L", "LOCAL"}, {"P", "PHYSICAL"}};
constexpr V kV4AttackComplexity[] = {{"L", "LOW"}, {"H", "HIGH"}};
constexpr V kV4AttackRequirements[] = {{"N", "NONE"}, {"P", "PRESENT"}};
constexpr V kV4PrivilegesRequired[] = {{"N", "NONE"}, {"L", "LOW"}, {"H", "HIGH"}};
constexpr V kV4UserInteraction[] = {{"N", "NONE"}, {"P", "PASSIVE"}, {"A", "ACTIVE"}};
constexpr V kV4Impact[] = {{"H", "HIGH"}, {"L", "LOW"}, {"N", "NONE"}};
constexpr V kV4ExploitMaturity[] = {
    {"X", "NOT_DEFINED"}, {"A", "ATTACKED"}, {"P", "PROOF_OF_CONCEPT"}, {"U", "UNREPORTED"}};
constexpr V kV4Requirement[] = {{"X", "NOT_DEFINED"}, {"H", "HIGH"}, {"M", "MEDIUM"}, {"L", "LOW"}};
constexpr V kV4ModifiedAttackVector[] = {
    {"X", "NOT_DEFINED"}, {"N", "NETWORK"}, {"A", "ADJACENT"}, {"L", "LOCAL"}, {"P", "PHYSICAL"}};
constexpr V kV4ModifiedAttackComplexity[] = {{"X", "NOT_DEFINED"}, {"L", "LOW"}, {"H", "HIGH"}};
constexpr V kV4ModifiedAttackRequirements[] = {
    {"X", "NOT_DEFINED"}, {"N", "NONE"}, {"P", "PRESENT"}};
constexpr V kV4ModifiedPrivilegesRequired[] = {
    {"X", "NOT_DEFINED"}, {"N", "NONE"}, {"L", "LOW"}, {"H", "HIGH"}};
constexpr V kV4ModifiedUserInteraction[] = {
    {"X", "NOT_DEFINED"}, {"N", "NONE"}, {"P", "PASSIVE"}, {"A", "ACTIVE"}};
constexpr V kV4ModifiedVulnImpact[] = {
    {"X", "NOT_DEFINED"}, {"H", "HIGH"}, {"L", "LOW"}, {"N", "NONE"}};
// The schema calls a modified subsequent-system "N" NEGLIGIBLE (base: NONE).
constexpr V kV4ModifiedSubConfidentiality[] = {
    {"X", "NOT_DEFINED"}, {"H", "HIGH"}, {"L", "LOW"}, {"N", "NEGLIGIBLE"}};
constexpr V kV4ModifiedSubIntegrityAvailability[] = {
    {"X", "NOT_DEFINED"}, {"S", "SAFETY"}, {"H", "HIGH"}, {"L", "LOW"}, {"N", "NEGLIGIBLE"}};
constexpr V kV4Safety[] = {{"X", "NOT_DEFINED"}, {"N", "NEGLIGIBLE"}, {"P", "PRESENT"}};
constexpr V kV4Automatable[] = {{"X", "NOT_DEFINED"}, {"N", "NO"}, {"Y", "YES"}};
constexpr V kV4Recovery[] = {
    {"X", "NOT_DEFINED"}, {"A", "AUTOMATIC"}, {"U", "USER"}, {"I", "IRRECOVERABLE"}};
constexpr V kV4ValueDensity[] = {{"X", "NOT_DEFINED"}, {"D", "DIFFUSE"}, {"C", "CONCENTRATED"}};
constexpr V kV4ResponseEffort[] = {
    {"X", "NOT_DEFINED"}, {"L", "LOW"}, {"M", "MODERATE"}, {"H", "HIGH"}};
constexpr V kV4ProviderUrgency[] = {{"X", "NOT_DEFINED"},
                                    {"Clear", "CLEAR"},
                                    {"Green", "GREEN"},
                                    {"Amber", "AMBER"},
                                    {"Red", "RED"}};

constexpr MetricInfo kV4[] = {
    {"AV", Group::base, kV4AttackVector, "attackVector", ""},
    {"AC", Group::base, kV4AttackComplexity, "attackComplexity", ""},
    {"AT", Group::base, kV4AttackRequirements, "attackRequirements", ""},
    {"PR", Group::base, kV4PrivilegesRequired, "privilegesRequired", ""},
    {"UI", Group::base, kV4UserInteraction, "userInteraction", ""},
    {"VC", Group::base, kV4Impact, "vulnConfidentialityImpact", ""},
    {"VI", Group::base, kV4Impact, "vulnIntegrityImpact", ""},
    {"VA", Group::base, kV4Impact, "vulnAvailabilityImpact", ""},
    {"SC", Group::base, kV4Impact, "subConfidentialityImpact", ""},
    {"SI", Group::base, kV4Impact, "subIntegrityImpact", ""},
    {"SA", Group::base, kV4Impact, "subAvailabilityImpact", ""},
    {"E", Group::threat, kV4ExploitMaturity, "exploitMaturity", "X"},
    {"CR", Group::environmental, kV4Requirement, "confidentialityRequirement", "X"},
    {"IR", Group::environmental, kV4Requirement, "integrityRequirement", "X"},
    {"AR", Group::environmental, kV4Requirement, "availabilityRequirement", "X"},
    {"MAV", Group::environmental, kV4ModifiedAttackVector, "modifiedAttackVector", "X"},
    {"MAC", Group::environmental, kV4ModifiedAttackComplexity, "modifiedAttackComplexity", "X"},
    {"MAT", Group::environmental, kV4ModifiedAttackRequirements, "modifiedAttackRequirements", "X"},
    {"MPR", Group::environmental, kV4ModifiedPrivilegesRequired, "modifiedPrivilegesRequired", "X"},
    {"MUI", Group::environmental, kV4ModifiedUserInteraction, "modifiedUserInteraction", "X"},
    {"MVC", Group::environmental, kV4ModifiedVulnImpact, "modifiedVulnConfidentialityImpact", "X"},
    {"MVI", Group::environmental, kV4ModifiedVulnImpact, "modifiedVulnIntegrityImpact", "X"},
    {"MVA", Group::environmental, kV4ModifiedVulnImpact, "modifiedVulnAvailabilityImpact", "X"},
    {"MSC", Group::environmental, kV4ModifiedSubConfidentiality, "modifiedSubConfidentialityImpact",
     "X"},
    {"MSI", Group::environmental, kV4ModifiedSubIntegrityAvailability, "modifiedSubIntegrityImpact",
     "X"},
    {"MSA", Group::environmental, kV4ModifiedSubIntegrityAvailability,
     "modifiedSubAvailabilityImpact", "X"},
    {"S", Group::supplemental, kV4Safety, "Safety", "X"},
    {"AU", Group::supplemental, kV4Automatable, "Automatable", "X"},
    {"R", Group::supplemental, kV4Recovery, "Recovery", "X"},
    {"V", Group::supplemental, kV4ValueDensity, "valueDensity", "X"},
    {"RE", Group::supplemental, kV4ResponseEffort, "vulnerabilityResponseEffort", "X"},
    {"U", Group::supplemental, kV4ProviderUrgency, "providerUrgency", "X"},
};

}  // namespace

std::string_view version_text(Version version) {
  switch (version) {
    case Version::v2_0:
      return "2.0";
    case Version::v3_0:
      return "3.0";
    case Version::v3_1:
      return "3.1";
    case Version::v4_0:
      return "4.0";
  }
  return "?";
}

std::optional<Version> version_from_text(std::string_view text) {
  for (Version v : {Version::v2_0, Version::v3_0, Version::v3_1, Version::v4_0}) {
    if (version_text(v) == text) return v;
  }
  return std::nullopt;
}

std::string_view group_name(Group group) {
  switch (group) {
    case Group::base:
      return "base";
    case Group::temporal:
      return "temporal";
    case Group::threat:
      return "threat";
    case Group::environmental:
      return "environmental";
    case Group::supplemental:
      return "supplemental";
  }
  return "?";
}

std::span<const MetricInfo> metrics(Version version) {
  switch (version) {
    case Version::v2_0:
      return kV2;
    case Version::v3_0:
    case Version::v3_1:
      return kV3;
    case Version::v4_0:
      return kV4;
  }
  return {};
}

std::optional<std::size_t> metric_index(Version version, std::string_view abbreviation) {
  std::span<const MetricInfo> all = metrics(version);
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].abbreviation == abbreviation) return i;
  }
  return std::nullopt;
}

const MetricInfo* metric_for_json(Version version, std::string_view json_name) {
  for (const MetricInfo& metric : metrics(version)) {
    if (metric.json_name == json_name) return &metric;
  }
  return nullptr;
}

}  // namespace lotse::cvss
