// Runs the official JSON-Schema-Test-Suite against the schema engine.
//
// Required files of draft2020-12 (all but vocabulary.json), draft7 and
// draft4, plus optional/format for the formats Lotse asserts. Anything not
// run is listed in kSkipped with the reason. Prints "N passed, N failed" per
// dialect and fails on any failure.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <map>

#include "json/parser.hpp"
#include "json/writer.hpp"
#include "schema/schema.hpp"
#include "support/testsuites.hpp"

namespace lotse::schema {
namespace {

namespace fs = std::filesystem;

struct Skip {
  std::string_view dialect;
  std::string_view file;  // relative to tests/<dialect>/
  std::string_view reason;
};

// The one list of suite files not run, with the reason for each.
constexpr Skip kSkipped[] = {
    {"draft2020-12", "vocabulary.json",
     "custom $vocabulary sets are out of scope (the issue excludes this file)"},
};

// optional/format files for the formats Lotse asserts.
constexpr std::string_view kFormats[] = {"date-time", "date",  "time", "uri",     "uri-reference",
                                         "iri",       "email", "uuid", "regex", "json-pointer"};

bool skipped(std::string_view dialect, std::string_view file) {
  for (const Skip& s : kSkipped) {
    if (s.dialect == dialect && s.file == file) return true;
  }
  return false;
}

Registry suite_registry() {
  Registry registry;
  registry.add_embedded();
  const fs::path remotes = lotse::testing::testsuites_dir() / "json-schema-test-suite" / "remotes";
  for (const auto& entry : fs::recursive_directory_iterator(remotes)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    std::string rel = fs::relative(entry.path(), remotes).generic_string();
    auto ok = registry.add("http://localhost:1234/" + rel, lotse::testing::read_text(entry.path()));
    if (!ok) ADD_FAILURE() << ok.error();
  }
  return registry;
}

struct Tally {
  int passed = 0;
  int failed = 0;
};

void run_file(const Registry& base, const fs::path& path, Dialect dialect, bool formats,
              const std::string& label, Tally& tally) {
  auto doc = json::parse(lotse::testing::read_text(path));
  ASSERT_TRUE(doc) << path << ": " << doc.error().describe();
  std::size_t group_index = 0;
  for (const json::Value& group : doc->root().items()) {
    Registry registry = base;
    std::string schema_text;
    json::write_value(schema_text, *group.find("schema"));
    std::string uri = "urn:lotse:suite:" + label + ":" + std::to_string(group_index++);
    ASSERT_TRUE(registry.add(uri, schema_text));
    CompileOptions options;
    options.default_dialect = dialect;
    options.assert_formats = formats;
    auto schema = Schema::compile(registry, uri, options);
    std::string description(group.find("description")->as_string());
    for (const json::Value& test : group.find("tests")->items()) {
      bool expected = test.find("valid")->as_bool();
      std::string name = label + " / " + description + " / " +
                         std::string(test.find("description")->as_string());
      if (!schema) {
        ++tally.failed;
        ADD_FAILURE() << name << ": schema does not compile: " << schema.error();
        continue;
      }
      std::vector<Violation> violations;
      bool valid = schema->validate(*test.find("data"), &violations);
      bool fast = schema->validate(*test.find("data"));
      if (valid == expected && fast == expected) {
        ++tally.passed;
      } else {
        ++tally.failed;
        ADD_FAILURE() << name << ": expected " << (expected ? "valid" : "invalid") << ", got "
                      << (valid ? "valid" : "invalid") << " (first-failure mode: "
                      << (fast ? "valid" : "invalid") << ")";
      }
      // Collecting mode reports a violation exactly when invalid.
      if (!valid && violations.empty()) ADD_FAILURE() << name << ": invalid without violations";
    }
  }
}

void run_dialect(std::string_view dialect_dir, Dialect dialect) {
  const Registry registry = suite_registry();
  const fs::path dir = lotse::testing::testsuites_dir() / "json-schema-test-suite" / "tests" /
                       std::string(dialect_dir);
  ASSERT_TRUE(fs::is_directory(dir)) << dir << " missing: set LOTSE_TESTSUITES";
  Tally tally;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::string name = file.filename().string();
    if (skipped(dialect_dir, name)) continue;
    run_file(registry, file, dialect, false, std::string(dialect_dir) + "/" + name, tally);
  }
  for (std::string_view format : kFormats) {
    fs::path file = dir / "optional" / "format" / (std::string(format) + ".json");
    if (!fs::exists(file)) continue;  // older drafts lack some formats
    run_file(registry, file, dialect, true,
             std::string(dialect_dir) + "/optional/format/" + std::string(format), tally);
  }
  std::cout << "json-schema-test-suite " << dialect_dir << ": " << tally.passed << " passed, "
            << tally.failed << " failed" << std::endl;
  EXPECT_EQ(tally.failed, 0);
}

TEST(JsonSchemaTestSuite, Draft2020_12RequiredAndFormatsPass) {
  run_dialect("draft2020-12", Dialect::draft2020_12);
}
TEST(JsonSchemaTestSuite, Draft7RequiredAndFormatsPass) { run_dialect("draft7", Dialect::draft7); }
TEST(JsonSchemaTestSuite, Draft4RequiredAndFormatsPass) { run_dialect("draft4", Dialect::draft4); }

}  // namespace
}  // namespace lotse::schema
