// Runs the shared CVSS suites (testsuites/cvss/cvss-v*.jsonl, README there):
// every row's vector must parse, and its scores must equal ours to the
// tenth. Prints "N passed, N failed" per file and fails on any failure.
// Rows are read with nlohmann-json, independently of Lotse's parser.
//
// Four rows state a score that the specification's equations do not give
// (kSuiteErrata, with the arithmetic). For those the test asserts the
// specification's value instead, and fails if the suite's value changes
// (so a corrected suite retires the entry).
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "cvss/score.hpp"
#include "cvss/vector.hpp"
#include "support/testsuites.hpp"

namespace lotse::cvss {
namespace {

struct Erratum {
  std::string_view vector;
  std::string_view field;
  double specification;    // the score the specification's equations give
  std::string_view suite;  // what the suite states, and why it is wrong
};

// The one list of suite rows not matched, with the reason for each.
constexpr Erratum kSuiteErrata[] = {
    {"AV:A/AC:M/Au:N/C:C/I:C/A:P/E:U/RL:TF/RC:ND/CDP:H/TD:ND/CR:ND/IR:ND/AR:H", "environmental",
     8.0,
     "7.9. Guide 3.2.3: AdjustedImpact = 10.41 x (1 - 0.34 x 0.34 x (1 - 0.275 x 1.51)) = 9.706, "
     "AdjustedBase 7.7, AdjustedTemporal 7.7 x 0.85 x 0.90 = 5.9, (5.9 + 4.1 x 0.5) x 1 = 7.95 "
     "-> 8.0. 7.9 is what AR:H weighted 0.51 instead of 1.51 gives."},
    {"AV:A/AC:H/Au:N/C:C/I:C/A:C/E:U/RL:ND/RC:C/CDP:L/TD:L/CR:H/IR:M/AR:ND", "environmental", 1.6,
     "1.5. AdjustedImpact 10 (capped), AdjustedBase 6.8, AdjustedTemporal 6.8 x 0.85 = 5.8, "
     "(5.8 + 4.2 x 0.1) x 0.25 = 1.555 -> 1.6. 1.5 is what CR:H weighted 0.51 gives."},
    {"CVSS:3.1/AV:P/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:N/E:X/RL:T/RC:C", "environmental", 6.8,
     "6.7. Roundup(Roundup(1.08 x (5.7467 + 0.7317)) x 0.96) = Roundup(7.0 x 0.96) = "
     "Roundup(6.72) = 6.8. 6.7 is 6.72 rounded to nearest, not up."},
    {"CVSS:3.1/AV:L/AC:H/PR:L/UI:R/S:C/C:N/I:H/A:L/RL:W/RC:X", "environmental", 5.9,
     "5.8. Roundup(Roundup(1.08 x (4.7147 + 0.8387)) x 0.97) = Roundup(6.0 x 0.97) = "
     "Roundup(5.82) = 5.9. 5.8 is 5.82 rounded to nearest, not up."},
};

const Erratum* erratum(std::string_view vector, std::string_view field) {
  for (const Erratum& e : kSuiteErrata) {
    if (e.vector == vector && e.field == field) return &e;
  }
  return nullptr;
}

long long tenths(double score) { return std::llround(score * 10); }

std::string show(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", score);
  return buf;
}

struct Tally {
  int passed = 0;
  int failed = 0;
  int errata = 0;
  std::string first_failures;
  void fail(const std::string& line) {
    if (++failed <= 10) first_failures += "  " + line + "\n";
  }
};

// Checks one row; returns "" when it matches, else what differs.
std::string check_row(const nlohmann::json& row, Version version, int* errata) {
  const std::string text = row.at("vector").get<std::string>();
  auto vector = parse(text, version);
  if (!vector) return text + ": " + vector.error();
  const Scores scores = score(*vector);
  std::string problems;
  auto expect = [&](const char* field, double got) {
    const double want = row.at(field).get<double>();
    if (const Erratum* e = erratum(text, field)) {
      ++*errata;
      if (tenths(got) != tenths(e->specification)) {
        problems += std::string(" ") + field + " " + show(got) + " != specification " +
                    show(e->specification);
      }
      if (tenths(want) == tenths(e->specification)) {
        problems += " the suite now agrees with the specification: drop the erratum";
      }
      return;
    }
    if (tenths(got) != tenths(want)) {
      problems += std::string(" ") + field + " " + show(got) + " != " + show(want);
    }
  };
  if (version == Version::v4_0) {
    expect("score", scores.environmental);
    if (tenths(score_v4(*vector)) != tenths(scores.environmental)) problems += " score_v4 differs";
  } else {
    expect("base", scores.base);
    expect("temporal", scores.temporal);
    expect("environmental", scores.environmental);
  }
  // The canonical form parses back to the same scores (v2/v4 vectors are
  // canonical already, v3.x ones may be written in any order).
  auto again = parse(to_string(*vector));
  if (!again) {
    problems += " to_string does not parse: " + again.error();
  } else if (version != Version::v3_0 && version != Version::v3_1 && to_string(*again) != text) {
    problems += " to_string changed a canonical vector";
  }
  return problems.empty() ? "" : text + ":" + problems;
}

void run_file(const char* file, Version version) {
  const auto path = lotse::testing::testsuites_dir() / "cvss" / file;
  std::ifstream in(path);
  ASSERT_TRUE(in) << "cannot read " << path;
  Tally tally;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::string problem = check_row(nlohmann::json::parse(line), version, &tally.errata);
    if (problem.empty()) {
      ++tally.passed;
    } else {
      tally.fail(problem);
    }
  }
  std::cout << file << ": " << tally.passed << " passed, " << tally.failed << " failed";
  if (tally.errata > 0) {
    std::cout << " (" << tally.errata
              << " of the passed hold the specification's score, not the suite's: kSuiteErrata)";
  }
  std::cout << "\n" << tally.first_failures;
  EXPECT_EQ(tally.failed, 0) << tally.first_failures;
  int listed = 0;  // every erratum of this version must still be in the suite
  for (const Erratum& e : kSuiteErrata) {
    auto v = parse(e.vector);
    if (v && v->version() == version) ++listed;
  }
  EXPECT_EQ(tally.errata, listed) << "an erratum's row is no longer in " << file;
  EXPECT_GE(tally.passed, 3000);
}

TEST(CvssSuite, V2) { run_file("cvss-v2.0.jsonl", Version::v2_0); }
TEST(CvssSuite, V30) { run_file("cvss-v3.0.jsonl", Version::v3_0); }
TEST(CvssSuite, V31) { run_file("cvss-v3.1.jsonl", Version::v3_1); }
TEST(CvssSuite, V40) { run_file("cvss-v4.0.jsonl", Version::v4_0); }

}  // namespace
}  // namespace lotse::cvss
