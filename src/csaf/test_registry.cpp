#include "json/pointer.hpp"
#include "csaf/test_registry.hpp"

namespace lotse::csaf {

void TestContext::report(std::string pointer, std::string message) {
  // Locate the value, or the nearest parent that exists (a finding may be
  // about something missing).
  const json::Value* at = nullptr;
  std::string probe = pointer;
  for (;;) {
    at = json::resolve_pointer(root(), probe);
    if (at || probe.empty()) break;
    probe.resize(probe.rfind('/'));
  }
  add_finding(at ? at->offset() : 0, std::move(pointer), std::move(message));
}

void TestContext::report(const json::Value& at, std::string message) {
  report(at, pointer_to(at), std::move(message));
}

void TestContext::report(const json::Value& at, std::string pointer, std::string message) {
  add_finding(at.offset(), std::move(pointer), std::move(message));
}

void TestContext::add_finding(std::size_t offset, std::string pointer, std::string message) {
  json::Location where = lines_.locate(offset);
  Finding finding;
  finding.test = std::string(test_id_);
  finding.severity = severity_;
  finding.pointer = std::move(pointer);
  finding.message = std::move(message);
  finding.line = where.line;
  finding.column = where.column;
  if (severity_ == Severity::error) result_.valid = false;
  result_.findings.push_back(std::move(finding));
}

void TestContext::skip(std::string reason) {
  result_.skipped.push_back(SkippedTest{std::string(test_id_), std::move(reason)});
}

void run_test(const TestDefinition& test, const json::Document& document,
              const json::LineIndex& lines, DocumentResult& result, const TestOptions& options,
              DocumentIndexes& indexes) {
  TestContext context(document, lines, test.id, test.severity, result, options, indexes);
  test.run(context);
}

std::span<const TestDefinition> all_tests() {
  static const std::vector<TestDefinition> tests = [] {
    std::vector<TestDefinition> all;
    for (auto group : {mandatory::tests(), optional::tests(), informative::tests()}) {
      all.insert(all.end(), group.begin(), group.end());
    }
    return all;
  }();
  return tests;
}

const TestDefinition* find_test(std::string_view id) {
  for (const TestDefinition& test : all_tests()) {
    if (test.id == id) return &test;
  }
  return nullptr;
}

}  // namespace lotse::csaf
