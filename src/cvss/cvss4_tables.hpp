// The data CVSS v4.0 scoring interpolates over (specification section 8):
// the score of each MacroVector, the highest-severity vectors and depth of
// each EQ level, and the severity order of metric values. It lives in
// resources/data/cvss/cvss-v4.0-tables.json (see the README there), embedded
// in the binary and parsed once, on first use.
//
// Internal to src/cvss: cvss4.cpp is the only user; tests check the table.
//
// Thread safety: tables() initialises a function-local static (thread-safe
// since C++11); the result is immutable.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lotse::cvss::v4 {

// EQ levels of a MacroVector: eq[0] is EQ1 ... eq[5] is EQ6.
using MacroVector = std::array<int, 6>;

// One highest-severity vector fragment, e.g. {{"AV","N"},{"PR","N"},{"UI","N"}}.
using Fragment = std::vector<std::pair<std::string, std::string>>;

struct Tables {
  // Score of a MacroVector, or NaN when the table has none (e.g. EQ1 level 3,
  // or the impossible EQ3 2 / EQ6 0).
  double macro_score(const MacroVector& eq) const;

  // Highest-severity fragments of EQ1, EQ2, EQ4, EQ5 at `level` (index 0..4
  // for EQ1, EQ2, EQ4, EQ5 is eq_index 0, 1, 3, 4), and of EQ3+EQ6.
  const std::vector<Fragment>& highest(int eq_index, int level) const;
  const std::vector<Fragment>& highest_eq3_eq6(int eq3, int eq6) const;

  // Depth of an EQ level (reference calculator: maxSeverity - 1).
  int depth(int eq_index, int level) const;
  int depth_eq3_eq6(int eq3, int eq6) const;

  // Severity position of `value` among `metric`'s values (0 = most severe),
  // or -1 when the table does not order that metric/value.
  int severity_index(std::string_view metric, std::string_view value) const;

  // The metrics and values of the specification's Table 23, in order.
  std::vector<std::pair<std::string, std::vector<std::string>>> table23;

  std::array<double, 3 * 2 * 3 * 3 * 3 * 2> scores{};
  std::array<std::array<std::vector<Fragment>, 3>, 5> fragments;  // [eq_index][level]
  std::array<std::array<std::vector<Fragment>, 2>, 3> fragments_eq3_eq6;
  std::array<std::array<int, 3>, 5> depths{};          // [eq_index][level], -1 if none
  std::array<std::array<int, 2>, 3> depths_eq3_eq6{};  // -1 if none
  std::vector<std::pair<std::string, std::vector<std::string>>> severity_order;
};

// The embedded tables. Throws std::logic_error if the embedded file is
// missing or malformed: a build defect, never a property of input.
const Tables& tables();

}  // namespace lotse::cvss::v4
