// The engine on the real-world schemas Lotse will meet besides CSAF:
// CycloneDX 1.4-1.7 with their conformance files, SPDX 2.3 (2019-09 dialect
// evaluated by the 2020-12 engine) and OSV, from ../shared/testsuites.
#include <gtest/gtest.h>

#include <filesystem>

#include "json/parser.hpp"
#include "schema/schema.hpp"
#include "support/testsuites.hpp"

namespace lotse::schema {
namespace {

namespace fs = std::filesystem;
using lotse::testing::read_text;
using lotse::testing::testsuites_dir;

bool validate_file(const Schema& schema, const fs::path& file, std::string* first_error = nullptr) {
  auto doc = json::parse(read_text(file));
  if (!doc) {
    if (first_error) *first_error = doc.error().describe();
    return false;
  }
  std::vector<Violation> violations;
  bool ok = schema.validate(doc->root(), &violations);
  if (!ok && first_error && !violations.empty()) {
    *first_error = violations[0].instance_pointer + ": " + violations[0].message;
  }
  return ok;
}

class CycloneDx : public ::testing::TestWithParam<std::string> {};

TEST_P(CycloneDx, ConformanceFilesValidAndInvalidAsNamed) {
  const std::string version = GetParam();
  const fs::path dir = testsuites_dir() / "cyclonedx";
  Registry registry;
  registry.add_embedded();
  for (const auto& entry : fs::directory_iterator(dir / "schema")) {
    if (entry.path().extension() != ".json") continue;
    ASSERT_TRUE(registry.add("http://cyclonedx.org/schema/" + entry.path().filename().string(),
                             read_text(entry.path())));
  }
  CompileOptions options;
  options.assert_formats = true;
  auto schema = Schema::compile(registry, "http://cyclonedx.org/schema/bom-" + version + ".schema.json", options);
  ASSERT_TRUE(schema) << schema.error();
  int valid = 0, invalid = 0;
  for (const auto& entry : fs::directory_iterator(dir / "tools" / "src" / "test" / "resources" / version)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".json") continue;
    std::string error;
    bool ok = validate_file(*schema, entry.path(), &error);
    if (name.starts_with("valid-")) {
      EXPECT_TRUE(ok) << name << ": " << error;
      ++valid;
    } else if (name.starts_with("invalid-")) {
      EXPECT_FALSE(ok) << name;
      ++invalid;
    }
  }
  EXPECT_GT(valid, 10);
  EXPECT_GT(invalid, 5);
  std::cout << "CycloneDX " << version << ": " << valid << " valid and " << invalid
            << " invalid conformance files checked" << std::endl;
}

INSTANTIATE_TEST_SUITE_P(Versions, CycloneDx, ::testing::Values("1.4", "1.5", "1.6", "1.7"));

TEST(Spdx23, SchemaCompilesAndTheSpecExampleValidates) {
  const fs::path dir = testsuites_dir() / "spdx" / "spdx-spec-2.3.1";
  Registry registry;
  registry.add_embedded();
  ASSERT_TRUE(registry.add("urn:lotse:spdx-2.3", read_text(dir / "schemas" / "spdx-schema.json")));
  auto schema = Schema::compile(registry, "urn:lotse:spdx-2.3");
  ASSERT_TRUE(schema) << schema.error();
  std::string error;
  EXPECT_TRUE(validate_file(*schema, dir / "examples" / "SPDXJSONExample-v2.3.spdx.json", &error)) << error;
  auto broken = json::parse(R"({"spdxVersion": 2.3})");
  ASSERT_TRUE(broken);
  EXPECT_FALSE(schema->validate(broken->root()));
}

TEST(Osv, SchemaCompilesAndLinterTestdataValidates) {
  const fs::path dir = testsuites_dir() / "osv";
  Registry registry;
  registry.add_embedded();
  ASSERT_TRUE(registry.add("urn:lotse:osv", read_text(dir / "validation" / "schema.json")));
  auto schema = Schema::compile(registry, "urn:lotse:osv");
  ASSERT_TRUE(schema) << schema.error();
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(dir / "tools" / "osv-linter" / "testdata")) {
    if (entry.path().extension() != ".json") continue;
    auto doc = json::parse(read_text(entry.path()));
    if (!doc) continue;
    schema->validate(doc->root());  // some records are deliberately bad for the linter
    ++checked;
  }
  EXPECT_GT(checked, 3);
  auto record = json::parse(R"({"schema_version":"1.6.0","id":"OSV-1","modified":"2024-01-01T00:00:00Z"})");
  ASSERT_TRUE(record);
  EXPECT_TRUE(schema->validate(record->root()));
  auto bad = json::parse(R"({"id":"OSV-1"})");
  ASSERT_TRUE(bad);
  EXPECT_FALSE(schema->validate(bad->root()));
}

}  // namespace
}  // namespace lotse::schema

namespace lotse::schema {
namespace {

// The embedded schemas, compiled from the binary's own registry, against the
// official examples.
void expect_examples_valid(std::string_view schema_uri, const fs::path& dir, bool recursive = true) {
  CompileOptions options;
  options.assert_formats = true;
  auto schema = Schema::compile(embedded_registry(), schema_uri, options);
  ASSERT_TRUE(schema) << schema.error();
  int count = 0;
  auto check = [&](const fs::path& file) {
    if (file.extension() != ".json") return;
    std::string error;
    EXPECT_TRUE(validate_file(*schema, file, &error)) << file << ": " << error;
    ++count;
  };
  if (recursive) {
    for (const auto& e : fs::recursive_directory_iterator(dir)) check(e.path());
  } else {
    check(dir);
  }
  EXPECT_GT(count, 0) << dir;
}

TEST(EmbeddedSchemas, Cve511AcceptsTheCvelibExamples) {
  for (std::string name : {"cvelib-CVEv5_basic-example.json", "cvelib-CVEv5_advanced-example.json"}) {
    expect_examples_valid("https://cveproject.github.io/cve-schema/schema/CVE_Record_Format.json",
                          testsuites_dir() / "cve" / name, false);
  }
}

TEST(EmbeddedSchemas, Csaf21AcceptsTheCsaf21Examples) {
  expect_examples_valid("https://docs.oasis-open.org/csaf/csaf/v2.1/schema/csaf.json",
                        testsuites_dir() / "csaf" / "csaf_2.1" / "examples" / "csaf");
}

TEST(EmbeddedSchemas, ProviderAndAggregatorMetadataExamplesValidate) {
  const fs::path v20 = testsuites_dir() / "csaf" / "csaf_2.0" / "examples";
  expect_examples_valid("https://docs.oasis-open.org/csaf/csaf/v2.0/provider_json_schema.json",
                        v20 / "provider-metadata");
  expect_examples_valid("https://docs.oasis-open.org/csaf/csaf/v2.0/aggregator_json_schema.json",
                        v20 / "aggregator");
  const fs::path v21 = testsuites_dir() / "csaf" / "csaf_2.1" / "examples";
  expect_examples_valid("https://docs.oasis-open.org/csaf/csaf/v2.1/schema/provider.json",
                        v21 / "provider-metadata");
  expect_examples_valid("https://docs.oasis-open.org/csaf/csaf/v2.1/schema/aggregator.json",
                        v21 / "aggregator");
}

}  // namespace
}  // namespace lotse::schema
