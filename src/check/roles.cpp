#include "check/roles.hpp"

namespace lotse::check {

void apply_role(const Observations& o, Report& report) {
  auto& reqs = report.requirements;
  auto at = [&](int number) -> RequirementResult& { return reqs[static_cast<std::size_t>(number - 1)]; };
  std::string role = report.role;
  if (role != "csaf_publisher" && role != "csaf_provider" && role != "csaf_trusted_provider") {
    report.notes.push_back("role \"" + role + "\" unknown: judged as csaf_provider");
    role = "csaf_provider";
  }
  const int last = role == "csaf_publisher" ? 4 : role == "csaf_provider" ? 17 : 20;
  for (int n = 1; n <= 23; ++n) at(n).required = n <= last;
  if (role != "csaf_publisher") {
    // At least one of 8-10.
    int met = 0;
    for (int n = 8; n <= 10; ++n) met += at(n).verdict == Verdict::pass;
    if (met > 0) {
      for (int n = 8; n <= 10; ++n) {
        at(n).required = false;
        if (at(n).verdict == Verdict::fail) at(n).verdict = Verdict::warning;
      }
      report.notes.push_back("requirements 8-10: at least one is met");
    }
    // 11-14 for a directory-based, 15-17 for a ROLIE-based distribution.
    const bool directory = !o.directories.empty(), rolie = !o.feeds.empty();
    if (!directory && !rolie) {
      report.notes.push_back("requirements 11-17: provider-metadata.json names neither a directory nor a ROLIE distribution");
      at(11).verdict = at(15).verdict = Verdict::fail;
    }
    if (!directory) for (int n = 11; n <= 14; ++n) at(n).required = false;
    if (!rolie) for (int n = 15; n <= 17; ++n) at(n).required = false;
  }
  for (int n = 21; n <= 23; ++n) {
    at(n).verdict = Verdict::not_applicable;
    at(n).required = false;
    at(n).summary = "for CSAF listers and aggregators, not for " + role;
  }
  report.role_satisfied = true;
  for (const RequirementResult& r : reqs) {
    if (r.required && (r.verdict == Verdict::fail || r.verdict == Verdict::not_checked)) report.role_satisfied = false;
  }
}

}  // namespace lotse::check
