// CVSS v2.0 equations (Complete Guide to CVSS v2.0, section 3.2), with the
// weights of section 3.2.1-3.2.3. Scores round to one decimal, halves up
// (round_to_1_decimal).
#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <utility>

#include "cvss/scoring.hpp"

namespace lotse::cvss::detail {
namespace {

using Weights = std::initializer_list<std::pair<std::string_view, double>>;

// The weight of `metric`'s value in `vector` (Not Defined when absent).
double weight(const Vector& vector, std::string_view metric, Weights weights) {
  const std::string_view value = vector.effective(metric);
  for (const auto& [abbreviation, w] : weights) {
    if (abbreviation == value) return w;
  }
  return 0;  // unreachable for a parsed vector: the catalogue lists the same values
}

double round_to_1_decimal(double x) {
  const double shifted = x * 10;
  const double floor = std::floor(shifted);
  return (shifted - floor >= 0.5 ? floor + 1 : floor) / 10;
}

double base_equation(double impact, double exploitability) {
  const double f_impact = impact == 0 ? 0 : 1.176;
  return round_to_1_decimal(((0.6 * impact) + (0.4 * exploitability) - 1.5) * f_impact);
}

}  // namespace

Scores score_v2(const Vector& v) {
  const double av = weight(v, "AV", {{"L", 0.395}, {"A", 0.646}, {"N", 1.0}});
  const double ac = weight(v, "AC", {{"H", 0.35}, {"M", 0.61}, {"L", 0.71}});
  const double au = weight(v, "Au", {{"M", 0.45}, {"S", 0.56}, {"N", 0.704}});
  const Weights impact_weights = {{"N", 0.0}, {"P", 0.275}, {"C", 0.660}};
  const double c = weight(v, "C", impact_weights);
  const double i = weight(v, "I", impact_weights);
  const double a = weight(v, "A", impact_weights);

  const double e =
      weight(v, "E", {{"U", 0.85}, {"POC", 0.9}, {"F", 0.95}, {"H", 1.0}, {"ND", 1.0}});
  const double rl =
      weight(v, "RL", {{"OF", 0.87}, {"TF", 0.90}, {"W", 0.95}, {"U", 1.0}, {"ND", 1.0}});
  const double rc = weight(v, "RC", {{"UC", 0.90}, {"UR", 0.95}, {"C", 1.0}, {"ND", 1.0}});

  const double cdp =
      weight(v, "CDP", {{"N", 0}, {"L", 0.1}, {"LM", 0.3}, {"MH", 0.4}, {"H", 0.5}, {"ND", 0}});
  const double td = weight(v, "TD", {{"N", 0}, {"L", 0.25}, {"M", 0.75}, {"H", 1.0}, {"ND", 1.0}});
  const Weights requirement_weights = {{"L", 0.5}, {"M", 1.0}, {"H", 1.51}, {"ND", 1.0}};
  const double cr = weight(v, "CR", requirement_weights);
  const double ir = weight(v, "IR", requirement_weights);
  const double ar = weight(v, "AR", requirement_weights);

  Scores scores;
  const double impact = 10.41 * (1 - (1 - c) * (1 - i) * (1 - a));
  const double exploitability = 20 * av * ac * au;
  scores.base = base_equation(impact, exploitability);
  scores.temporal = round_to_1_decimal(scores.base * e * rl * rc);

  const double adjusted_impact =
      std::min(10.0, 10.41 * (1 - (1 - c * cr) * (1 - i * ir) * (1 - a * ar)));
  const double adjusted_base = base_equation(adjusted_impact, exploitability);
  const double adjusted_temporal = round_to_1_decimal(adjusted_base * e * rl * rc);
  scores.environmental =
      round_to_1_decimal((adjusted_temporal + (10 - adjusted_temporal) * cdp) * td);
  return scores;
}

}  // namespace lotse::cvss::detail
