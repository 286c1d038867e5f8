#include "check/requirements/requirements.hpp"

namespace lotse::check {

std::span<const RequirementDefinition> requirement_registry() {
  static const RequirementDefinition kRequirements[] = {
      {1, "Valid CSAF document", &check_valid_csaf},
      {2, "Filename", &check_filename},
      {3, "TLS", &check_tls},
      {4, "TLP:WHITE", &check_tlp_white},
      {5, "TLP:AMBER and TLP:RED", &check_tlp_amber_red},
      {6, "No redirects", &check_no_redirects},
      {7, "provider-metadata.json", &check_provider_metadata},
      {8, "security.txt", &check_security_txt},
      {9, "Well-known URL for provider-metadata.json", &check_well_known},
      {10, "DNS path", &check_dns_path},
      {11, "One folder per year", &check_folder_per_year},
      {12, "index.txt", &check_index_txt},
      {13, "changes.csv", &check_changes_csv},
      {14, "Directory listings", &check_directory_listings},
      {15, "ROLIE feed", &check_rolie_feed},
      {16, "ROLIE service document", &check_rolie_service},
      {17, "ROLIE category document", &check_rolie_category},
      {18, "Integrity", &check_hashes},
      {19, "Signatures", &check_signatures},
      {20, "Public OpenPGP Key", &check_public_key},
      {21, "List of CSAF providers", nullptr},
      {22, "Two disjoint issuing parties", nullptr},
      {23, "Mirror", nullptr},
  };
  return kRequirements;
}

RequirementResult start(int number) {
  RequirementResult r;
  r.number = number;
  for (const RequirementDefinition& d : requirement_registry()) {
    if (d.number == number) r.title = std::string(d.title);
  }
  r.verdict = Verdict::pass;
  return r;
}

}  // namespace lotse::check
