// The informative tests of CSAF 2.0 (section 6.3, severity info):
// id, section title, severity, function. Keep specification order.
#include "csaf/informative/informative_tests.hpp"

namespace lotse::csaf {

namespace {

using namespace informative;

constexpr TestDefinition kTests[] = {
    {"6.3.1", "Use of CVSS v2 as the only Scoring System", Severity::info, &use_of_cvss_v2_as_the_only_scoring_system},
    {"6.3.2", "Use of CVSS v3.0", Severity::info, &use_of_cvss_v3_0},
    {"6.3.3", "Missing CVE", Severity::info, &missing_cve},
    {"6.3.4", "Missing CWE", Severity::info, &missing_cwe},
    {"6.3.5", "Use of Short Hash", Severity::info, &use_of_short_hash},
    {"6.3.6", "Use of non-self referencing URLs Failing to Resolve", Severity::info, &use_of_non_self_referencing_urls_failing_to_resolve},
    {"6.3.7", "Use of self referencing URLs Failing to Resolve", Severity::info, &use_of_self_referencing_urls_failing_to_resolve},
    {"6.3.8", "Spell check", Severity::info, &spell_check},
    {"6.3.9", "Branch Categories", Severity::info, &branch_categories},
    {"6.3.10", "Usage of Product Version Range", Severity::info, &usage_of_product_version_range},
    {"6.3.11", "Usage of V as Version Indicator", Severity::info, &usage_of_v_as_version_indicator},
};

}  // namespace

std::span<const TestDefinition> informative::tests() { return kTests; }

}  // namespace lotse::csaf
