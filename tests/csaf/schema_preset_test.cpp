// The `schema` and `strict` presets against the OASIS CSAF 2.0 examples and
// validator corpus (../shared/testsuites/csaf).
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "csaf/validator.hpp"
#include "json/parser.hpp"
#include "support/testsuites.hpp"

namespace lotse::csaf {
namespace {

namespace fs = std::filesystem;

fs::path csaf20() { return lotse::testing::testsuites_dir() / "csaf" / "csaf_2.0"; }

DocumentResult validate_file(const fs::path& path, Preset preset) {
  ValidateOptions options;
  options.preset = preset;
  return validate_document(lotse::testing::read_text(path), path.string(), options);
}

std::string describe(const DocumentResult& r) {
  std::string out;
  for (const Finding& f : r.findings) out += "\n  " + f.pointer + ": " + f.message + " [" + f.schema_location + "]";
  return out;
}

// Corpus files whose testcases.json entry says valid: true.
std::set<std::string> corpus_files_flagged_valid() {
  const fs::path data = csaf20() / "test" / "validator" / "data";
  auto doc = json::parse(lotse::testing::read_text(data / "testcases.json"));
  EXPECT_TRUE(doc);
  std::set<std::string> names;
  for (const json::Value& test : doc->root().find("tests")->items()) {
    for (std::string_view list : {"failures", "valid"}) {
      const json::Value* entries = test.find(list);
      if (!entries) continue;
      for (const json::Value& entry : entries->items()) {
        if (entry.find("valid")->as_bool()) names.insert(std::string(entry.find("name")->as_string()));
      }
    }
  }
  return names;
}

TEST(SchemaPreset, AcceptsEveryCsaf20Example) {
  int count = 0;
  for (const auto& entry : fs::recursive_directory_iterator(csaf20() / "examples" / "csaf")) {
    if (entry.path().extension() != ".json") continue;
    DocumentResult r = validate_file(entry.path(), Preset::schema);
    EXPECT_TRUE(r.valid) << entry.path() << describe(r);
    ++count;
  }
  EXPECT_GE(count, 17);
}

TEST(SchemaPreset, AcceptsEveryCorpusFileFlaggedValid) {
  const fs::path data = csaf20() / "test" / "validator" / "data";
  auto names = corpus_files_flagged_valid();
  EXPECT_GT(names.size(), 100u);
  for (const std::string& name : names) {
    DocumentResult r = validate_file(data / name, Preset::schema);
    EXPECT_TRUE(r.valid) << name << describe(r);
  }
}

TEST(SchemaPreset, RejectsInvalidCvssInTest6_1_8FilesUnderTheScore) {
  const fs::path data = csaf20() / "test" / "validator" / "data" / "mandatory";
  for (std::string_view n : {"01", "02", "03"}) {
    DocumentResult r = validate_file(data / ("oasis_csaf_tc-csaf_2_0-2021-6-1-08-" + std::string(n) + ".json"),
                                     Preset::schema);
    EXPECT_FALSE(r.valid) << n;
    ASSERT_FALSE(r.findings.empty());
    for (const Finding& f : r.findings) {
      EXPECT_TRUE(f.pointer.starts_with("/vulnerabilities/0/scores/0/")) << n << ": " << f.pointer << " " << f.message;
      EXPECT_EQ(f.test, "schema");
      EXPECT_GT(f.line, 0u);
    }
  }
}

TEST(StrictPreset, RejectsTheExtraPropertyOf6_2_20_01Only) {
  const fs::path data = csaf20() / "test" / "validator" / "data";
  DocumentResult r = validate_file(data / "optional" / "oasis_csaf_tc-csaf_2_0-2021-6-2-20-01.json", Preset::strict);
  EXPECT_FALSE(r.valid);
  ASSERT_EQ(r.findings.size(), 1u) << describe(r);
  EXPECT_NE(r.findings[0].message.find("not allowed"), std::string::npos);
  for (const std::string& name : corpus_files_flagged_valid()) {
    if (name.find("6-2-20-01") != std::string::npos) continue;
    DocumentResult ok = validate_file(data / name, Preset::strict);
    EXPECT_TRUE(ok.valid) << name << describe(ok);
  }
  for (const auto& entry : fs::recursive_directory_iterator(csaf20() / "examples" / "csaf")) {
    if (entry.path().extension() != ".json") continue;
    DocumentResult ok = validate_file(entry.path(), Preset::strict);
    EXPECT_TRUE(ok.valid) << entry.path() << describe(ok);
  }
}

TEST(SchemaPreset, ReportsUnparseableInputAsJsonFindingWithLocation) {
  ValidateOptions options;
  DocumentResult r = validate_document("{\n \"document\": }", "x.json", options);
  EXPECT_FALSE(r.valid);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].test, "json");
  EXPECT_EQ(r.findings[0].line, 2u);
}

TEST(SchemaPreset, NamesUnsupportedCsafVersion) {
  ValidateOptions options;
  DocumentResult r = validate_document(R"({"document":{"csaf_version":"9.9"}})", "x.json", options);
  EXPECT_FALSE(r.valid);
  ASSERT_FALSE(r.findings.empty());
  EXPECT_EQ(r.findings[0].pointer, "/document/csaf_version");
}

}  // namespace
}  // namespace lotse::csaf

namespace lotse::csaf {
namespace {

TEST(SchemaPreset, DispatchesCsaf21DocumentsToThe21Schema) {
  const fs::path dir = lotse::testing::testsuites_dir() / "csaf" / "csaf_2.1" / "examples" / "csaf";
  int count = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    DocumentResult r = validate_file(entry.path(), Preset::schema);
    EXPECT_TRUE(r.valid) << entry.path() << describe(r);
    ++count;
  }
  EXPECT_GT(count, 5);
  // A 2.0-only property is an error under 2.1 (additionalProperties false).
  ValidateOptions options;
  DocumentResult r = validate_document(R"({"document":{"csaf_version":"2.1","x":1}})", "x.json", options);
  EXPECT_FALSE(r.valid);
}

}  // namespace
}  // namespace lotse::csaf

namespace lotse::csaf {
namespace {

TEST(BasicPreset, RunsThe20TestsOn20DocumentsAndSaysSoFor21) {
  ValidateOptions options;
  options.preset = Preset::basic;
  // 6.1.1: the referenced product is not defined.
  DocumentResult r20 = validate_document(
      R"({"document":{"csaf_version":"2.0"},"vulnerabilities":[{"product_status":{"fixed":["X"]}}]})",
      "x.json", options);
  bool has_6_1_1 = false;
  for (const Finding& f : r20.findings) has_6_1_1 |= f.test == "6.1.1";
  EXPECT_TRUE(has_6_1_1);
  DocumentResult r21 = validate_document(
      R"({"document":{"csaf_version":"2.1"},"vulnerabilities":[{"product_status":{"fixed":["X"]}}]})",
      "x.json", options);
  bool has_note = false;
  for (const Finding& f : r21.findings) {
    EXPECT_FALSE(f.test.starts_with("6.1.")) << f.test;
    has_note |= f.test == "preset" && f.severity == Severity::info;
  }
  EXPECT_TRUE(has_note);
}

}  // namespace
}  // namespace lotse::csaf
