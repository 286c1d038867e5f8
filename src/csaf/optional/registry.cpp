// The optional tests of CSAF 2.0 (section 6.2, severity warning):
// id, section title, severity, function. Keep specification order.
#include "csaf/optional/optional_tests.hpp"

namespace lotse::csaf {

namespace {

using namespace optional;

constexpr TestDefinition kTests[] = {
    {"6.2.1", "Unused Definition of Product ID", Severity::warning, &unused_definition_of_product_id},
    {"6.2.2", "Missing Remediation", Severity::warning, &missing_remediation},
    {"6.2.3", "Missing Score", Severity::warning, &missing_score},
    {"6.2.4", "Build Metadata in Revision History", Severity::warning, &build_metadata_in_revision_history},
    {"6.2.5", "Older Initial Release Date than Revision History", Severity::warning, &older_initial_release_date_than_revision_history},
    {"6.2.6", "Older Current Release Date than Revision History", Severity::warning, &older_current_release_date_than_revision_history},
    {"6.2.7", "Missing Date in Involvements", Severity::warning, &missing_date_in_involvements},
    {"6.2.8", "Use of MD5 as the only Hash Algorithm", Severity::warning, &use_of_md5_as_the_only_hash_algorithm},
    {"6.2.9", "Use of SHA-1 as the only Hash Algorithm", Severity::warning, &use_of_sha1_as_the_only_hash_algorithm},
    {"6.2.10", "Missing TLP label", Severity::warning, &missing_tlp_label},
    {"6.2.11", "Missing Canonical URL", Severity::warning, &missing_canonical_url},
    {"6.2.12", "Missing Document Language", Severity::warning, &missing_document_language},
    {"6.2.13", "Sorting", Severity::warning, &sorting},
    {"6.2.14", "Use of Private Language", Severity::warning, &use_of_private_language},
    {"6.2.15", "Use of Default Language", Severity::warning, &use_of_default_language},
    {"6.2.16", "Missing Product Identification Helper", Severity::warning, &missing_product_identification_helper},
    {"6.2.17", "CVE in field IDs", Severity::warning, &cve_in_field_ids},
    {"6.2.18", "Product Version Range without vers", Severity::warning, &product_version_range_without_vers},
    {"6.2.19", "CVSS for Fixed Products", Severity::warning, &cvss_for_fixed_products},
    {"6.2.20", "Additional Properties", Severity::warning, &additional_properties},
};

}  // namespace

std::span<const TestDefinition> optional::tests() { return kTests; }

}  // namespace lotse::csaf
