// Which requirements a role needs (CSAF 2.0 section 7.2) and whether the
// provider meets them: requirements 1-4 for every publisher, 5-7 for a
// provider, at least one of 8-10, the directory-based (11-14) and/or
// ROLIE-based (15-17) group for each distribution the provider uses, and
// 18-20 for a trusted provider.
//
// Stateless and thread-safe.
#pragma once

#include "check/checker.hpp"

namespace lotse::check {

// Marks report.requirements[i].required, turns failures of alternatives a
// met group does not need into warnings, and sets report.role_satisfied.
// An unknown role is judged as csaf_provider (and noted).
void apply_role(const Observations& observations, Report& report);

}  // namespace lotse::check
