// The informative tests of CSAF 2.0 section 6.3, one function each. Which
// file holds which: the registry (registry.cpp) lists id, name and function;
// each function is defined in the file named in the comment beside it.
// Informative findings have severity info: they never make a document
// invalid.
#pragma once

#include "csaf/test_registry.hpp"

namespace lotse::csaf::informative {

void use_of_cvss_v2_as_the_only_scoring_system(TestContext& context);  // 6.3.1 Use of CVSS v2 as the only Scoring System (scores.cpp)
void use_of_cvss_v3_0(TestContext& context);  // 6.3.2 Use of CVSS v3.0 (scores.cpp)
void missing_cve(TestContext& context);  // 6.3.3 Missing CVE (vulnerability_ids.cpp)
void missing_cwe(TestContext& context);  // 6.3.4 Missing CWE (vulnerability_ids.cpp)
void use_of_short_hash(TestContext& context);  // 6.3.5 Use of Short Hash (hashes.cpp)
void use_of_non_self_referencing_urls_failing_to_resolve(TestContext& context);  // 6.3.6 Use of non-self referencing URLs Failing to Resolve (urls.cpp)
void use_of_self_referencing_urls_failing_to_resolve(TestContext& context);  // 6.3.7 Use of self referencing URLs Failing to Resolve (urls.cpp)
void spell_check(TestContext& context);  // 6.3.8 Spell check (spell_check.cpp)
void branch_categories(TestContext& context);  // 6.3.9 Branch Categories (branch_categories.cpp)
void usage_of_product_version_range(TestContext& context);  // 6.3.10 Usage of Product Version Range (branch_categories.cpp)
void usage_of_v_as_version_indicator(TestContext& context);  // 6.3.11 Usage of V as Version Indicator (branch_categories.cpp)

}  // namespace lotse::csaf::informative
