// The purl-spec test suite (../shared/testsuites/purl): tests/spec,
// tests/types and the legacy test-suite-data.legacy.json, read at run time.
//
// Every case passes or is listed, with its reason, in kKnownExceptions
// below; a listed case that passes fails the test (stale entry).
//
// Modes: "required" cases run in Mode::strict, "recommended" cases (the
// suite's optional normalizations and repairs) in Mode::repair. The legacy
// file predates that split and expects lenient normalization (e.g.
// uppercase qualifier keys lowercased), so it runs in Mode::repair.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "purl/package_url.hpp"
#include "support/testsuites.hpp"

namespace lotse::purl {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct KnownException {
  std::string_view file;       // file name within the suite
  std::string_view test_type;  // parse, build, validate; "legacy" for the legacy file
  std::string_view input;      // the input purl string
  std::string_view reason;
};

// The one list of suite cases Lotse does not follow, and why.
constexpr KnownException kKnownExceptions[] = {
    // Current suite.
    {"maven-test.json", "parse",
     "pkg:Maven/org.apache.xmlgraphics/batik-anim@1.9.1?type=pom&repositorY_url=repo.spring.io/"
     "release",
     "required case accepts the uppercase key 'repositorY_url', but ECMA-427 5.6.6 says a key "
     "'shall be composed only of lowercase ASCII letters' and the required cases of "
     "gem-test.json and rpm-test.json reject 'Platform=' and 'Arch='; the suite contradicts "
     "itself, Lotse follows the standard (Mode::repair accepts it)"},
    {"git-test.json", "validate", "pkg:git/github/Package-url/purl-Spec@244fd47e07d1004f0aed9c",
     "recommended case lowercases namespace and name, but git-definition.json declares both "
     "case_sensitive: true (the case was copied from github-test.json, whose type is "
     "case-insensitive)"},
    // Legacy suite (pre-ECMA-427 rules).
    {"test-suite-data.legacy.json", "legacy",
     "pkg:GOLANG/google.golang.org/genproto@abcdedf#/googleapis/%2E%2E/api/annotations/",
     "legacy expects the parsed subpath to keep the decoded '..' segment; how-to-parse.md and "
     "ECMA-427 5.6.7 discard '.' and '..' segments (the canonical string agrees)"},
    {"test-suite-data.legacy.json", "legacy",
     "pkg:GOLANG/google.golang.org/genproto@abcdedf#/googleapis/%2E/api/annotations/",
     "legacy expects the parsed subpath to keep the decoded '.' segment; how-to-parse.md and "
     "ECMA-427 5.6.7 discard '.' and '..' segments (the canonical string agrees)"},
    {"test-suite-data.legacy.json", "legacy",
     "pkg:Maven/org.apache.xmlgraphics/batik-anim@1.9.1?classifier=sources&repositorY_url=repo."
     "spring.io/release",
     "legacy canonical form leaves '/' unencoded in a qualifier value; ECMA-427 5.4 and the "
     "current maven-test.json encode it as %2F"},
    {"test-suite-data.legacy.json", "legacy",
     "pkg:Maven/org.apache.xmlgraphics/batik-anim@1.9.1?extension=pom&repositorY_url=repo."
     "spring.io/release",
     "legacy canonical form leaves '/' unencoded in a qualifier value; ECMA-427 5.4 and the "
     "current maven-test.json encode it as %2F"},
    {"test-suite-data.legacy.json", "legacy", "pkg:conan/bincrafters/cctz@2.3",
     "legacy rule 'a conan namespace needs a channel qualifier' is gone from "
     "conan-definition.json; the current conan-test.json has no such rule"},
    {"test-suite-data.legacy.json", "legacy", "pkg:conan/cctz@2.3?channel=stable",
     "legacy rule 'a channel qualifier needs a conan namespace' is gone from "
     "conan-definition.json"},
    {"test-suite-data.legacy.json", "legacy", "pkg:cran/A3",
     "legacy required a cran version; cran-definition.json makes it optional"},
    {"test-suite-data.legacy.json", "legacy", "pkg:swift/github.com/Alamofire/Alamofire",
     "legacy required a swift version; swift-definition.json makes it optional"},
    {"test-suite-data.legacy.json", "legacy",
     "pkg:huggingface/distilbert-base-uncased@043235d6088ecd3dd5fb5ca3592b6913fd516027",
     "legacy allowed huggingface without namespace; huggingface-definition.json requires one"},
    {"test-suite-data.legacy.json", "legacy",
     "pkg:huggingface/microsoft/deberta-v3-base@559062ad13d311b87b2c455e67dcd5f1c8f65111?"
     "repository_url=https://hub-ci.huggingface.co",
     "legacy canonical form leaves '/' unencoded in a qualifier value; the current "
     "huggingface-test.json encodes it as %2F"},
    {"test-suite-data.legacy.json", "legacy",
     "pkg:mlflow/CreditFraud@3?repository_url=https://adb-5245952564735461.0.azuredatabricks.net/"
     "api/2.0/mlflow",
     "legacy canonical form leaves '/' unencoded in a qualifier value; the current "
     "mlflow-test.json encodes it as %2F"},
    {"test-suite-data.legacy.json", "legacy",
     "pkg:mlflow/CreditFraud@3?repository_url=https://westus2.api.azureml.ms/mlflow/v1.0/"
     "subscriptions/a50f2011-fab8-4164-af23-c62881ef8c95/resourceGroups/TestResourceGroup/"
     "providers/Microsoft.MachineLearningServices/workspaces/TestWorkspace",
     "legacy canonical form leaves '/' unencoded in a qualifier value; the current "
     "mlflow-test.json encodes it as %2F"},
    {"test-suite-data.legacy.json", "legacy",
     "pkg:mlflow/trafficsigns@10?model_uuid=36233173b22f4c89b451f1228d700d49&run_id=410a3121-"
     "2709-4f88-98dd-dba0ef056b0a&repository_url=https://adb-5245952564735461.0."
     "azuredatabricks.net/api/2.0/mlflow",
     "legacy canonical form leaves '/' unencoded in a qualifier value; the current "
     "mlflow-test.json encodes it as %2F"},
    {"test-suite-data.legacy.json", "legacy", "pkg:cpan/URI::PackageURL@2.11",
     "legacy accepted a module name; cpan-definition.json: a name 'shall not contain the "
     "string ::' (the current cpan-test.json rejects it)"},
    {"test-suite-data.legacy.json", "legacy", "pkg:cpan/Perl-Version@1.013",
     "legacy rejected a distribution name without namespace; cpan-definition.json makes the "
     "namespace optional and names distributions ('URI-PackageURL')"},
};

struct Tally {
  int passed = 0;
  int failed = 0;
  int excepted = 0;
};

const KnownException* find_exception(std::string_view file, std::string_view test_type,
                                     std::string_view input) {
  for (const KnownException& known : kKnownExceptions) {
    if (known.file == file && known.test_type == test_type && known.input == input) return &known;
  }
  return nullptr;
}

std::string text_or_empty(const json& value) {
  return value.is_string() ? value.get<std::string>() : std::string();
}

// Components as the suite writes them: null for absent.
PackageUrl components_from(const json& object) {
  PackageUrl purl;
  purl.type = text_or_empty(object.value("type", json()));
  purl.ns = text_or_empty(object.value("namespace", json()));
  purl.name = text_or_empty(object.value("name", json()));
  purl.version = text_or_empty(object.value("version", json()));
  purl.subpath = text_or_empty(object.value("subpath", json()));
  if (const json q = object.value("qualifiers", json()); q.is_object()) {
    for (const auto& [key, value] : q.items()) purl.qualifiers.emplace_back(key, text_or_empty(value));
  }
  return purl;
}

std::string show(const PackageUrl& p) {
  std::string out = "{type=" + p.type + " ns=" + p.ns + " name=" + p.name +
                    " version=" + p.version + " qualifiers={";
  for (const auto& [k, v] : p.qualifiers) out += k + "=" + v + ";";
  return out + "} subpath=" + p.subpath + "}";
}

// Compares parse() output with expected components; qualifiers by set.
std::optional<std::string> compare(const PackageUrl& got, PackageUrl expected) {
  std::sort(expected.qualifiers.begin(), expected.qualifiers.end());
  if (got == expected) return std::nullopt;
  return "components " + show(got) + ", expected " + show(expected);
}

// Runs one case of tests/spec or tests/types; nullopt when it passes.
std::optional<std::string> run_case(const json& test) {
  const std::string type = test.at("test_type");
  const Mode mode = test.at("test_group") == "required" ? Mode::strict : Mode::repair;
  const bool must_fail = test.at("expected_failure").get<bool>();
  const json& input = test.at("input");
  const json expected = test.value("expected_output", json());

  if (type == "build") {
    auto built = build(components_from(input), mode);
    if (must_fail) {
      if (built) return "built " + to_string(*built) + ", expected a failure";
      return std::nullopt;
    }
    if (!built) return "build failed: " + built.error().describe();
    if (to_string(*built) != expected.get<std::string>()) {
      return "built " + to_string(*built) + ", expected " + expected.get<std::string>();
    }
    return std::nullopt;
  }
  auto parsed = parse(input.get<std::string>(), mode);
  if (must_fail) {
    if (parsed) return "parsed as " + to_string(*parsed) + ", expected a failure";
    return std::nullopt;
  }
  if (!parsed) return "parse failed: " + parsed.error().describe();
  if (type == "parse") return compare(*parsed, components_from(expected));
  if (type == "validate") {
    if (to_string(*parsed) != expected.get<std::string>()) {
      return "canonical " + to_string(*parsed) + ", expected " + expected.get<std::string>();
    }
    return std::nullopt;
  }
  return "unknown test_type " + type;
}

// Runs one case of the legacy file; nullopt when it passes.
std::optional<std::string> run_legacy_case(const json& test) {
  const std::string input = test.at("purl");
  auto parsed = parse(input, Mode::repair);
  if (test.at("is_invalid").get<bool>()) {
    if (parsed) return "parsed as " + to_string(*parsed) + ", expected a failure";
    return std::nullopt;
  }
  if (!parsed) return "parse failed: " + parsed.error().describe();
  const PackageUrl expected = components_from(test);
  if (auto mismatch = compare(*parsed, expected)) return mismatch;
  const std::string canonical = test.at("canonical_purl");
  if (to_string(*parsed) != canonical) {
    return "canonical " + to_string(*parsed) + ", expected " + canonical;
  }
  auto built = build(expected, Mode::repair);
  if (!built) return "build failed: " + built.error().describe();
  if (to_string(*built) != canonical) return "built " + to_string(*built) + ", expected " + canonical;
  return std::nullopt;
}

void record(const std::string& file, std::string_view test_type, const std::string& input,
            const std::optional<std::string>& failure, Tally& tally,
            std::set<const KnownException*>& used) {
  const KnownException* known = find_exception(file, test_type, input);
  if (known) used.insert(known);
  if (!failure && !known) {
    ++tally.passed;
  } else if (failure && known) {
    ++tally.excepted;
  } else if (failure) {
    ++tally.failed;
    ADD_FAILURE() << file << " " << test_type << " " << input << ": " << *failure;
  } else {
    ++tally.failed;
    ADD_FAILURE() << file << " " << test_type << " " << input
                  << ": passes, so remove it from kKnownExceptions";
  }
}

json read_json(const fs::path& path) {
  return json::parse(lotse::testing::read_text(path));
}

fs::path suite_dir() { return lotse::testing::testsuites_dir() / "purl"; }

// Runs every *.json in `dir`, printing one tally line per file.
void run_directory(const fs::path& dir) {
  ASSERT_TRUE(fs::is_directory(dir)) << dir << " missing: set LOTSE_TESTSUITES";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty());
  std::set<const KnownException*> used;
  std::set<std::string> names;
  for (const fs::path& path : files) {
    const std::string file = path.filename().string();
    names.insert(file);
    Tally tally;
    const json document = read_json(path);
    for (const json& test : document.at("tests")) {
      const json& input = test.at("input");
      record(file, test.at("test_type").get<std::string>(),
             input.is_string() ? input.get<std::string>() : input.dump(), run_case(test), tally,
             used);
    }
    std::cout << "purl " << dir.filename().string() << "/" << file << ": " << tally.passed
              << " passed, " << tally.failed << " failed, " << tally.excepted
              << " listed exceptions" << std::endl;
  }
  for (const KnownException& known : kKnownExceptions) {
    if (names.count(std::string(known.file)) && !used.count(&known)) {
      ADD_FAILURE() << "kKnownExceptions entry matches no case: " << known.file << " "
                    << known.input;
    }
  }
}

TEST(PurlTestSuite, SpecificationTestsPass) { run_directory(suite_dir() / "tests" / "spec"); }

TEST(PurlTestSuite, TypeTestsPass) { run_directory(suite_dir() / "tests" / "types"); }

TEST(PurlTestSuite, LegacyTestsPassOrAreListed) {
  const std::string file = "test-suite-data.legacy.json";
  const fs::path path = suite_dir() / file;
  ASSERT_TRUE(fs::exists(path)) << path << " missing: set LOTSE_TESTSUITES";
  Tally tally;
  std::set<const KnownException*> used;
  const json document = read_json(path);
  for (const json& test : document) {
    record(file, "legacy", test.at("purl").get<std::string>(), run_legacy_case(test), tally,
           used);
  }
  std::cout << "purl " << file << ": " << tally.passed << " passed, " << tally.failed
            << " failed, " << tally.excepted << " listed exceptions" << std::endl;
  for (const KnownException& known : kKnownExceptions) {
    if (known.file == file && !used.count(&known)) {
      ADD_FAILURE() << "kKnownExceptions entry matches no case: " << known.input;
    }
  }
}

}  // namespace
}  // namespace lotse::purl
