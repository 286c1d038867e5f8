// The mandatory tests of CSAF 2.0 section 6.1, one function each. Which
// file holds which: the registry (registry.cpp) lists id, name and function;
// each function is defined in the file named in the comment beside it.
#pragma once

#include "csaf/test_registry.hpp"

namespace lotse::csaf::mandatory {

void missing_definition_of_product_id(TestContext& context);  // 6.1.1 Missing Definition of Product ID (product_ids.cpp)
void multiple_definition_of_product_id(TestContext& context);  // 6.1.2 Multiple Definition of Product ID (product_ids.cpp)
void circular_definition_of_product_id(TestContext& context);  // 6.1.3 Circular Definition of Product ID (product_ids.cpp)
void missing_definition_of_product_group_id(TestContext& context);  // 6.1.4 Missing Definition of Product Group ID (product_groups.cpp)
void multiple_definition_of_product_group_id(TestContext& context);  // 6.1.5 Multiple Definition of Product Group ID (product_groups.cpp)
void contradicting_product_status(TestContext& context);  // 6.1.6 Contradicting Product Status (product_status.cpp)
void multiple_scores_with_same_version_per_product(TestContext& context);  // 6.1.7 Multiple Scores with same Version per Product (scores.cpp)
void invalid_cvss(TestContext& context);  // 6.1.8 Invalid CVSS (cvss.cpp)
void invalid_cvss_computation(TestContext& context);  // 6.1.9 Invalid CVSS computation (cvss.cpp)
void inconsistent_cvss(TestContext& context);  // 6.1.10 Inconsistent CVSS (cvss.cpp)
void cwe(TestContext& context);  // 6.1.11 CWE (cwe.cpp)
void language(TestContext& context);  // 6.1.12 Language (language.cpp)
void purl(TestContext& context);  // 6.1.13 PURL (purl.cpp)
void sorted_revision_history(TestContext& context);  // 6.1.14 Sorted Revision History (revision_history.cpp)
void translator(TestContext& context);  // 6.1.15 Translator (translation.cpp)
void latest_document_version(TestContext& context);  // 6.1.16 Latest Document Version (revision_history.cpp)
void document_status_draft(TestContext& context);  // 6.1.17 Document Status Draft (document_version.cpp)
void released_revision_history(TestContext& context);  // 6.1.18 Released Revision History (revision_history.cpp)
void revision_history_entries_for_pre_release_versions(TestContext& context);  // 6.1.19 Revision History Entries for Pre-release Versions (revision_history.cpp)
void non_draft_document_version(TestContext& context);  // 6.1.20 Non-draft Document Version (document_version.cpp)
void missing_item_in_revision_history(TestContext& context);  // 6.1.21 Missing Item in Revision History (revision_history.cpp)
void multiple_definition_in_revision_history(TestContext& context);  // 6.1.22 Multiple Definition in Revision History (revision_history.cpp)
void multiple_use_of_same_cve(TestContext& context);  // 6.1.23 Multiple Use of Same CVE (uniqueness.cpp)
void multiple_definition_in_involvements(TestContext& context);  // 6.1.24 Multiple Definition in Involvements (uniqueness.cpp)
void multiple_use_of_same_hash_algorithm(TestContext& context);  // 6.1.25 Multiple Use of Same Hash Algorithm (uniqueness.cpp)
void prohibited_document_category_name(TestContext& context);  // 6.1.26 Prohibited Document Category Name (document_category.cpp)
void profile_document_notes(TestContext& context);  // 6.1.27.1 Document Notes (profiles.cpp)
void profile_document_references(TestContext& context);  // 6.1.27.2 Document References (profiles.cpp)
void profile_no_vulnerabilities(TestContext& context);  // 6.1.27.3 Vulnerabilities (profiles.cpp)
void profile_product_tree(TestContext& context);  // 6.1.27.4 Product Tree (profiles.cpp)
void profile_vulnerability_notes(TestContext& context);  // 6.1.27.5 Vulnerability Notes (profiles.cpp)
void profile_product_status(TestContext& context);  // 6.1.27.6 Product Status (profiles.cpp)
void profile_vex_product_status(TestContext& context);  // 6.1.27.7 VEX Product Status (profiles_vex.cpp)
void profile_vulnerability_id(TestContext& context);  // 6.1.27.8 Vulnerability ID (profiles_vex.cpp)
void profile_impact_statement(TestContext& context);  // 6.1.27.9 Impact Statement (profiles_vex.cpp)
void profile_action_statement(TestContext& context);  // 6.1.27.10 Action Statement (profiles_vex.cpp)
void profile_vulnerabilities(TestContext& context);  // 6.1.27.11 Vulnerabilities (profiles.cpp)
void translation(TestContext& context);  // 6.1.28 Translation (translation.cpp)
void remediation_without_product_reference(TestContext& context);  // 6.1.29 Remediation without Product Reference (product_references.cpp)
void mixed_integer_and_semantic_versioning(TestContext& context);  // 6.1.30 Mixed Integer and Semantic Versioning (document_version.cpp)
void version_range_in_product_version(TestContext& context);  // 6.1.31 Version Range in Product Version (product_version_range.cpp)
void flag_without_product_reference(TestContext& context);  // 6.1.32 Flag without Product Reference (product_references.cpp)
void multiple_flags_with_vex_justification_codes_per_product(TestContext& context);  // 6.1.33 Multiple Flags with VEX Justification Codes per Product (product_references.cpp)

}  // namespace lotse::csaf::mandatory
