// The requirements of CSAF 2.0 section 7.1, each a function from what was
// observed of a provider to a verdict with evidence, listed once with its
// number in registry.cpp ("where is requirement 13?": listings.cpp).
// Requirement functions never download: observe() did that.
//
// Stateless and thread-safe.
#pragma once

#include <span>
#include <string_view>

#include "check/observations.hpp"
#include "check/result.hpp"

namespace lotse::check {

using RequirementCheck = RequirementResult (*)(const Observations&);

struct RequirementDefinition {
  int number;
  std::string_view title;
  RequirementCheck run;  // nullptr: not checked yet
};

// Requirements 1..23 in order.
std::span<const RequirementDefinition> requirement_registry();

// A result with number and title filled in, verdict pass.
RequirementResult start(int number);

// documents.cpp
RequirementResult check_valid_csaf(const Observations& o);           // 1
RequirementResult check_filename(const Observations& o);             // 2
RequirementResult check_tlp_white(const Observations& o);            // 4
RequirementResult check_tlp_amber_red(const Observations& o);        // 5
RequirementResult check_folder_per_year(const Observations& o);      // 11
// transport.cpp
RequirementResult check_tls(const Observations& o);                  // 3
RequirementResult check_no_redirects(const Observations& o);         // 6
// metadata.cpp
RequirementResult check_provider_metadata(const Observations& o);    // 7
RequirementResult check_security_txt(const Observations& o);         // 8
RequirementResult check_well_known(const Observations& o);           // 9
RequirementResult check_dns_path(const Observations& o);             // 10
RequirementResult check_public_key(const Observations& o);           // 20
// listings.cpp
RequirementResult check_index_txt(const Observations& o);            // 12
RequirementResult check_changes_csv(const Observations& o);          // 13
RequirementResult check_directory_listings(const Observations& o);   // 14
// rolie.cpp
RequirementResult check_rolie_feed(const Observations& o);           // 15
RequirementResult check_rolie_service(const Observations& o);        // 16
RequirementResult check_rolie_category(const Observations& o);       // 17
// integrity.cpp
RequirementResult check_hashes(const Observations& o);               // 18
RequirementResult check_signatures(const Observations& o);           // 19

}  // namespace lotse::check
