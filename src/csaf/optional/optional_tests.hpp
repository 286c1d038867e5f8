// The optional tests of CSAF 2.0 section 6.2, one function each (severity
// warning: failing one does not make a document invalid). Which file holds
// which: the registry (registry.cpp) lists id, name and function; each
// function is defined in the file named in the comment beside it.
//
// Like the mandatory tests, every function tolerates documents that fail
// the schema (members of the wrong type are skipped; the schema reports
// them) and walks nested structures without recursion.
#pragma once

#include "csaf/test_registry.hpp"

namespace lotse::csaf::optional {

void unused_definition_of_product_id(TestContext& context);  // 6.2.1 Unused Definition of Product ID (product_coverage.cpp)
void missing_remediation(TestContext& context);  // 6.2.2 Missing Remediation (product_coverage.cpp)
void missing_score(TestContext& context);  // 6.2.3 Missing Score (product_coverage.cpp)
void build_metadata_in_revision_history(TestContext& context);  // 6.2.4 Build Metadata in Revision History (revision_history.cpp)
void older_initial_release_date_than_revision_history(TestContext& context);  // 6.2.5 Older Initial Release Date than Revision History (revision_history.cpp)
void older_current_release_date_than_revision_history(TestContext& context);  // 6.2.6 Older Current Release Date than Revision History (revision_history.cpp)
void missing_date_in_involvements(TestContext& context);  // 6.2.7 Missing Date in Involvements (vulnerability_items.cpp)
void use_of_md5_as_the_only_hash_algorithm(TestContext& context);  // 6.2.8 Use of MD5 as the only Hash Algorithm (hashes.cpp)
void use_of_sha1_as_the_only_hash_algorithm(TestContext& context);  // 6.2.9 Use of SHA-1 as the only Hash Algorithm (hashes.cpp)
void missing_tlp_label(TestContext& context);  // 6.2.10 Missing TLP label (document_metadata.cpp)
void missing_canonical_url(TestContext& context);  // 6.2.11 Missing Canonical URL (document_metadata.cpp)
void missing_document_language(TestContext& context);  // 6.2.12 Missing Document Language (document_metadata.cpp)
void sorting(TestContext& context);  // 6.2.13 Sorting (sorting.cpp)
void use_of_private_language(TestContext& context);  // 6.2.14 Use of Private Language (language.cpp)
void use_of_default_language(TestContext& context);  // 6.2.15 Use of Default Language (language.cpp)
void missing_product_identification_helper(TestContext& context);  // 6.2.16 Missing Product Identification Helper (product_tree.cpp)
void cve_in_field_ids(TestContext& context);  // 6.2.17 CVE in field IDs (vulnerability_items.cpp)
void product_version_range_without_vers(TestContext& context);  // 6.2.18 Product Version Range without vers (product_tree.cpp)
void cvss_for_fixed_products(TestContext& context);  // 6.2.19 CVSS for Fixed Products (fixed_products_cvss.cpp)
void additional_properties(TestContext& context);  // 6.2.20 Additional Properties (additional_properties.cpp)

}  // namespace lotse::csaf::optional
