// What a validation says about one CSAF document: a list of findings, each
// naming the test, its severity, the place (JSON pointer plus line/column)
// and what is wrong. Plain values; thread-compatible.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::csaf {

enum class Severity { error, warning, info };

std::string_view severity_name(Severity severity);

struct Finding {
  std::string test;  // "json" (not parseable), "schema", later "6.1.13" ...
  Severity severity = Severity::error;
  std::string pointer;          // RFC 6901 into the document
  std::string message;
  std::string schema_location;  // for schema findings: the failing keyword
  std::size_t line = 0;         // 1-based; 0 when unknown
  std::size_t column = 0;
};

// A selected test that did not run on this document, and why (e.g. 6.3.6
// needs network access and runs only with --online).
struct SkippedTest {
  std::string test;    // "6.3.6"
  std::string reason;  // "needs --online"
};

struct DocumentResult {
  std::string file;  // as given on the command line ("-" for stdin)
  bool valid = true;  // no finding of severity error
  std::vector<Finding> findings;
  std::vector<SkippedTest> skipped;
};

}  // namespace lotse::csaf
