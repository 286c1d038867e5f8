// The CSAF tests of specification section 6 (mandatory 6.1.x, optional
// 6.2.x, informative 6.3.x), each a named function registered with its id,
// name and severity: "where is test 6.1.13?" is answered by
// `find_test("6.1.13")` and by grepping the group's registry.cpp
// (mandatory/, optional/, informative/) for "6.1.13".
//
// A test reads the parsed document through a TestContext and reports
// findings with JSON pointers; it must never assume the document passed the
// schema (tests run even when it did not), so every access checks types.
//
// Thread safety: the registry is immutable; a TestContext belongs to one
// validation on one thread.
#pragma once

#include <chrono>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <memory>
#include <optional>

#include "csaf/finding.hpp"
#include "csaf/product_id_index.hpp"
#include "json/pointer.hpp"
#include "json/value.hpp"

namespace lotse::csaf {

// What tests may need beyond the document: set by the caller (e.g. the
// flags of `lotse validate`), the same for every document of a run.
struct TestOptions {
  // Tests that need the network (6.3.6, 6.3.7) run only when this is set;
  // otherwise they record themselves as skipped.
  bool online = false;
  // curl-style "HOST:PORT:ADDRESS" entries that pin host names to addresses
  // for the online tests (tests map them to loopback).
  std::vector<std::string> resolve;
  // curl-style "HOST:PORT:CONNECT-TO-HOST:CONNECT-TO-PORT" entries: connect
  // elsewhere while keeping the URL's host (TLS name, Host header); an empty
  // HOST or PORT matches any. Tests send https://any-host/ to a loopback
  // server on an ephemeral port.
  std::vector<std::string> connect_to;
  // PEM file of CA certificates to trust instead of the system's; empty:
  // the system store.
  std::string ca_file;
  // Per request, for the online tests.
  std::chrono::milliseconds timeout{10000};
};

// What several tests of one document need, built on first use and shared
// by all of them: one walk over the product IDs instead of one per test.
// Not thread-safe; one per document validation.
class DocumentIndexes {
 public:
  // REQUIRES: `document` outlives this object.
  explicit DocumentIndexes(const json::Document& document) : document_(document) {}

  const ProductIdIndex& product_ids() {
    if (!product_ids_) product_ids_.emplace(document_.root());
    return *product_ids_;
  }

 private:
  const json::Document& document_;
  std::optional<ProductIdIndex> product_ids_;
};

class TestContext {
 public:
  TestContext(const json::Document& document, const json::LineIndex& lines,
              std::string_view test_id, Severity severity, DocumentResult& result,
              const TestOptions& options, DocumentIndexes& indexes)
      : document_(document),
        lines_(lines),
        test_id_(test_id),
        severity_(severity),
        result_(result),
        options_(options),
        indexes_(indexes) {}

  const json::Value& root() const { return document_.root(); }
  const json::Document& document() const { return document_; }
  const TestOptions& options() const { return options_; }
  // The file name the document came from, as given ("-" for stdin). No
  // CSAF 2.0 test needs it (6.2.11 compares the canonical URL with the
  // name section 5.1 derives from /document/tracking/id); publishing and
  // CSAF 2.1 will.
  const std::string& file() const { return result_.file; }

  // Records a finding of this test at `pointer` (RFC 6901 into the
  // document); the line and column come from the value found there (or its
  // nearest existing parent). The message says what is wrong and what was
  // expected.
  void report(std::string pointer, std::string message);
  // The same for a value of the document, whose pointer is looked up only
  // now (see DocumentIndexes).
  void report(const json::Value& at, std::string message);
  // The same when the caller has both the value and its pointer (walks that
  // build pointers as they go): no lookup at all.
  // REQUIRES: `pointer` names `at`.
  void report(const json::Value& at, std::string pointer, std::string message);

  // Product IDs and group IDs of the document, defined and referenced.
  const ProductIdIndex& product_ids() { return indexes_.product_ids(); }
  // The pointer of a value of the document (for messages that name a
  // second place, e.g. "already defined at ...").
  std::string pointer_to(const json::Value& value) { return json::pointer_to(root(), value); }

  // Records that this test did not run on the document and why (e.g. it
  // needs --online). Call it instead of reporting, not in addition.
  void skip(std::string reason);

 private:
  // The finding of this test at `pointer`, located at byte `offset`.
  void add_finding(std::size_t offset, std::string pointer, std::string message);

  const json::Document& document_;
  const json::LineIndex& lines_;
  std::string_view test_id_;
  Severity severity_;
  DocumentResult& result_;
  const TestOptions& options_;
  DocumentIndexes& indexes_;
};

using TestFunction = void (*)(TestContext&);

struct TestDefinition {
  std::string_view id;    // "6.1.13"
  std::string_view name;  // the section title, "PURL"
  Severity severity;      // error for mandatory, warning optional, info informative
  TestFunction run;
  std::string_view csaf_version = "2.0";  // the CSAF version whose section 6 defines it
};

// Every registered test, in specification order: mandatory, optional,
// informative.
std::span<const TestDefinition> all_tests();

// The tests of one group, each defined in its folder's registry.cpp.
namespace mandatory {
std::span<const TestDefinition> tests();
}
namespace optional {
std::span<const TestDefinition> tests();
}
namespace informative {
std::span<const TestDefinition> tests();
}

// The test with this id, or nullptr.
const TestDefinition* find_test(std::string_view id);

// Runs `test` on `document`, appending its findings to `result`; `lines`
// indexes the document's text for finding locations, `indexes` is shared by
// the tests of this document.
void run_test(const TestDefinition& test, const json::Document& document,
              const json::LineIndex& lines, DocumentResult& result,
              const TestOptions& options, DocumentIndexes& indexes);

}  // namespace lotse::csaf
