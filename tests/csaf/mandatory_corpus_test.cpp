// The OASIS CSAF 2.0 validator corpus, group `mandatory`: for every test id,
// each file in failures[] must fail that test and each file in valid[] must
// pass it. Only the test under examination runs on each file.
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
  std::string test_id;
  std::vector<std::string> failures;
  std::vector<std::string> valid;
};

std::vector<Case> mandatory_cases() {
  std::vector<Case> cases;
  auto doc = json::parse(lotse::testing::read_text(corpus_dir() / "testcases.json"));
  if (!doc) return cases;
  for (const json::Value& test : doc->root().find("tests")->items()) {
    if (test.find("group")->as_string() != "mandatory") continue;
    Case c;
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

class MandatoryCorpus : public ::testing::TestWithParam<Case> {};

TEST_P(MandatoryCorpus, FailuresFailAndValidFilesPass) {
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

INSTANTIATE_TEST_SUITE_P(Csaf20, MandatoryCorpus, ::testing::ValuesIn(mandatory_cases()), case_name);

TEST(MandatoryCorpus, CoversAll43MandatoryTests) {
  std::size_t mandatory = 0;
  for (const TestDefinition& t : all_tests()) mandatory += t.id.starts_with("6.1.");
  EXPECT_EQ(mandatory, 43u);
  EXPECT_EQ(mandatory_cases().size(), 43u);
}

}  // namespace
}  // namespace lotse::csaf
