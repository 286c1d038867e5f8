#include "check/checker.hpp"

#include "check/requirements/requirements.hpp"
#include "check/roles.hpp"

namespace lotse::check {

Report check(const std::string& input, const CheckOptions& options) {
  const Observations observations = observe(input, options);
  Report report;
  report.input = input;
  report.metadata_url = observations.metadata_url;
  report.role = observations.role;
  report.notes = observations.limits_hit;
  for (const RequirementDefinition& definition : requirement_registry()) {
    if (definition.run) {
      report.requirements.push_back(definition.run(observations));
    } else {
      RequirementResult r = start(definition.number);
      r.verdict = Verdict::not_checked;
      r.summary = "not checked yet";
      report.requirements.push_back(std::move(r));
    }
  }
  apply_role(observations, report);
  return report;
}

}  // namespace lotse::check
