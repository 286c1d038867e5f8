// CVSS scores and qualitative severities of parsed vectors.
//
// Scores are computed exactly as each specification's equations and its
// reference calculator do, rounding included, so that a score an advisory
// states can be compared with ==:
//   - v2.0: Complete Guide section 3.2 (round_to_1_decimal: half up);
//   - v3.0: specification section 7, Round up = ceil(x * 10) / 10 in IEEE
//     double as the FIRST v3.0 calculator computes it;
//   - v3.1: specification section 7 and Appendix A (Roundup over an integer
//     of x * 100000, which removes v3.0's floating-point surprises);
//   - v4.0: MacroVector lookup and interpolation (specification section 8)
//     over the embedded tables of FIRST's reference calculator, in its
//     floating-point operation order (cvss4.cpp).
// Omitted temporal/threat/environmental metrics count as Not Defined, so the
// temporal score equals the base score and the environmental score equals
// what the environmental equation yields with all modifiers Not Defined
// (the temporal score in v2.0/v3.0; in v3.1 it can differ by 0.1 for scope
// Changed, because v3.1 changed the modified-impact equation).
//
// Thread safety: all functions are reentrant; the v4.0 tables are loaded
// once, on first use, behind a thread-safe static.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "cvss/vector.hpp"

namespace lotse::cvss {

struct Scores {
  // v2.0/v3.x: the base score. v4.0: CVSS-B, the score of the base metrics
  // alone (threat and environmental metrics read as Not Defined).
  double base = 0;
  // v2.0/v3.x: the temporal score. v4.0: CVSS-BT, base and threat metrics
  // (environmental metrics read as Not Defined): the CVE 5.x `threatScore`.
  double temporal = 0;
  // v2.0/v3.x: the environmental score. v4.0: the score of the vector as
  // written (CVSS-B, -BT, -BE or -BTE, see nomenclature()): the FIRST v4.0
  // JSON `baseScore` and the CVE 5.x `environmentalScore`.
  double environmental = 0;
};

// All scores of `vector`. Why one entry point: CSAF test 6.1.9 recomputes
// whichever scores a cvss_v2/v3/v4 object states and compares them.
Scores score(const Vector& vector);

// The score of a v4.0 vector as written (same as score(v).environmental,
// without computing CVSS-B and CVSS-BT). REQUIRES: v4.0 vector.
double score_v4(const Vector& vector);

// "CVSS-B", "CVSS-BT", "CVSS-BE" or "CVSS-BTE": which groups a v4.0 score
// covers (specification section 1.3); "" for other versions. Why: the
// specification requires the nomenclature wherever a v4.0 score is shown.
std::string_view nomenclature(const Vector& vector);

enum class Severity : std::uint8_t { none, low, medium, high, critical };

// The qualitative rating of a v3.x/v4.0 score (specification section 5:
// 0.0 None, 0.1-3.9 Low, 4.0-6.9 Medium, 7.0-8.9 High, 9.0-10.0 Critical);
// nullopt for v2.0, which defines none. Why: FIRST JSON `baseSeverity` etc.
std::optional<Severity> severity(Version version, double score);

// "None", "Low", ... as the specifications write them.
std::string_view severity_name(Severity severity);
// "NONE", "LOW", ... as the FIRST JSON schemas spell `baseSeverity`.
std::string_view severity_json(Severity severity);

}  // namespace lotse::cvss
