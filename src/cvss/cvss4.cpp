// CVSS v4.0 scoring: MacroVector lookup plus interpolation (specification
// section 8.2), as FIRST's reference calculator (cvss_score.js) computes it.
//
// Severity distances are counted in whole steps of the severity order
// (`sevIdx`) and divided by the depth + 1 of the EQ level (`depth`), both
// from the tables. The calculator computes the same ratio from levels of 0.1
// per step (e.g. 0.30000000000000004 / 0.4), whose binary error can tip a
// half-way score (2.4 - 0.65 = 1.75) down to 1.7; the exact ratio yields
// 1.8, as do the implementations the shared test suite was checked with
// (tests/cvss, every row of cvss-v4.0.jsonl).
#include <cmath>
#include <string>

#include "cvss/cvss4_tables.hpp"
#include "cvss/score.hpp"
#include "cvss/scoring.hpp"

namespace lotse::cvss {
namespace {

using v4::Fragment;
using v4::MacroVector;
using v4::Tables;

// A vector read through the groups a score covers: CVSS-B ignores threat and
// environmental metrics, CVSS-BT environmental ones.
struct View {
  const Vector& vector;
  bool threat;
  bool environmental;

  // The value as the scored groups see it ("X" for ignored or absent).
  std::string_view raw(std::string_view metric) const {
    std::optional<std::size_t> index = metric_index(Version::v4_0, metric);
    if (!index) return "X";
    const MetricInfo& info = metrics(Version::v4_0)[*index];
    if ((info.group == Group::threat && !threat) ||
        (info.group == Group::environmental && !environmental)) {
      return "X";
    }
    std::string_view value = vector.value_at(*index);
    return value.empty() ? std::string_view("X") : value;
  }

  // The calculator's m(): Not Defined E/CR/IR/AR read as their worst case,
  // modified metrics replace the base metric they modify.
  std::string_view m(std::string_view metric) const {
    std::string_view selected = raw(metric);
    if (selected == "X") {
      if (metric == "E") return "A";
      if (metric == "CR" || metric == "IR" || metric == "AR") return "H";
    }
    std::string modified = "M" + std::string(metric);
    if (metric_index(Version::v4_0, modified)) {
      std::string_view value = raw(modified);
      if (value != "X") return value;
    }
    return selected;
  }
};

MacroVector macro_vector(const View& v) {
  auto is = [&](std::string_view metric, std::string_view value) { return v.m(metric) == value; };
  MacroVector eq{};
  // EQ1: 0 AV:N and PR:N and UI:N; 1 (AV:N or PR:N or UI:N) and not all and not AV:P; 2 else.
  if (is("AV", "N") && is("PR", "N") && is("UI", "N")) {
    eq[0] = 0;
  } else if ((is("AV", "N") || is("PR", "N") || is("UI", "N")) && !is("AV", "P")) {
    eq[0] = 1;
  } else {
    eq[0] = 2;
  }
  // EQ2: 0 AC:L and AT:N; 1 else.
  eq[1] = (is("AC", "L") && is("AT", "N")) ? 0 : 1;
  // EQ3: 0 VC:H and VI:H; 1 VC:H or VI:H or VA:H; 2 else.
  if (is("VC", "H") && is("VI", "H")) {
    eq[2] = 0;
  } else if (is("VC", "H") || is("VI", "H") || is("VA", "H")) {
    eq[2] = 1;
  } else {
    eq[2] = 2;
  }
  // EQ4: 0 MSI:S or MSA:S; 1 SC:H or SI:H or SA:H; 2 else.
  if (is("MSI", "S") || is("MSA", "S")) {
    eq[3] = 0;
  } else if (is("SC", "H") || is("SI", "H") || is("SA", "H")) {
    eq[3] = 1;
  } else {
    eq[3] = 2;
  }
  // EQ5: E:A 0, E:P 1, E:U 2.
  eq[4] = is("E", "A") ? 0 : is("E", "P") ? 1 : 2;
  // EQ6: 0 (CR:H and VC:H) or (IR:H and VI:H) or (AR:H and VA:H); 1 else.
  eq[5] = ((is("CR", "H") && is("VC", "H")) || (is("IR", "H") && is("VI", "H")) ||
           (is("AR", "H") && is("VA", "H")))
              ? 0
              : 1;
  return eq;
}

// A value's position in its metric's severity order (0 = most severe).
int level(const Tables& t, std::string_view metric, std::string_view value) {
  return t.severity_index(metric, value);
}

std::string_view lookup(const Fragment& fragment, std::string_view metric) {
  for (const auto& [name, value] : fragment) {
    if (name == metric) return value;
  }
  return {};
}

// The metrics whose distance to a highest-severity vector is measured, in
// the calculator's order.
constexpr std::string_view kDistanceMetrics[] = {"AV", "PR", "UI", "AC", "AT", "VC", "VI",
                                                 "VA", "SC", "SI", "SA", "CR", "IR", "AR"};
constexpr std::size_t kDistances = std::size(kDistanceMetrics);

double js_round_tenths(double value) {
  // Math.round(value * 10) / 10: halves round towards +infinity.
  const double shifted = value * 10;
  const double floor = std::floor(shifted);
  return (shifted - floor >= 0.5 ? floor + 1 : floor) / 10;
}

double score_view(const View& v) {
  const Tables& t = v4::tables();
  bool no_impact = true;
  for (std::string_view metric : {"VC", "VI", "VA", "SC", "SI", "SA"}) {
    if (v.m(metric) != "N") no_impact = false;
  }
  if (no_impact) return 0.0;

  const MacroVector eq = macro_vector(v);
  double value = t.macro_score(eq);

  auto shifted = [&](int index, int by) {
    MacroVector lower = eq;
    lower[index] += by;
    return lower;
  };
  const double score_eq1_lower = t.macro_score(shifted(0, 1));
  const double score_eq2_lower = t.macro_score(shifted(1, 1));
  double score_eq3eq6_lower;
  const int eq3 = eq[2], eq6 = eq[5];
  if ((eq3 == 1 && eq6 == 1) || (eq3 == 0 && eq6 == 1)) {
    score_eq3eq6_lower = t.macro_score(shifted(2, 1));
  } else if (eq3 == 1 && eq6 == 0) {
    score_eq3eq6_lower = t.macro_score(shifted(5, 1));
  } else if (eq3 == 0 && eq6 == 0) {
    const double left = t.macro_score(shifted(5, 1));
    const double right = t.macro_score(shifted(2, 1));
    score_eq3eq6_lower = left > right ? left : right;
  } else {
    MacroVector lower = shifted(2, 1);
    lower[5] += 1;
    score_eq3eq6_lower = t.macro_score(lower);
  }
  const double score_eq4_lower = t.macro_score(shifted(3, 1));
  const double score_eq5_lower = t.macro_score(shifted(4, 1));

  // Distances to the first composed highest-severity vector that no metric
  // is more severe than. One always exists (checked over all 11.3 million
  // combinations of the values that enter distances, MSI/MSA:S included).
  int distance[kDistances] = {};
  auto measure = [&] {
    for (const Fragment& f1 : t.highest(0, eq[0])) {
      for (const Fragment& f2 : t.highest(1, eq[1])) {
        for (const Fragment& f36 : t.highest_eq3_eq6(eq3, eq6)) {
          for (const Fragment& f4 : t.highest(3, eq[3])) {
            // EQ5's fragments hold only E, which has no distance: one pass
            // per fragment, as the calculator composes them.
            for (std::size_t k = 0; k < t.highest(4, eq[4]).size(); ++k) {
              bool all_non_negative = true;
              for (std::size_t i = 0; i < kDistances; ++i) {
                const std::string_view metric = kDistanceMetrics[i];
                std::string_view max_value = lookup(f1, metric);
                if (max_value.empty()) max_value = lookup(f2, metric);
                if (max_value.empty()) max_value = lookup(f36, metric);
                if (max_value.empty()) max_value = lookup(f4, metric);
                distance[i] = level(t, metric, v.m(metric)) - level(t, metric, max_value);
                if (distance[i] < 0) all_non_negative = false;
              }
              if (all_non_negative) return;
            }
          }
        }
      }
    }
  };
  measure();

  const int current_eq1 = distance[0] + distance[1] + distance[2];
  const int current_eq2 = distance[3] + distance[4];
  const int current_eq3eq6 =
      distance[5] + distance[6] + distance[7] + distance[11] + distance[12] + distance[13];
  const int current_eq4 = distance[8] + distance[9] + distance[10];

  const double available_eq1 = value - score_eq1_lower;
  const double available_eq2 = value - score_eq2_lower;
  const double available_eq3eq6 = value - score_eq3eq6_lower;
  const double available_eq4 = value - score_eq4_lower;
  const double available_eq5 = value - score_eq5_lower;

  // Proportions of the distance to the next lower MacroVector (the
  // calculator's maxSeverity is depth + 1).
  auto proportion = [](int steps, int depth) {
    return static_cast<double>(steps) / static_cast<double>(depth + 1);
  };

  int n_existing_lower = 0;
  double normalized_eq1 = 0, normalized_eq2 = 0, normalized_eq3eq6 = 0, normalized_eq4 = 0,
         normalized_eq5 = 0;
  if (!std::isnan(available_eq1)) {
    ++n_existing_lower;
    normalized_eq1 = available_eq1 * proportion(current_eq1, t.depth(0, eq[0]));
  }
  if (!std::isnan(available_eq2)) {
    ++n_existing_lower;
    normalized_eq2 = available_eq2 * proportion(current_eq2, t.depth(1, eq[1]));
  }
  if (!std::isnan(available_eq3eq6)) {
    ++n_existing_lower;
    normalized_eq3eq6 = available_eq3eq6 * proportion(current_eq3eq6, t.depth_eq3_eq6(eq3, eq6));
  }
  if (!std::isnan(available_eq4)) {
    ++n_existing_lower;
    normalized_eq4 = available_eq4 * proportion(current_eq4, t.depth(3, eq[3]));
  }
  if (!std::isnan(available_eq5)) {
    ++n_existing_lower;  // an EQ5 distance is always 0
    normalized_eq5 = available_eq5 * 0;
  }
  const double mean_distance = n_existing_lower == 0
                                   ? 0
                                   : (normalized_eq1 + normalized_eq2 + normalized_eq3eq6 +
                                      normalized_eq4 + normalized_eq5) /
                                         n_existing_lower;
  value -= mean_distance;
  if (value < 0) value = 0.0;
  if (value > 10) value = 10.0;
  return js_round_tenths(value);
}

}  // namespace

namespace detail {

Scores score_v4(const Vector& vector) {
  Scores scores;
  scores.base = score_view(View{vector, false, false});
  scores.temporal = score_view(View{vector, true, false});
  scores.environmental = score_view(View{vector, true, true});
  return scores;
}

}  // namespace detail

double score_v4(const Vector& vector) {
  if (vector.version() != Version::v4_0) return 0;
  return score_view(View{vector, true, true});
}

}  // namespace lotse::cvss
