// The OASIS CSAF 2.0 validator corpus, groups `mandatory`, `optional` and
// `informative`: for every test id, each file in failures[] must fail that
// test and each file in valid[] must pass it. Only the test under
// examination runs on each file. The cases of the tests that need the
// network (6.3.6, 6.3.7) run in tests/csaf/informative/ against a loopback
// nginx instead (kNeedsNetwork).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "csaf/test_registry.hpp"
#include "csaf/validator.hpp"
#include "json/parser.hpp"
#include "support/testsuites.hpp"

namespace lotse::csaf {
namespace {

namespace fs = std::filesystem;

// The one list of corpus cases Lotse deliberately disagrees with, each with
// the specification sentence and BSI csaf-validator-lib's verdict.
struct CorpusException {
  std::string_view test_id;
  std::string_view file;
  std::string_view reason;
};
constexpr CorpusException kCorpusExceptions[] = {
    // (none yet)
};

// Tests whose corpus cases need a web server; their own test runs them.
constexpr std::string_view kNeedsNetwork[] = {"6.3.6", "6.3.7"};

bool needs_network(std::string_view id) {
  for (std::string_view n : kNeedsNetwork) {
    if (n == id) return true;
  }
  return false;
}

const CorpusException* exception_for(std::string_view id, std::string_view file) {
  for (const CorpusException& e : kCorpusExceptions) {
    if (e.test_id == id && file.ends_with(e.file)) return &e;
  }
  return nullptr;
}

fs::path corpus_dir() {
  return lotse::testing::testsuites_dir() / "csaf" / "csaf_2.0" / "test" / "validator" / "data";
}

struct Case {
  std::string group;
  std::string test_id;
  std::vector<std::string> failures;
  std::vector<std::string> valid;
};

std::vector<Case> corpus_cases(std::string_view group) {
  std::vector<Case> cases;
  auto doc = json::parse(lotse::testing::read_text(corpus_dir() / "testcases.json"));
  if (!doc) return cases;
  for (const json::Value& test : doc->root().find("tests")->items()) {
    if (test.find("group")->as_string() != group) continue;
    if (needs_network(test.find("id")->as_string())) continue;
    Case c;
    c.group = std::string(group);
    c.test_id = std::string(test.find("id")->as_string());
    for (std::string_view list : {"failures", "valid"}) {
      const json::Value* entries = test.find(list);
      if (!entries) continue;
      for (const json::Value& e : entries->items()) {
        (list == "failures" ? c.failures : c.valid).emplace_back(e.find("name")->as_string());
      }
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

std::size_t findings_of(const std::string& test_id, const std::string& file, std::string& messages) {
  ValidateOptions options;
  options.tests = {test_id};
  DocumentResult r = validate_document(lotse::testing::read_text(corpus_dir() / file), file, options);
  std::size_t count = 0;
  for (const Finding& f : r.findings) {
    if (f.test == test_id) {
      ++count;
      messages += "\n  " + f.pointer + ": " + f.message;
    } else if (f.test == "json") {
      messages += "\n  (not parseable) " + f.message;
    }
  }
  return count;
}

// gtest prints parameters in failure messages: name the test id.
void PrintTo(const Case& c, std::ostream* os) { *os << c.test_id; }

class Corpus : public ::testing::TestWithParam<Case> {};

TEST_P(Corpus, FailuresFailAndValidFilesPass) {
  const Case& c = GetParam();
  ASSERT_NE(find_test(c.test_id), nullptr) << "test " << c.test_id << " is not registered";
  for (const std::string& file : c.failures) {
    if (exception_for(c.test_id, file)) continue;
    std::string messages;
    EXPECT_GT(findings_of(c.test_id, file, messages), 0u) << file << " must fail " << c.test_id << messages;
  }
  for (const std::string& file : c.valid) {
    if (exception_for(c.test_id, file)) continue;
    std::string messages;
    EXPECT_EQ(findings_of(c.test_id, file, messages), 0u) << file << " must pass " << c.test_id << messages;
  }
}

std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  std::string name = "test_" + info.param.test_id;
  for (char& ch : name) {
    if (ch == '.') ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Mandatory20, Corpus, ::testing::ValuesIn(corpus_cases("mandatory")), case_name);
INSTANTIATE_TEST_SUITE_P(Optional20, Corpus, ::testing::ValuesIn(corpus_cases("optional")), case_name);
INSTANTIATE_TEST_SUITE_P(Informative20, Corpus, ::testing::ValuesIn(corpus_cases("informative")), case_name);

std::size_t registered_with_prefix(std::string_view prefix, Severity severity) {
  std::size_t count = 0;
  for (const TestDefinition& t : all_tests()) {
    if (t.id.starts_with(prefix)) {
      ++count;
      EXPECT_EQ(t.severity, severity) << t.id;
    }
  }
  return count;
}

TEST(Corpus, CoversAll43MandatoryTests) {
  EXPECT_EQ(registered_with_prefix("6.1.", Severity::error), 43u);
  EXPECT_EQ(corpus_cases("mandatory").size(), 43u);
}

TEST(Corpus, CoversAll20OptionalTests) {
  EXPECT_EQ(registered_with_prefix("6.2.", Severity::warning), 20u);
  EXPECT_EQ(corpus_cases("optional").size(), 20u);
}

TEST(Corpus, CoversAll11InformativeTests) {
  EXPECT_EQ(registered_with_prefix("6.3.", Severity::info), 11u);
  EXPECT_EQ(corpus_cases("informative").size() + std::size(kNeedsNetwork), 11u);
}

}  // namespace
}  // namespace lotse::csaf
