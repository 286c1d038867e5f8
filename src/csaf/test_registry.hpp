// The CSAF tests of specification section 6 (mandatory 6.1.x; optional and
// informative tests join later), each a named function registered in one
// list with its id, name and severity: "where is test 6.1.13?" is answered
// by `find_test("6.1.13")` and by grepping the registry for "6.1.13".
//
// A test reads the parsed document through a TestContext and reports
// findings with JSON pointers; it must never assume the document passed the
// schema (tests run even when it did not), so every access checks types.
//
// Thread safety: the registry is immutable; a TestContext belongs to one
// validation on one thread.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "csaf/finding.hpp"
#include "json/value.hpp"

namespace lotse::csaf {

class TestContext {
 public:
  TestContext(const json::Document& document, const json::LineIndex& lines,
              std::string_view test_id, Severity severity, DocumentResult& result)
      : document_(document), lines_(lines), test_id_(test_id), severity_(severity), result_(result) {}

  const json::Value& root() const { return document_.root(); }
  const json::Document& document() const { return document_; }

  // Records a finding of this test at `pointer` (RFC 6901 into the
  // document); the line and column come from the value found there (or its
  // nearest existing parent). The message says what is wrong and what was
  // expected.
  void report(std::string pointer, std::string message);

 private:
  const json::Document& document_;
  const json::LineIndex& lines_;
  std::string_view test_id_;
  Severity severity_;
  DocumentResult& result_;
};

using TestFunction = void (*)(TestContext&);

struct TestDefinition {
  std::string_view id;    // "6.1.13"
  std::string_view name;  // the section title, "PURL"
  Severity severity;      // error for mandatory, warning optional, info informative
  TestFunction run;
  std::string_view csaf_version = "2.0";  // the CSAF version whose section 6 defines it
};

// Every registered test, in specification order.
std::span<const TestDefinition> all_tests();

// The test with this id, or nullptr.
const TestDefinition* find_test(std::string_view id);

// Runs `test` on `document`, appending its findings to `result`; `lines`
// indexes the document's text for finding locations.
void run_test(const TestDefinition& test, const json::Document& document,
              const json::LineIndex& lines, DocumentResult& result);

}  // namespace lotse::csaf
