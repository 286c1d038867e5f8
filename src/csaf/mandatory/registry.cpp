// The one list of CSAF tests: id, section title, severity, function (and
// CSAF version, 2.0 unless given). Mandatory tests (6.1) have severity
// error. Keep specification order.
#include "csaf/mandatory/mandatory_tests.hpp"

namespace lotse::csaf {

namespace {

using namespace mandatory;

constexpr TestDefinition kTests[] = {
    {"6.1.1", "Missing Definition of Product ID", Severity::error, &missing_definition_of_product_id},
    {"6.1.2", "Multiple Definition of Product ID", Severity::error, &multiple_definition_of_product_id},
    {"6.1.3", "Circular Definition of Product ID", Severity::error, &circular_definition_of_product_id},
    {"6.1.4", "Missing Definition of Product Group ID", Severity::error, &missing_definition_of_product_group_id},
    {"6.1.5", "Multiple Definition of Product Group ID", Severity::error, &multiple_definition_of_product_group_id},
    {"6.1.6", "Contradicting Product Status", Severity::error, &contradicting_product_status},
    {"6.1.7", "Multiple Scores with same Version per Product", Severity::error, &multiple_scores_with_same_version_per_product},
    {"6.1.8", "Invalid CVSS", Severity::error, &invalid_cvss},
    {"6.1.9", "Invalid CVSS computation", Severity::error, &invalid_cvss_computation},
    {"6.1.10", "Inconsistent CVSS", Severity::error, &inconsistent_cvss},
    {"6.1.11", "CWE", Severity::error, &cwe},
    {"6.1.12", "Language", Severity::error, &language},
    {"6.1.13", "PURL", Severity::error, &purl},
    {"6.1.14", "Sorted Revision History", Severity::error, &sorted_revision_history},
    {"6.1.15", "Translator", Severity::error, &translator},
    {"6.1.16", "Latest Document Version", Severity::error, &latest_document_version},
    {"6.1.17", "Document Status Draft", Severity::error, &document_status_draft},
    {"6.1.18", "Released Revision History", Severity::error, &released_revision_history},
    {"6.1.19", "Revision History Entries for Pre-release Versions", Severity::error, &revision_history_entries_for_pre_release_versions},
    {"6.1.20", "Non-draft Document Version", Severity::error, &non_draft_document_version},
    {"6.1.21", "Missing Item in Revision History", Severity::error, &missing_item_in_revision_history},
    {"6.1.22", "Multiple Definition in Revision History", Severity::error, &multiple_definition_in_revision_history},
    {"6.1.23", "Multiple Use of Same CVE", Severity::error, &multiple_use_of_same_cve},
    {"6.1.24", "Multiple Definition in Involvements", Severity::error, &multiple_definition_in_involvements},
    {"6.1.25", "Multiple Use of Same Hash Algorithm", Severity::error, &multiple_use_of_same_hash_algorithm},
    {"6.1.26", "Prohibited Document Category Name", Severity::error, &prohibited_document_category_name},
    {"6.1.27.1", "Document Notes", Severity::error, &profile_document_notes},
    {"6.1.27.2", "Document References", Severity::error, &profile_document_references},
    {"6.1.27.3", "Vulnerabilities", Severity::error, &profile_no_vulnerabilities},
    {"6.1.27.4", "Product Tree", Severity::error, &profile_product_tree},
    {"6.1.27.5", "Vulnerability Notes", Severity::error, &profile_vulnerability_notes},
    {"6.1.27.6", "Product Status", Severity::error, &profile_product_status},
    {"6.1.27.7", "VEX Product Status", Severity::error, &profile_vex_product_status},
    {"6.1.27.8", "Vulnerability ID", Severity::error, &profile_vulnerability_id},
    {"6.1.27.9", "Impact Statement", Severity::error, &profile_impact_statement},
    {"6.1.27.10", "Action Statement", Severity::error, &profile_action_statement},
    {"6.1.27.11", "Vulnerabilities", Severity::error, &profile_vulnerabilities},
    {"6.1.28", "Translation", Severity::error, &translation},
    {"6.1.29", "Remediation without Product Reference", Severity::error, &remediation_without_product_reference},
    {"6.1.30", "Mixed Integer and Semantic Versioning", Severity::error, &mixed_integer_and_semantic_versioning},
    {"6.1.31", "Version Range in Product Version", Severity::error, &version_range_in_product_version},
    {"6.1.32", "Flag without Product Reference", Severity::error, &flag_without_product_reference},
    {"6.1.33", "Multiple Flags with VEX Justification Codes per Product", Severity::error, &multiple_flags_with_vex_justification_codes_per_product},
};

}  // namespace

std::span<const TestDefinition> mandatory::tests() { return kTests; }

}  // namespace lotse::csaf
