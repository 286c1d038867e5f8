// SARIF 2.1.0 output (csaf/sarif.hpp) and the rendering of skipped tests in
// every output format (csaf/report.hpp, csaf/sarif.hpp). Logs are checked
// against the OASIS SARIF 2.1.0 schema with Lotse's own schema engine.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "csaf/report.hpp"
#include "csaf/sarif.hpp"
#include "csaf/test_registry.hpp"
#include "json/parser.hpp"
#include "json/pointer.hpp"
#include "support/sarif_schema.hpp"
#include "support/testsuites.hpp"

namespace lotse::csaf {
namespace {

namespace fs = std::filesystem;
using lotse::testing::read_text;
using lotse::testing::sarif_violations;
using lotse::testing::testsuites_dir;


const json::Value& at(const json::Document& doc, const std::string& pointer) {
  const json::Value* value = json::resolve_pointer(doc.root(), pointer);
  EXPECT_NE(value, nullptr) << pointer;
  static const json::Value none{};
  return value ? *value : none;
}

Finding finding(std::string test, Severity severity, std::string pointer, std::size_t line,
                std::size_t column) {
  return Finding{std::move(test), severity, std::move(pointer), "what is wrong", {}, line, column};
}

// The schema check below is only worth something if it can fail.
TEST(SarifSchema, RejectsLogsThatBreakSarif) {
  SarifWriter writer(sarif_rules(ValidateOptions{}), {"a.json"}, "1.0.0", "/");
  const std::string good = writer.begin() + writer.end(0);
  auto valid = json::parse(good);
  ASSERT_TRUE(valid);
  EXPECT_EQ(sarif_violations(*valid), "");
  for (auto [from, to] : {std::pair{"\"version\":\"2.1.0\"", "\"version\":\"2.0.0\""},
                          std::pair{"\"level\":\"error\"", "\"level\":\"fatal\""},
                          std::pair{"\"uri\":\"a.json\"", "\"uri\":\"a b.json\""}}) {
    std::string broken = good;
    ASSERT_NE(broken.find(from), std::string::npos) << from;
    broken.replace(broken.find(from), std::string_view(from).size(), to);
    auto doc = json::parse(broken);
    ASSERT_TRUE(doc);
    EXPECT_NE(sarif_violations(*doc), "") << to;
  }
}

TEST(UriReferenceForPath, PercentEncodesAllButUnreservedCharactersAndSlashes) {
  EXPECT_EQ(uri_reference_for_path("dir/x-y_z.~1.json"), "dir/x-y_z.~1.json");
  EXPECT_EQ(uri_reference_for_path("../up/a.json"), "../up/a.json");
  EXPECT_EQ(uri_reference_for_path("a b:ü#?%.json"), "a%20b%3A%C3%BC%23%3F%25.json");
  EXPECT_EQ(uri_reference_for_path("/abs/file.json"), "/abs/file.json");
}

TEST(UriReferenceForPath, CollapsesLeadingSlashesSoNoAuthorityIsRead) {
  EXPECT_EQ(uri_reference_for_path("//host/x.json"), "/host/x.json");
  EXPECT_EQ(uri_reference_for_path("///x.json"), "/x.json");
}

TEST(ToUtf16Columns, CountsCodeUnitsOfTheLineBeforeTheFinding) {
  // "ü" is 2 bytes and 1 UTF-16 unit, "😀" 4 bytes and 2 units (a pair).
  const std::string source = "{\"a\":\"\xC3\xBC\",\"b\":\"\xF0\x9F\x98\x80\",\"c\":1,\n\"d\":2}";
  const std::size_t c_byte_column = source.find("1,") + 1;  // 1-based
  DocumentResult result;
  result.findings.push_back(finding("schema", Severity::error, "/c", 1, c_byte_column));
  result.findings.push_back(finding("schema", Severity::error, "/d", 2, 6));
  result.findings.push_back(finding("json", Severity::error, "", 0, 0));
  to_utf16_columns(result, source);
  EXPECT_EQ(result.findings[0].column, c_byte_column - 1 - 2);
  EXPECT_EQ(result.findings[1].column, 6u) << "a later line is not shifted by an earlier one";
  EXPECT_EQ(result.findings[2].column, 0u) << "unknown places stay unknown";
}

TEST(ToUtf16Columns, LeavesAsciiDocumentsAlone) {
  EXPECT_FALSE(columns_need_conversion("{\"a\": 1}"));
  EXPECT_TRUE(columns_need_conversion("{\"a\": \"\xC3\xBC\"}"));
  DocumentResult result;
  result.findings.push_back(finding("schema", Severity::error, "/a", 1, 7));
  to_utf16_columns(result, "{\"a\": 1}");
  EXPECT_EQ(result.findings[0].column, 7u);
}

std::vector<std::string> rule_ids(const std::vector<SarifRule>& rules) {
  std::vector<std::string> ids;
  for (const SarifRule& r : rules) ids.push_back(r.id);
  return ids;
}

TEST(SarifRules, PresetBasicListsLotsesOwnChecksAndEveryMandatoryTest) {
  ValidateOptions options;
  options.preset = Preset::basic;
  const std::vector<SarifRule> rules = sarif_rules(options);
  ASSERT_EQ(rules.size(), 3 + mandatory::tests().size());
  EXPECT_EQ(rules[0].id, "json");
  EXPECT_EQ(rules[1].id, "schema");
  EXPECT_EQ(rules[2].id, "preset");
  EXPECT_EQ(rules[3].id, "6.1.1");
  EXPECT_EQ(rules[3].name, "MissingDefinitionOfProductID");
  EXPECT_EQ(rules[3].title, "Missing Definition of Product ID");
  EXPECT_EQ(rules[3].severity, Severity::error);
}

TEST(SarifRules, PresetSchemaHasNoCsafTests) {
  ValidateOptions options;
  options.preset = Preset::schema;
  EXPECT_EQ(rule_ids(sarif_rules(options)), (std::vector<std::string>{"json", "schema"}));
}

TEST(SarifRules, PresetFullListsEveryRegisteredTestOnce) {
  ValidateOptions options;
  options.preset = Preset::full;
  const std::vector<std::string> ids = rule_ids(sarif_rules(options));
  std::set<std::string> distinct(ids.begin(), ids.end());
  EXPECT_EQ(distinct.size(), ids.size());
  for (const TestDefinition& test : all_tests()) {
    EXPECT_TRUE(distinct.count(std::string(test.id))) << test.id;
  }
}

TEST(SarifRules, TestListSelectsExactlyThoseTests) {
  ValidateOptions options;
  options.preset = Preset::full;  // ignored when tests are listed
  options.tests = {"6.1.13"};
  EXPECT_EQ(rule_ids(sarif_rules(options)), (std::vector<std::string>{"json", "6.1.13"}));
  options.tests = {"6.1.2", "schema", "6.1.1"};
  EXPECT_EQ(rule_ids(sarif_rules(options)), (std::vector<std::string>{"json", "schema", "6.1.1", "6.1.2"}));
}

ValidateOptions basic_options() {
  ValidateOptions options;
  options.preset = Preset::basic;
  return options;
}

TEST(SarifWriter, StreamsOneValidLogWithFindingsSkipsAndErrors) {
  const std::vector<std::string> files{"a.json", "-", "a.json", "missing file.json"};
  SarifWriter writer(sarif_rules(basic_options()), files, "9.8.7", "/work dir");
  std::string log = writer.begin();

  DocumentResult a;
  a.file = "a.json";
  a.findings.push_back(finding("6.1.1", Severity::error, "/product_tree/product_groups/0/product_ids/0", 31, 11));
  a.findings.push_back(finding("schema", Severity::error, "", 1, 1));
  a.skipped.push_back(SkippedTest{"6.3.6", "needs --online"});
  log += writer.add(writer.render(a, 0));
  DocumentResult clean;
  clean.file = "-";
  EXPECT_EQ(writer.render(clean, 1), "") << "a document without findings adds nothing";
  log += writer.add(writer.render(clean, 1));
  DocumentResult again = a;
  again.skipped.clear();
  log += writer.add(writer.render(again, 2));
  writer.note_error(3, "missing file.json: No such file or directory");
  log += writer.end(2);

  auto doc = json::parse(log);
  ASSERT_TRUE(doc) << doc.error().describe() << "\n" << log;
  EXPECT_EQ(sarif_violations(*doc), "") << log;
  EXPECT_EQ(at(*doc, "/version").as_string(), "2.1.0");
  EXPECT_EQ(at(*doc, "/runs").size(), 1u);
  EXPECT_EQ(at(*doc, "/runs/0/tool/driver/name").as_string(), "lotse");
  EXPECT_EQ(at(*doc, "/runs/0/tool/driver/version").as_string(), "9.8.7");
  EXPECT_EQ(at(*doc, "/runs/0/originalUriBaseIds/CWD/uri").as_string(), "file:///work%20dir/");

  // A file named twice is one artifact; standard input has no uri.
  EXPECT_EQ(at(*doc, "/runs/0/artifacts").size(), 3u);
  EXPECT_EQ(at(*doc, "/runs/0/artifacts/0/location/uri").as_string(), "a.json");
  EXPECT_EQ(json::resolve_pointer(doc->root(), "/runs/0/artifacts/1/location/uri"), nullptr);
  EXPECT_EQ(at(*doc, "/runs/0/artifacts/1/location/description/text").as_string(), "standard input");
  EXPECT_EQ(at(*doc, "/runs/0/artifacts/2/location/uri").as_string(), "missing%20file.json");

  const json::Value& results = at(*doc, "/runs/0/results");
  ASSERT_EQ(results.size(), 5u);
  EXPECT_EQ(at(*doc, "/runs/0/results/0/ruleId").as_string(), "6.1.1");
  EXPECT_EQ(at(*doc, "/runs/0/results/0/ruleIndex").as_double(), 3);
  EXPECT_EQ(at(*doc, "/runs/0/results/0/level").as_string(), "error");
  EXPECT_EQ(at(*doc, "/runs/0/results/0/locations/0/physicalLocation/region/startLine").as_double(), 31);
  EXPECT_EQ(at(*doc, "/runs/0/results/0/locations/0/physicalLocation/region/startColumn").as_double(), 11);
  EXPECT_EQ(at(*doc, "/runs/0/results/0/locations/0/logicalLocations/0/fullyQualifiedName").as_string(),
            "/product_tree/product_groups/0/product_ids/0");
  EXPECT_EQ(at(*doc, "/runs/0/results/0/properties/jsonPointer").as_string(),
            "/product_tree/product_groups/0/product_ids/0");
  EXPECT_EQ(at(*doc, "/runs/0/results/1/properties/jsonPointer").as_string(), "");
  EXPECT_EQ(json::resolve_pointer(doc->root(), "/runs/0/results/1/locations/0/logicalLocations"), nullptr)
      << "the document root has no logical location";
  // The skipped test: not applicable, no level of its own.
  EXPECT_EQ(at(*doc, "/runs/0/results/2/ruleId").as_string(), "6.3.6");
  EXPECT_EQ(at(*doc, "/runs/0/results/2/kind").as_string(), "notApplicable");
  EXPECT_EQ(at(*doc, "/runs/0/results/2/level").as_string(), "none");
  EXPECT_EQ(at(*doc, "/runs/0/results/2/message/text").as_string(), "skipped: needs --online");
  // The second mention of a.json points at the same artifact.
  EXPECT_EQ(at(*doc, "/runs/0/results/3/locations/0/physicalLocation/artifactLocation/index").as_double(), 0);

  EXPECT_FALSE(at(*doc, "/runs/0/invocations/0/executionSuccessful").as_bool());
  EXPECT_EQ(at(*doc, "/runs/0/invocations/0/exitCode").as_double(), 2);
  EXPECT_EQ(at(*doc, "/runs/0/invocations/0/toolExecutionNotifications/0/message/text").as_string(),
            "missing file.json: No such file or directory");
  EXPECT_EQ(at(*doc,
               "/runs/0/invocations/0/toolExecutionNotifications/0/locations/0/physicalLocation/"
               "artifactLocation/index")
                .as_double(),
            2);
}

TEST(SarifWriter, RunWithoutDocumentsIsValidSarif) {
  SarifWriter writer(sarif_rules(basic_options()), {}, "1.0.0", "");
  const std::string log = writer.begin() + writer.end(0);
  auto doc = json::parse(log);
  ASSERT_TRUE(doc) << log;
  EXPECT_EQ(sarif_violations(*doc), "") << log;
  EXPECT_EQ(at(*doc, "/runs/0/results").size(), 0u);
  EXPECT_TRUE(at(*doc, "/runs/0/invocations/0/executionSuccessful").as_bool());
}

TEST(SarifWriter, InfoFindingsBecomeNotesAndWarningsStayWarnings) {
  SarifWriter writer(sarif_rules(basic_options()), {"x.json"}, "1.0.0", "/");
  DocumentResult result;
  result.findings.push_back(finding("preset", Severity::info, "/document/csaf_version", 3, 5));
  result.findings.push_back(finding("6.2.1", Severity::warning, "/a", 4, 5));
  auto doc = json::parse(writer.begin() + writer.add(writer.render(result, 0)) + writer.end(0));
  ASSERT_TRUE(doc);
  EXPECT_EQ(at(*doc, "/runs/0/results/0/level").as_string(), "note");
  EXPECT_EQ(at(*doc, "/runs/0/results/1/level").as_string(), "warning");
  EXPECT_EQ(json::resolve_pointer(doc->root(), "/runs/0/results/1/ruleIndex"), nullptr)
      << "a test outside the selected rules has no rule index";
}

TEST(SkippedTests, TextHasOneLinePerSkippedTestAfterTheFindings) {
  DocumentResult result;
  result.file = "a.json";
  result.findings.push_back(finding("6.1.1", Severity::error, "/x", 2, 3));
  result.skipped.push_back(SkippedTest{"6.3.6", "needs --online"});
  result.skipped.push_back(SkippedTest{"6.3.7", "needs --online"});
  EXPECT_EQ(render_text(result),
            "a.json:2:3: error [6.1.1] /x: what is wrong\n"
            "a.json: skipped [6.3.6]: needs --online\n"
            "a.json: skipped [6.3.7]: needs --online\n");
}

TEST(SkippedTests, JsonLinesCarryASkippedArrayAlways) {
  DocumentResult result;
  result.file = "a.json";
  EXPECT_EQ(render_json_line(result), "{\"file\":\"a.json\",\"valid\":true,\"results\":[],\"skipped\":[]}\n");
  result.skipped.push_back(SkippedTest{"6.3.6", "needs --online"});
  EXPECT_EQ(render_json_line(result),
            "{\"file\":\"a.json\",\"valid\":true,\"results\":[],"
            "\"skipped\":[{\"test\":\"6.3.6\",\"reason\":\"needs --online\"}]}\n");
}

// Every file of the OASIS validator corpus (mandatory, optional,
// informative) under preset full, through the writer as `lotse validate`
// uses it: one log, valid against the SARIF schema, every result's rule
// index naming its rule.
TEST(SarifCorpus, WholeOasisCorpusUnderPresetFullIsValidSarif) {
  const fs::path data = testsuites_dir() / "csaf" / "csaf_2.0" / "test" / "validator" / "data";
  std::vector<std::string> files;
  for (const char* group : {"mandatory", "optional", "informative"}) {
    for (const auto& entry : fs::directory_iterator(data / group)) {
      if (entry.path().extension() == ".json") files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  ASSERT_GT(files.size(), 200u);
  ValidateOptions options;
  options.preset = Preset::full;
  SarifWriter writer(sarif_rules(options), files, "0.0.0", fs::current_path().string());
  std::string log = writer.begin();
  std::size_t findings = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::string text = read_text(files[i]);
    const std::string source = text;
    DocumentResult result = validate_document(std::move(text), files[i], options);
    to_utf16_columns(result, source);
    findings += result.findings.size();
    log += writer.add(writer.render(result, i));
  }
  log += writer.end(1);

  auto doc = json::parse(log);
  ASSERT_TRUE(doc) << doc.error().describe();
  EXPECT_EQ(sarif_violations(*doc), "");
  EXPECT_EQ(at(*doc, "/runs/0/artifacts").size(), files.size());
  const json::Value& rules = at(*doc, "/runs/0/tool/driver/rules");
  const json::Value& results = at(*doc, "/runs/0/results");
  EXPECT_GE(results.size(), findings);
  EXPECT_GT(findings, files.size() / 2) << "the corpus is mostly failing cases";
  for (const json::Value& r : results.items()) {
    const json::Value* index = r.find("ruleIndex");
    ASSERT_NE(index, nullptr) << "every finding's test is a selected rule: " << r.find("ruleId")->as_string();
    const json::Value* rule = rules.at(static_cast<std::size_t>(index->as_double()));
    ASSERT_NE(rule, nullptr);
    EXPECT_EQ(rule->find("id")->as_string(), r.find("ruleId")->as_string());
  }
}

}  // namespace
}  // namespace lotse::csaf
