// The informative tests of the CVSS scores (CSAF 2.0 section 6.3): 6.3.1
// Use of CVSS v2 as the only Scoring System, 6.3.2 Use of CVSS v3.0. Both
// look at each item of /vulnerabilities[]/scores[]; malformed items are
// left to the schema.
#include <string>

#include "csaf/informative/finding_budget.hpp"
#include "csaf/informative/informative_tests.hpp"
#include "csaf/informative/relevant_paths.hpp"
#include "csaf/text.hpp"

namespace lotse::csaf::informative {

namespace {

// " for \"CSAFPID-1\", \"CSAFPID-2\"" from the score's products (at most
// three named), or "" when it lists none: the finding names what it is
// about.
std::string for_products(const json::Value& score) {
  const json::Value* products = score.find("products");
  if (!products || !products->is_array() || products->size() == 0) return {};
  std::string out = " for ";
  std::size_t named = 0;
  for (const json::Value& id : products->items()) {
    if (!id.is_string()) continue;
    if (named == 3) {
      out += ", ...";
      break;
    }
    if (named++ > 0) out += ", ";
    out += quote_text(id.as_string());
  }
  return named ? out : std::string();
}

bool is_object_member(const json::Value& object, std::string_view key) {
  const json::Value* member = object.find(key);
  return member && member->is_object();
}

}  // namespace

// 6.3.1: a score that has cvss_v2 passes only with a second scoring object
// beside it; in CSAF 2.0 that is cvss_v3 (score_t has no other).
void use_of_cvss_v2_as_the_only_scoring_system(TestContext& context) {
  FindingBudget findings(context);
  for (const LocatedValue& score : values_at(context.root(), "/vulnerabilities[]/scores[]")) {
    if (!is_object_member(*score.value, "cvss_v2") || is_object_member(*score.value, "cvss_v3")) {
      continue;
    }
    findings.report(score.pointer, "the score" + for_products(*score.value) +
                                      " has CVSS v2 as its only scoring system; expected a second"
                                      " score object beside cvss_v2 (cvss_v3, CVSS v3.1 recommended)");
  }
}

// 6.3.2: cvss_v3 of version 3.0, by its version or by its vector's prefix.
void use_of_cvss_v3_0(TestContext& context) {
  FindingBudget findings(context);
  for (const LocatedValue& score : values_at(context.root(), "/vulnerabilities[]/scores[]")) {
    const json::Value* cvss = score.value->find("cvss_v3");
    if (!cvss || !cvss->is_object()) continue;
    const json::Value* version = cvss->find("version");
    const json::Value* vector = cvss->find("vectorString");
    std::string pointer = score.pointer + "/cvss_v3";
    std::string what;
    if (version && version->is_string() && version->as_string() == "3.0") {
      pointer += "/version";
      what = "version \"3.0\"";
    } else if (vector && vector->is_string() &&
               (vector->as_string() == "CVSS:3.0" || vector->as_string().starts_with("CVSS:3.0/"))) {
      pointer += "/vectorString";
      what = "vector " + quote_text(vector->as_string());
    } else {
      continue;
    }
    findings.report(pointer, "the score" + for_products(*score.value) + " uses CVSS v3.0 (" + what +
                                "); expected CVSS v3.1 (upgrading means recomputing base, temporal"
                                " and environmental scores and severities)");
  }
}

}  // namespace lotse::csaf::informative
