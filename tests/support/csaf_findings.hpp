// Runs one CSAF test on an inline document and returns that test's findings:
// the building block of the hand-written spec cases under tests/csaf/.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "csaf/validator.hpp"

namespace lotse::testing {

inline std::vector<csaf::Finding> findings_of(const std::string& test_id, std::string text) {
  csaf::ValidateOptions options;
  options.tests = {test_id};
  csaf::DocumentResult result = csaf::validate_document(std::move(text), "case.json", options);
  std::vector<csaf::Finding> out;
  for (csaf::Finding& f : result.findings) {
    // Spec cases are meant to parse: a "json" finding is a broken case.
    EXPECT_NE(f.test, "json") << f.message;
    if (f.test == test_id) out.push_back(std::move(f));
  }
  return out;
}

inline std::string describe(const std::vector<csaf::Finding>& findings) {
  std::string out;
  for (const csaf::Finding& f : findings) out += "\n  [" + f.test + "] " + f.pointer + ": " + f.message;
  return out;
}

}  // namespace lotse::testing
