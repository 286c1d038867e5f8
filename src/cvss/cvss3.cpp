// CVSS v3.0 and v3.1 equations (specifications, section 7 and, for v3.1,
// Appendix A), with the weights of section 7.4, in the operation order of
// FIRST's calculators (cvsscalc30.js, cvsscalc31.js).
//
// The versions differ in two places only: Roundup (v3.0 ceil(x * 10) / 10 in
// floating point; v3.1 rounds x * 100000 to an integer first, so 4.000000001
// stays 4.0) and the modified impact under a Changed modified scope (v3.1:
// (MISS x 0.9731 - 0.02)^13 instead of (MISS - 0.02)^15).
#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <utility>

#include "cvss/scoring.hpp"

namespace lotse::cvss::detail {
namespace {

using Weights = std::initializer_list<std::pair<std::string_view, double>>;

double weight_of(std::string_view value, Weights weights) {
  for (const auto& [abbreviation, w] : weights) {
    if (abbreviation == value) return w;
  }
  return 0;  // unreachable for a parsed vector: the catalogue lists the same values
}

// A modified metric's value, falling back to the base metric it modifies.
std::string_view modified(const Vector& v, std::string_view metric, std::string_view base) {
  const std::string_view value = v.effective(metric);
  return value == "X" ? v.effective(base) : value;
}

double roundup(Version version, double x) {
  if (version == Version::v3_0) return std::ceil(x * 10) / 10;
  const long long integer = std::llround(x * 100000);
  if (integer % 10000 == 0) return static_cast<double>(integer) / 100000.0;
  return (std::floor(static_cast<double>(integer) / 10000) + 1) / 10.0;
}

const Weights kAttackVector = {{"N", 0.85}, {"A", 0.62}, {"L", 0.55}, {"P", 0.2}};
const Weights kAttackComplexity = {{"L", 0.77}, {"H", 0.44}};
const Weights kPrivilegesUnchanged = {{"N", 0.85}, {"L", 0.62}, {"H", 0.27}};
const Weights kPrivilegesChanged = {{"N", 0.85}, {"L", 0.68}, {"H", 0.5}};
const Weights kUserInteraction = {{"N", 0.85}, {"R", 0.62}};
const Weights kImpact = {{"H", 0.56}, {"L", 0.22}, {"N", 0}};
const Weights kExploitMaturity = {{"X", 1}, {"H", 1}, {"F", 0.97}, {"P", 0.94}, {"U", 0.91}};
const Weights kRemediationLevel = {{"X", 1}, {"U", 1}, {"W", 0.97}, {"T", 0.96}, {"O", 0.95}};
const Weights kReportConfidence = {{"X", 1}, {"C", 1}, {"R", 0.96}, {"U", 0.92}};
const Weights kRequirement = {{"X", 1}, {"H", 1.5}, {"M", 1}, {"L", 0.5}};

}  // namespace

Scores score_v3(const Vector& v) {
  const Version version = v.version();
  Scores scores;

  // Base.
  const bool changed = v.effective("S") == "C";
  const double c = weight_of(v.effective("C"), kImpact);
  const double i = weight_of(v.effective("I"), kImpact);
  const double a = weight_of(v.effective("A"), kImpact);
  const double iss = 1 - ((1 - c) * (1 - i) * (1 - a));
  const double impact =
      changed ? 7.52 * (iss - 0.029) - 3.25 * std::pow(iss - 0.02, 15) : 6.42 * iss;
  const double exploitability =
      8.22 * weight_of(v.effective("AV"), kAttackVector) *
      weight_of(v.effective("AC"), kAttackComplexity) *
      weight_of(v.effective("PR"), changed ? kPrivilegesChanged : kPrivilegesUnchanged) *
      weight_of(v.effective("UI"), kUserInteraction);
  if (impact <= 0) {
    scores.base = 0;
  } else if (changed) {
    scores.base = roundup(version, std::min((exploitability + impact) * 1.08, 10.0));
  } else {
    scores.base = roundup(version, std::min(exploitability + impact, 10.0));
  }

  // Temporal.
  const double e = weight_of(v.effective("E"), kExploitMaturity);
  const double rl = weight_of(v.effective("RL"), kRemediationLevel);
  const double rc = weight_of(v.effective("RC"), kReportConfidence);
  scores.temporal = roundup(version, scores.base * e * rl * rc);

  // Environmental.
  const bool modified_changed = modified(v, "MS", "S") == "C";
  const double mc = weight_of(modified(v, "MC", "C"), kImpact);
  const double mi = weight_of(modified(v, "MI", "I"), kImpact);
  const double ma = weight_of(modified(v, "MA", "A"), kImpact);
  const double cr = weight_of(v.effective("CR"), kRequirement);
  const double ir = weight_of(v.effective("IR"), kRequirement);
  const double ar = weight_of(v.effective("AR"), kRequirement);
  const double miss = std::min(1 - ((1 - mc * cr) * (1 - mi * ir) * (1 - ma * ar)), 0.915);
  double modified_impact;
  if (!modified_changed) {
    modified_impact = 6.42 * miss;
  } else if (version == Version::v3_0) {
    modified_impact = 7.52 * (miss - 0.029) - 3.25 * std::pow(miss - 0.02, 15);
  } else {
    modified_impact = 7.52 * (miss - 0.029) - 3.25 * std::pow(miss * 0.9731 - 0.02, 13);
  }
  const double modified_exploitability =
      8.22 * weight_of(modified(v, "MAV", "AV"), kAttackVector) *
      weight_of(modified(v, "MAC", "AC"), kAttackComplexity) *
      weight_of(modified(v, "MPR", "PR"),
                modified_changed ? kPrivilegesChanged : kPrivilegesUnchanged) *
      weight_of(modified(v, "MUI", "UI"), kUserInteraction);
  if (modified_impact <= 0) {
    scores.environmental = 0;
  } else {
    const double sum = modified_changed ? 1.08 * (modified_impact + modified_exploitability)
                                        : modified_impact + modified_exploitability;
    scores.environmental = roundup(version, roundup(version, std::min(sum, 10.0)) * e * rl * rc);
  }
  return scores;
}

}  // namespace lotse::cvss::detail
