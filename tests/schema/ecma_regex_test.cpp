// Tests for the ECMA-262 -> RE2 regular-expression layer (src/schema/ecma_regex.*).
//
// Ground truth: the JSON Schema Test Suite (draft 2020-12) files about `pattern`,
// `patternProperties` and `format: "regex"`, read at run time from $LOTSE_TESTSUITES (default
// LOTSE_SOURCE_DIR/../shared/testsuites), plus hand-written cases for each translation rule
// and hostile inputs.
#include "schema/ecma_regex.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#ifndef LOTSE_SOURCE_DIR
#error "LOTSE_SOURCE_DIR must be defined (path of the repository root)"
#endif

namespace lotse::schema {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

fs::path testsuites_dir() {
  if (const char* env = std::getenv("LOTSE_TESTSUITES"); env != nullptr && *env != '\0') {
    return env;
  }
  return fs::path(LOTSE_SOURCE_DIR) / ".." / "shared" / "testsuites";
}

json read_json(const fs::path& path) {
  std::ifstream in(path);
  return json::parse(in, nullptr, /*allow_exceptions=*/false);
}

// Compiles a pattern that the test expects to be supported.
EcmaRegex re(std::string_view pattern) {
  auto compiled = EcmaRegex::compile(pattern);
  if (!compiled) {
    ADD_FAILURE() << "compile(" << pattern << ") failed: " << compiled.error();
    return EcmaRegex::compile("[]").value();
  }
  return std::move(*compiled);
}

bool matches(std::string_view pattern, std::string_view subject) {
  return re(pattern).search(subject);
}

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t k = 0; k < n; ++k) out += s;
  return out;
}

// ---------------------------------------------------------------------------------------------
// JSON Schema Test Suite
// ---------------------------------------------------------------------------------------------

// True if `schema` uses only the keywords the mini-validator below understands.
bool is_simple_schema(const json& schema) {
  if (schema.is_boolean()) return true;
  if (!schema.is_object()) return false;
  static const std::set<std::string> kKnown = {
      "$schema", "type",  "pattern", "patternProperties", "additionalProperties",
      "maximum", "format"};
  for (const auto& [key, value] : schema.items()) {
    if (kKnown.count(key) == 0) return false;
    if (key == "format" && value != "regex") return false;
    if (key == "additionalProperties" && !value.is_boolean()) return false;
    if (key == "patternProperties") {
      for (const auto& [unused, sub] : value.items()) {
        if (!is_simple_schema(sub)) return false;
      }
    }
  }
  return true;
}

// A tiny validator for the keywords above; `pattern` and `patternProperties` go through
// EcmaRegex, `format: "regex"` through is_ecma_regex. `error` receives compile failures.
bool mini_validate(const json& schema, const json& data, std::string& error) {
  if (schema.is_boolean()) return schema.get<bool>();
  if (schema.contains("type")) {
    const std::string type = schema["type"];
    const bool ok = (type == "integer" && data.is_number() &&
                     data.get<double>() == static_cast<double>(data.get<long long>())) ||
                    (type == "number" && data.is_number()) ||
                    (type == "string" && data.is_string()) ||
                    (type == "boolean" && data.is_boolean()) ||
                    (type == "null" && data.is_null()) || (type == "object" && data.is_object());
    if (!ok) return false;
  }
  if (schema.contains("maximum") && data.is_number() &&
      data.get<double>() > schema["maximum"].get<double>()) {
    return false;
  }
  if (schema.contains("format") && data.is_string() && !is_ecma_regex(data.get<std::string>())) {
    return false;
  }
  if (schema.contains("pattern") && data.is_string()) {
    auto compiled = EcmaRegex::compile(schema["pattern"].get<std::string>());
    if (!compiled) {
      error = compiled.error();
      return false;
    }
    if (!compiled->search(data.get<std::string>())) return false;
  }
  if (data.is_object()) {
    for (const auto& [key, value] : data.items()) {
      bool matched = false;
      if (schema.contains("patternProperties")) {
        for (const auto& [pattern, sub] : schema["patternProperties"].items()) {
          auto compiled = EcmaRegex::compile(pattern);
          if (!compiled) {
            error = compiled.error();
            return false;
          }
          if (!compiled->search(key)) continue;
          matched = true;
          if (!mini_validate(sub, value, error)) return false;
        }
      }
      if (!matched && schema.value("additionalProperties", true) == false) return false;
    }
  }
  return true;
}

struct SuiteResult {
  int passed = 0;
  int skipped = 0;
  std::vector<std::string> failures;
};

SuiteResult run_suite_file(const std::string& relative) {
  SuiteResult result;
  const fs::path path = testsuites_dir() / "json-schema-test-suite/tests/draft2020-12" / relative;
  const json groups = read_json(path);
  if (!groups.is_array()) {
    result.failures.push_back("cannot read " + path.string());
    return result;
  }
  for (const json& group : groups) {
    const bool simple = is_simple_schema(group["schema"]);
    for (const json& test : group["tests"]) {
      if (!simple) {
        ++result.skipped;
        continue;
      }
      std::string error;
      const bool valid = mini_validate(group["schema"], test["data"], error);
      if (valid == test["valid"].get<bool>() && error.empty()) {
        ++result.passed;
      } else {
        result.failures.push_back(group["description"].get<std::string>() + " / " +
                                  test["description"].get<std::string>() +
                                  (error.empty() ? "" : " (" + error + ")"));
      }
    }
  }
  return result;
}

void expect_suite_passes(const std::string& relative, int minimum_cases) {
  const SuiteResult result = run_suite_file(relative);
  for (const std::string& failure : result.failures) ADD_FAILURE() << relative << ": " << failure;
  EXPECT_GE(result.passed, minimum_cases) << relative << " (skipped " << result.skipped << ")";
  std::cout << "[ suite    ] " << relative << ": " << result.passed << " passed, "
            << result.failures.size() << " failed, " << result.skipped << " skipped\n";
}

TEST(JsonSchemaTestSuite, PatternCasesAllPass) { expect_suite_passes("pattern.json", 12); }

TEST(JsonSchemaTestSuite, PatternPropertiesCasesAllPass) {
  expect_suite_passes("patternProperties.json", 25);
}

TEST(JsonSchemaTestSuite, EcmascriptRegexCasesAllPass) {
  expect_suite_passes("optional/ecmascript-regex.json", 74);
}

TEST(JsonSchemaTestSuite, NonBmpRegexCasesAllPass) {
  expect_suite_passes("optional/non-bmp-regex.json", 12);
}

TEST(JsonSchemaTestSuite, FormatRegexCasesAllPass) {
  expect_suite_passes("optional/format/regex.json", 8);
}

TEST(JsonSchemaTestSuite, FormatEcmascriptRegexCasesAllPass) {
  expect_suite_passes("optional/format/ecmascript-regex.json", 12);
}

// Every `pattern` and `patternProperties` key in the real-world schemas Lotse validates against
// (CSAF, CVE, CycloneDX, SPDX, SARIF, OSV, OpenVEX, ...) must compile.
TEST(JsonSchemaTestSuite, RealWorldSchemaPatternsAllCompile) {
  std::set<std::string> patterns;
  std::function<void(const json&)> collect = [&](const json& node) {
    if (node.is_object()) {
      for (const auto& [key, value] : node.items()) {
        if (key == "pattern" && value.is_string()) patterns.insert(value.get<std::string>());
        if (key == "patternProperties" && value.is_object()) {
          for (const auto& [pattern, unused] : value.items()) patterns.insert(pattern);
        }
        collect(value);
      }
    } else if (node.is_array()) {
      for (const json& value : node) collect(value);
    }
  };
  const std::vector<fs::path> roots = {testsuites_dir(),
                                       fs::path(LOTSE_SOURCE_DIR) / "resources" / "schemas"};
  for (const fs::path& root : roots) {
    if (!fs::exists(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      const std::string path = entry.path().generic_string();
      if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
      if (path.find("schema") == std::string::npos) continue;
      if (path.find("json-schema-test-suite/tests") != std::string::npos) continue;
      // Only JSON Schemas: data documents (e.g. CycloneDX cryptography-defs.json) may use
      // "pattern" for something else.
      const json document = read_json(entry.path());
      const auto is_schema = [&] {
        for (const char* key : {"$id", "id", "$defs", "definitions", "properties", "type"}) {
          if (document.contains(key)) return true;
        }
        return false;
      };
      if (document.is_object() && document.contains("$schema") && is_schema()) {
        collect(document);
      }
    }
  }
  EXPECT_GE(patterns.size(), 80u);
  for (const std::string& pattern : patterns) {
    EXPECT_TRUE(is_ecma_regex(pattern)) << pattern;
    auto compiled = EcmaRegex::compile(pattern);
    EXPECT_TRUE(compiled.has_value()) << pattern << ": " << compiled.error();
  }
}

// ---------------------------------------------------------------------------------------------
// Translation rules
// ---------------------------------------------------------------------------------------------

TEST(EcmaRegex, SearchIsUnanchored) {
  EXPECT_TRUE(matches("a+", "xxaayy"));
  EXPECT_FALSE(matches("^a+$", "xxaayy"));
  EXPECT_TRUE(matches("", "anything"));
}

TEST(EcmaRegex, SourceReturnsOriginalPattern) {
  EXPECT_EQ(re("^\\d{3}(?:x|y)$").source(), "^\\d{3}(?:x|y)$");
}

TEST(EcmaRegex, DollarMatchesOnlyAtEndOfInput) {
  EXPECT_TRUE(matches("^abc$", "abc"));
  EXPECT_FALSE(matches("^abc$", "abc\n"));
  EXPECT_FALSE(matches("abc$", "abc\ndef"));
}

TEST(EcmaRegex, CaretMatchesOnlyAtStartOfInput) {
  EXPECT_FALSE(matches("^abc", "x\nabc"));
  EXPECT_TRUE(matches("^abc", "abc\nx"));
}

TEST(EcmaRegex, DotExcludesLineSeparator) {
  EXPECT_TRUE(matches("^.$", "a"));
  EXPECT_FALSE(matches("^.$", "\n"));
  EXPECT_FALSE(matches("^.$", "\r"));
  EXPECT_FALSE(matches("^.$", "\u2028"));
  EXPECT_FALSE(matches("^.$", "\u2029"));
  EXPECT_TRUE(matches("^.$", "\u0085"));  // NEL is no ECMA line terminator
  EXPECT_TRUE(matches("^.$", "\v"));
}

TEST(EcmaRegex, DotMatchesAstralCodePointAsOneCharacter) {
  EXPECT_TRUE(matches("^.$", "\U0001F600"));
  EXPECT_FALSE(matches("^..$", "\U0001F600"));
}

TEST(EcmaRegex, NegatedEmptyClassMatchesAnyCharacter) {
  EXPECT_TRUE(matches("^[^]$", "\n"));
  EXPECT_TRUE(matches("^[^]$", "\U0001F600"));
  EXPECT_FALSE(matches("^[^]$", ""));
}

TEST(EcmaRegex, EmptyClassMatchesNothing) {
  EXPECT_FALSE(matches("[]", "anything"));
  EXPECT_TRUE(matches("a|[]", "a"));
  EXPECT_TRUE(matches("^x[]*$", "x"));
}

TEST(EcmaRegex, DigitAndWordEscapesAreAscii) {
  EXPECT_TRUE(matches("^\\d+$", "0123456789"));
  EXPECT_FALSE(matches("^\\d$", "\u0660"));  // ARABIC-INDIC DIGIT ZERO
  EXPECT_TRUE(matches("^\\D$", "\u0660"));
  EXPECT_TRUE(matches("^\\w+$", "azAZ09_"));
  EXPECT_FALSE(matches("^\\w$", "\u00e9"));
  EXPECT_TRUE(matches("^\\W$", "\u00e9"));
  EXPECT_TRUE(matches("^[\\D]$", "x"));
  EXPECT_FALSE(matches("^[^\\d]$", "5"));
}

TEST(EcmaRegex, WhitespaceEscapeMatchesEcmaWhiteSpaceAndLineTerminators) {
  const char* const kSpaces[] = {"\t",     "\n",     "\v",     "\f",     "\r",     " ",
                                 "\u00a0", "\u1680", "\u2000", "\u200a", "\u2028", "\u2029",
                                 "\u202f", "\u205f", "\u3000", "\ufeff"};
  for (const char* space : kSpaces) {
    EXPECT_TRUE(matches("^\\s$", space)) << space;
    EXPECT_TRUE(matches("^[\\s]$", space)) << space;
    EXPECT_TRUE(matches("^[x\\s]$", space)) << space;
    EXPECT_FALSE(matches("^\\S$", space)) << space;
    EXPECT_FALSE(matches("^[\\S]$", space)) << space;
    EXPECT_FALSE(matches("^[^\\s]$", space)) << space;
    EXPECT_TRUE(matches("^[^\\S]$", space)) << space;
  }
  for (const char* other : {"a", "\u0085", "\u200b", "\u180e", "\u2013", "\x01"}) {
    EXPECT_FALSE(matches("^\\s$", other)) << other;
    EXPECT_TRUE(matches("^\\S$", other)) << other;
    EXPECT_TRUE(matches("^[\\S]$", other)) << other;
  }
}

TEST(EcmaRegex, PropertyEscapesAcceptEcmaNamesAndAliases) {
  for (const char* letter : {"\\p{L}", "\\p{Letter}", "\\p{gc=L}", "\\p{General_Category=Letter}",
                             "\\p{gc=Letter}", "\\p{General_Category=L}"}) {
    const std::string pattern = std::string("^") + letter + "$";
    EXPECT_TRUE(matches(pattern, "\u03c0")) << pattern;
    EXPECT_FALSE(matches(pattern, "1")) << pattern;
  }
  EXPECT_TRUE(matches("^\\p{Lu}$", "A"));
  EXPECT_FALSE(matches("^\\p{Uppercase_Letter}$", "a"));
  EXPECT_TRUE(matches("^\\p{Lowercase_Letter}$", "\u00e9"));
  EXPECT_TRUE(matches("^\\p{Number}$", "\u00bd"));
  EXPECT_FALSE(matches("^\\p{Nd}$", "\u00bd"));
  EXPECT_TRUE(matches("^\\p{Decimal_Number}+$", "\u09ea\u09e8"));
  EXPECT_TRUE(matches("^\\p{digit}$", "7"));
  EXPECT_TRUE(matches("^\\p{punct}$", "!"));
  EXPECT_TRUE(matches("^\\p{Script=Greek}$", "\u03c0"));
  EXPECT_TRUE(matches("^\\p{sc=Grek}$", "\u03c0"));
  EXPECT_FALSE(matches("^\\p{sc=Greek}$", "p"));
  EXPECT_TRUE(matches("^\\P{Script=Greek}$", "p"));
  EXPECT_TRUE(matches("^\\p{sc=Qaai}$", "\u0300"));  // extra alias of Inherited
  EXPECT_TRUE(matches("^\\p{Any}$", "\U0010FFFF"));
  EXPECT_TRUE(matches("^\\p{ASCII}+$", "abc~"));
  EXPECT_FALSE(matches("^\\p{ASCII}$", "\u00e9"));
  EXPECT_TRUE(matches("^\\p{AHex}+$", "09afAF"));
  EXPECT_TRUE(matches("^\\p{Hex_Digit}$", "\uff21"));
  EXPECT_TRUE(matches("^\\p{White_Space}$", "\u0085"));
  EXPECT_FALSE(matches("^\\p{space}$", "\ufeff"));
}

TEST(EcmaRegex, PropertyOtherIncludesUnassignedCodePoints) {
  EXPECT_TRUE(matches("^\\p{C}$", "\u0378"));  // unassigned: RE2's \pC alone misses it
  EXPECT_TRUE(matches("^\\p{Other}$", "\x01"));
  EXPECT_FALSE(matches("^\\P{C}$", "\u0378"));
  EXPECT_TRUE(matches("^\\p{Cn}$", "\u0378"));
  EXPECT_FALSE(matches("^\\p{Unassigned}$", "a"));
  EXPECT_FALSE(matches("^\\p{Assigned}$", "\u0378"));
  EXPECT_TRUE(matches("^\\P{Assigned}$", "\u0378"));
  EXPECT_TRUE(matches("^[^\\p{Cn}]$", "a"));
  EXPECT_FALSE(matches("^[^\\p{C}x]$", "\u0378"));
}

TEST(EcmaRegex, ComplementedPropertiesWorkInsideNegatedClasses) {
  EXPECT_TRUE(matches("^\\p{LC}$", "a"));
  EXPECT_FALSE(matches("^\\p{LC}$", "\u01c0"));  // Lo
  EXPECT_TRUE(matches("^\\P{LC}$", "1"));
  EXPECT_FALSE(matches("^\\P{LC}$", "a"));
  EXPECT_TRUE(matches("^[^\\P{L}]$", "\u03c0"));
  EXPECT_FALSE(matches("^[^\\P{L}]$", "1"));
  EXPECT_FALSE(matches("^[^\\P{LC}1]$", "1"));
  EXPECT_TRUE(matches("^[^\\P{LC}1]$", "a"));
  EXPECT_FALSE(matches("^\\P{Any}$", "a"));
}

TEST(EcmaRegex, PropertyNamesAreCaseSensitiveAndStrict) {
  for (const char* bad : {"\\p{letter}", "\\p{l}", "\\p{Greek}", "\\p{sc=greek}", "\\p{gc}",
                          "\\p{gc=}", "\\p{=L}", "\\p{L", "\\pL", "\\p", "\\p{Script=L}",
                          "\\p{General_Category=Greek}", "\\p{ Letter}", "[\\p{L}-z]"}) {
    EXPECT_FALSE(is_ecma_regex(bad)) << bad;
    EXPECT_FALSE(EcmaRegex::compile(bad).has_value()) << bad;
  }
}

TEST(EcmaRegex, PropertiesWithoutRe2TablesAreValidButRejected) {
  for (const char* pattern : {"\\p{Alphabetic}", "\\P{Emoji}", "\\p{scx=Grek}",
                              "\\p{Script_Extensions=Latin}", "\\p{sc=Zzzz}", "\\p{sc=Garay}"}) {
    EXPECT_TRUE(is_ecma_regex(pattern)) << pattern;
    auto compiled = EcmaRegex::compile(pattern);
    ASSERT_FALSE(compiled.has_value()) << pattern;
    EXPECT_NE(compiled.error().find("unsupported"), std::string::npos) << compiled.error();
  }
}

TEST(EcmaRegex, CharacterEscapesDenoteTheirCodePoints) {
  EXPECT_TRUE(matches("^\\u0041\\x42\\u{43}\\u{000044}$", "ABCD"));
  EXPECT_TRUE(matches("^\\u{1F600}$", "\U0001F600"));
  EXPECT_TRUE(matches("^\\cJ\\cj$", "\n\n"));
  EXPECT_TRUE(matches("^\\0$", std::string_view("\0", 1)));
  EXPECT_TRUE(matches("^\\t\\n\\v\\f\\r$", "\t\n\v\f\r"));
  EXPECT_TRUE(matches("^\\/\\^\\$\\\\\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|$", "/^$\\.*+?()[]{}|"));
  EXPECT_TRUE(matches("^[\\b]$", "\b"));
  EXPECT_TRUE(matches("^[\\-]$", "-"));
  EXPECT_TRUE(matches("^[\\cA-\\cC]+$", "\x01\x02\x03"));
  EXPECT_TRUE(matches("^[[]$", "["));
  EXPECT_TRUE(matches("^a-b,c:d=e!f<g>h/i$", "a-b,c:d=e!f<g>h/i"));
}

TEST(EcmaRegex, SurrogatePairEscapeIsOneCodePoint) {
  EXPECT_TRUE(matches("^\\uD83D\\uDE00$", "\U0001F600"));
  EXPECT_TRUE(matches("^\\uD83D\\uDE00{2}$", "\U0001F600\U0001F600"));
  EXPECT_TRUE(matches("^[\\uD83D\\uDE00]$", "\U0001F600"));
  EXPECT_TRUE(matches("^[\\uD83D\\uDE00-\\uD83D\\uDE4F]$", "\U0001F64F"));
  EXPECT_TRUE(matches("^\U0001F432*$", "\U0001F432\U0001F432"));
  EXPECT_FALSE(matches("^\U0001F432*$", "\U0001F409"));
}

TEST(EcmaRegex, LoneSurrogateEscapeMatchesNothing) {
  EXPECT_FALSE(matches("\\uD83D", "\U0001F600"));
  EXPECT_FALSE(matches("\\uDE00", "\U0001F600"));
  EXPECT_FALSE(matches("\\uD83D\\u{DE00}", "\U0001F600"));
  EXPECT_TRUE(matches("^a\\uD800?$", "a"));
  EXPECT_TRUE(matches("^[\\uD800-\\uDFFFa]$", "a"));
  EXPECT_FALSE(matches("[\\uD800-\\uDFFF]", "\U0001F600"));
  EXPECT_TRUE(matches("^[\\u0000-\\uFFFF]$", "\uffff"));
}

TEST(EcmaRegex, QuantifiersKeepTheirMeaningIncludingLazyForms) {
  EXPECT_TRUE(matches("^a{3}$", "aaa"));
  EXPECT_FALSE(matches("^a{3}$", "aa"));
  EXPECT_TRUE(matches("^a{2,}$", "aaaaa"));
  EXPECT_FALSE(matches("^a{2,3}$", "aaaa"));
  EXPECT_TRUE(matches("^a*?b+?c??d{1,2}?$", "aabbdd"));
  EXPECT_TRUE(matches("^(?:ab){2}$", "abab"));
  EXPECT_TRUE(matches("^a{0}$", ""));
}

TEST(EcmaRegex, RepetitionCountsAboveRe2LimitAreSplit) {
  EXPECT_TRUE(matches("^a{2500}$", repeat("a", 2500)));
  EXPECT_FALSE(matches("^a{2500}$", repeat("a", 2499)));
  EXPECT_FALSE(matches("^a{2500}$", repeat("a", 2501)));
  EXPECT_TRUE(matches("^a{0,1500}$", repeat("a", 1500)));
  EXPECT_TRUE(matches("^a{0,1500}$", ""));
  EXPECT_FALSE(matches("^a{0,1500}$", repeat("a", 1501)));
  EXPECT_TRUE(matches("^a{1200,}$", repeat("a", 5000)));
  EXPECT_FALSE(matches("^a{1200,}$", repeat("a", 1199)));
  EXPECT_TRUE(matches("^.{0,5000}$", repeat("\u00e9", 5000)));
  EXPECT_EQ(translate_ecma_to_re2("a{2001}").value(), "a{1000}a{1000}a{1}");
}

TEST(EcmaRegex, HugeRepetitionCountsAreRejected) {
  EXPECT_TRUE(is_ecma_regex("a{1000000}"));
  EXPECT_TRUE(is_ecma_regex("a{99999999999999999999}"));
  EXPECT_FALSE(EcmaRegex::compile("a{1000000}").has_value());
  EXPECT_FALSE(EcmaRegex::compile("a{0,99999999999999999999}").has_value());
  EXPECT_FALSE(EcmaRegex::compile("(?:(?:a{1000}){1000}){1000}").has_value());  // RE2 limit
}

TEST(EcmaRegex, GroupsAreTranslatedAsNonCapturing) {
  EXPECT_EQ(translate_ecma_to_re2("(a)(?:b)(?<name>c)").value(), "(a)(?:b)(c)");
  EXPECT_TRUE(matches("^(?<year>\\d{4})-(?<month>\\d{2})$", "2024-05"));
  EXPECT_TRUE(matches("^(?<$\u00e9_1>x)$", "x"));
  EXPECT_TRUE(matches("^(?<\\u0061b>x)$", "x"));
}

TEST(EcmaRegex, DuplicateGroupNamesAreValidOnlyInDifferentAlternatives) {
  EXPECT_TRUE(is_ecma_regex("(?<a>x)|(?<a>y)"));
  EXPECT_TRUE(is_ecma_regex("(?:(?<a>x)|(?<a>y))z"));
  EXPECT_TRUE(matches("^(?:(?<a>x)|(?<a>y))$", "y"));
  EXPECT_FALSE(is_ecma_regex("(?<a>x)(?<a>y)"));
  EXPECT_FALSE(is_ecma_regex("(?<a>(?<a>x))"));
  EXPECT_FALSE(is_ecma_regex("(?:(?<a>x)|(?<a>y))(?<a>z)"));
  EXPECT_FALSE(is_ecma_regex("(?<a>x)(?:(?<b>y)|(?<a>z))"));
}

TEST(EcmaRegex, BackreferencesAreValidButNotCompiled) {
  for (const char* pattern : {"(a)\\1", "(?<n>a)\\k<n>", "\\k<n>(?<n>a)", "(a)(b)\\2"}) {
    EXPECT_TRUE(is_ecma_regex(pattern)) << pattern;
    auto compiled = EcmaRegex::compile(pattern);
    ASSERT_FALSE(compiled.has_value()) << pattern;
    EXPECT_NE(compiled.error().find("backreference"), std::string::npos) << compiled.error();
  }
  EXPECT_FALSE(is_ecma_regex("(a)\\2"));
  EXPECT_FALSE(is_ecma_regex("\\1"));
  EXPECT_FALSE(is_ecma_regex("(?<n>a)\\k<m>"));
  EXPECT_FALSE(is_ecma_regex("\\k"));
}

TEST(EcmaRegex, LeadingNegativeLookaheadExcludesPrefix) {
  const EcmaRegex r = re("^(?!foo)\\w+$");
  EXPECT_TRUE(r.search("bar"));
  EXPECT_TRUE(r.search("fo"));
  EXPECT_FALSE(r.search("foo"));
  EXPECT_FALSE(r.search("foobar"));
  EXPECT_FALSE(r.search("b-r"));
}

TEST(EcmaRegex, LeadingPositiveLookaheadRequiresPrefix) {
  const EcmaRegex r = re("^(?=.*\\d)(?=.*[a-z])[a-z\\d]{6,}$");
  EXPECT_TRUE(r.search("abc123"));
  EXPECT_FALSE(r.search("abcdef"));
  EXPECT_FALSE(r.search("123456"));
  EXPECT_FALSE(r.search("ab12"));
}

TEST(EcmaRegex, LookaheadBodyMayMatchBeyondTheRest) {
  EXPECT_FALSE(matches("^(?!a.*z$)a", "abcz"));
  EXPECT_TRUE(matches("^(?!a.*z$)a", "abcy"));
  EXPECT_TRUE(matches("^(?!(?:x|y)$)", "xy"));
  EXPECT_FALSE(matches("^(?!(?:x|y)$)", "x"));
}

TEST(EcmaRegex, LookaheadInOneTopLevelAlternativeOnlyGuardsThatAlternative) {
  const EcmaRegex r = re("^(?!ab)a|b$|^(?=c)..");
  EXPECT_TRUE(r.search("ac"));
  EXPECT_FALSE(r.search("abc"));
  EXPECT_TRUE(r.search("ab"));  // by the second alternative
  EXPECT_TRUE(r.search("xb"));
  EXPECT_TRUE(r.search("cd"));
  EXPECT_FALSE(r.search("dc"));
  EXPECT_EQ(translate_ecma_to_re2("^(?!ab)a|b$").value(), "^(?!ab)a|b$");
}

TEST(EcmaRegex, LeadingLookaheadAlternativesAreBoundedTo64Programs) {
  EXPECT_TRUE(matches(repeat("^(?!a)b|", 30) + "^(?!a)c", "c"));
  auto compiled = EcmaRegex::compile(repeat("^(?!a)b|", 40) + "x");
  ASSERT_FALSE(compiled.has_value());
  EXPECT_NE(compiled.error().find("more than 64"), std::string::npos) << compiled.error();
}

TEST(EcmaRegex, LookaroundElsewhereIsValidButRejected) {
  for (const char* pattern : {"(?!a)b", "a(?=b)", "^a(?!b)", "(?:^(?!a))b", "x|a(?=b)",
                              "^(?:(?!a).)*$", "(?<=a)b", "(?<!a)b", "^(?<=a)b", "(?<=a+)b"}) {
    EXPECT_TRUE(is_ecma_regex(pattern)) << pattern;
    auto compiled = EcmaRegex::compile(pattern);
    ASSERT_FALSE(compiled.has_value()) << pattern;
    EXPECT_NE(compiled.error().find("look"), std::string::npos) << compiled.error();
  }
  EXPECT_NE(EcmaRegex::compile("a(?=b)").error().find("at offset 1"), std::string::npos);
}

TEST(EcmaRegex, CsafExtensionMetaschemaLookaheadExcludesOasisContentSchema) {
  const json schema =
      read_json(testsuites_dir() / "csaf/schemas/csaf_2.1/extension-metaschema.json");
  ASSERT_TRUE(schema.is_object()) << "cannot read the CSAF 2.1 extension metaschema";
  const std::string pattern = schema["$defs"]["content_schema_t"]["pattern"];
  ASSERT_EQ(pattern.rfind("^(?!https:", 0), 0u) << pattern;
  const EcmaRegex r = re(pattern);
  EXPECT_TRUE(r.search("https://example.com/csaf/extensions/acme_1.0.0.json"));
  EXPECT_TRUE(
      r.search("https://docs.example.org/csaf/csaf/v2.1/os/schema/"
               "extension-content.json_1.0.0.json"));
  const std::string excluded =
      "https://docs.oasis-open.org/csaf/csaf/v2.1/os/schema/extension-content.json_1.0.0.json";
  EXPECT_FALSE(r.search(excluded));
  // The same URL matches the rest of the pattern: the lookahead is what excludes it.
  const std::size_t rest = pattern.find(")(https:");
  ASSERT_NE(rest, std::string::npos);
  EXPECT_TRUE(matches("^" + pattern.substr(rest + 1), excluded));
}

TEST(EcmaRegex, ModifiersIgnoreCaseAndDotAllAreSupported) {
  EXPECT_TRUE(matches("^(?i:abc)d$", "ABcd"));
  EXPECT_FALSE(matches("^(?i:abc)d$", "abcD"));
  EXPECT_TRUE(matches("^(?i:a(?-i:b))$", "Ab"));
  EXPECT_FALSE(matches("^(?i:a(?-i:b))$", "AB"));
  EXPECT_TRUE(matches("^(?s:.)$", "\n"));
  EXPECT_FALSE(matches("^(?s:(?-s:.))$", "\n"));
  EXPECT_TRUE(is_ecma_regex("(?ims-:a)"));
  EXPECT_TRUE(is_ecma_regex("(?-ims:a)"));
  EXPECT_FALSE(is_ecma_regex("(?ii:a)"));
  EXPECT_FALSE(is_ecma_regex("(?i-i:a)"));
  EXPECT_FALSE(is_ecma_regex("(?-:a)"));
  EXPECT_FALSE(is_ecma_regex("(?x:a)"));
}

TEST(EcmaRegex, IgnoreCaseModifierFollowsEcmaCaseFolding) {
  EXPECT_TRUE(matches("^(?i:\\P{Lu})$", "A"));  // 'a' is in \P{Lu} and folds to 'A'
  EXPECT_TRUE(matches("^(?i:\\p{Lu})$", "a"));
  EXPECT_FALSE(matches("^(?i:[^a])$", "A"));
  EXPECT_TRUE(matches("^(?i:\\w)$", "\u017f"));   // LATIN SMALL LETTER LONG S folds to 's'
  EXPECT_FALSE(matches("^(?i:\\W)$", "\u212a"));  // KELVIN SIGN folds to 'k'
  EXPECT_TRUE(matches("^(?i:\\u00df)$", "\u1e9e"));
  EXPECT_TRUE(matches("^(?i:\\p{sc=Greek})$", "\u00b5"));  // MICRO SIGN folds to Greek mu
  // RE2 would complement after folding here; ECMA complements first.
  EXPECT_TRUE(is_ecma_regex("(?i:\\P{sc=Greek})"));
  EXPECT_FALSE(EcmaRegex::compile("(?i:\\P{sc=Greek})").has_value());
  EXPECT_FALSE(EcmaRegex::compile("(?i:[\\P{sc=Greek}])").has_value());
  EXPECT_TRUE(matches("^\\P{sc=Greek}$", "\u00b5"));
}

TEST(EcmaRegex, MultilineModifierWithAnchorsIsRejected) {
  EXPECT_TRUE(is_ecma_regex("(?m:^a$)"));
  EXPECT_FALSE(EcmaRegex::compile("(?m:^a$)").has_value());
  EXPECT_TRUE(matches("^(?m:a)$", "a"));  // m without ^/$ inside changes nothing
  EXPECT_FALSE(EcmaRegex::compile("(?i:\\b)").has_value());
}

TEST(EcmaRegex, WordBoundariesAreAscii) {
  EXPECT_TRUE(matches("\\bfoo\\b", "a foo."));
  EXPECT_FALSE(matches("\\bfoo\\b", "afoo"));
  EXPECT_TRUE(matches("\\b\u00e9", "\u00e9") == false);  // é is no word character
  EXPECT_TRUE(matches("a\\B", "ab"));
}

TEST(EcmaRegex, NonWordBoundaryDoesNotMatchInsideMultibyteCharacter) {
  EXPECT_FALSE(matches("\\B", "a\u00e9b"));  // every position is a word boundary
  EXPECT_TRUE(matches("\\B", "\u00e9\u00e9"));
  EXPECT_TRUE(matches("\\B", "ab"));
}

TEST(EcmaRegex, UnicodeModeRejectsAnnexBSyntax) {
  for (const char* bad :
       {"\\a",      "\\e",    "\\z",     "\\-",     "\\_",    "\\ ",      "{",
        "}",        "]",      "a{",      "a{1",     "a{,3}",  "a{1,2",    "(?i)abc",
        "(?P<n>x)", "(?#c)a", "(?",      "(?<",     "(?<>x)", "(?<1a>x)", "(?<a-b>x)",
        "\\c",      "\\c1",   "[\\c1]",  "\\x1",    "\\xg0",  "\\u12",    "\\u{110000}",
        "\\u{}",    "[\\1]",  "\\00",    "\\01",    "[\\00]", "\\8",      "[\\B]",
        "[\\k]",    "a**",    "a+*",     "*",       "+a",     "?",        "|*",
        "(*)",      "^*",     "$+",      "\\b*",    "(?=a)*", "(?!a){2}", "(?<=a)?",
        "a{2,1}",   "[z-a]",  "[\\w-z]", "[a-\\s]", "(",      "(a",       "a)",
        ")",        "[",      "[a",      "[\\",     "\\",     "(?<a>x",   "\\p{L}{2,1}"}) {
    EXPECT_FALSE(is_ecma_regex(bad)) << bad;
    auto compiled = EcmaRegex::compile(bad);
    ASSERT_FALSE(compiled.has_value()) << bad;
    EXPECT_EQ(compiled.error().rfind("invalid ECMA-262 regular expression at offset ", 0), 0u)
        << compiled.error();
  }
}

TEST(EcmaRegex, ValidSyntaxVariantsAreAccepted) {
  for (const char* good : {"",
                           "a|",
                           "|",
                           "()",
                           "(?:)",
                           "[]",
                           "[^]",
                           "[-]",
                           "[a-]",
                           "[-a]",
                           "[--a]",
                           "[a-b-c]",
                           "[\\d-]",
                           "[-\\d]",
                           "[\\]]",
                           "[\\^]",
                           "[^^]",
                           "[{}()|*+?.$^]",
                           "\\{",
                           "x{1}?",
                           "a{0,0}",
                           "a{007}",
                           "\\0",
                           "[\\0]",
                           "\\u{0000000041}",
                           "\\cz",
                           "(?<\\u{1d4d0}>x)",
                           "(?<a>x)(?<b>y)\\k<a>",
                           "^$",
                           "\\b\\B",
                           "(?i-ms:a)",
                           "(?=a)",
                           "(?<!a)"}) {
    EXPECT_TRUE(is_ecma_regex(good)) << good;
  }
}

TEST(EcmaRegex, ErrorsNameTheConstructAndOffset) {
  EXPECT_EQ(EcmaRegex::compile("ab\\q").error(),
            "invalid ECMA-262 regular expression at offset 2: invalid escape '\\q'");
  EXPECT_EQ(EcmaRegex::compile("ab(c").error(),
            "invalid ECMA-262 regular expression at offset 2: unterminated group");
  EXPECT_EQ(EcmaRegex::compile("x(a)\\1").error(),
            "unsupported ECMA-262 regular expression at offset 4: backreference (not evaluable in "
            "linear time)");
}

// ---------------------------------------------------------------------------------------------
// Hostile input
// ---------------------------------------------------------------------------------------------

template <typename F>
double seconds(F&& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST(EcmaRegexHostile, NestedQuantifierOnLongSubjectsRunsInLinearTime) {
  const EcmaRegex nested = re("^(a+)+$");
  const EcmaRegex alternation = re("^(a|a|aa)*b$");
  const EcmaRegex dotstar = re("(.*a){20}x");
  for (const std::size_t size : {std::size_t{5000}, std::size_t{1} << 20}) {
    const std::string subject = repeat("a", size) + "!";
    const double elapsed = seconds([&] {
      EXPECT_FALSE(nested.search(subject));
      EXPECT_FALSE(alternation.search(subject));
      EXPECT_FALSE(dotstar.search(subject));
      EXPECT_TRUE(nested.search(repeat("a", size)));
    });
    EXPECT_LT(elapsed, 10.0) << size;
  }
}

TEST(EcmaRegexHostile, DeeplyNestedGroupsReturnErrorWithoutCrashing) {
  const std::string open = repeat("(", 100000);
  EXPECT_FALSE(is_ecma_regex(open));
  EXPECT_FALSE(EcmaRegex::compile(open).has_value());
  const std::string balanced = open + "a" + repeat(")", 100000);
  EXPECT_TRUE(is_ecma_regex(balanced));
  auto compiled = EcmaRegex::compile(balanced);
  ASSERT_FALSE(compiled.has_value());  // longer than 64 KiB
  const std::string nested = repeat("(?:", 5000) + "a" + repeat(")", 5000);
  compiled = EcmaRegex::compile(nested);
  ASSERT_FALSE(compiled.has_value());
  EXPECT_NE(compiled.error().find("nested deeper"), std::string::npos) << compiled.error();
  EXPECT_TRUE(matches(repeat("(", 900) + "a" + repeat(")", 900), "a"));
  EXPECT_FALSE(is_ecma_regex(repeat("[", 100000)));
  EXPECT_FALSE(is_ecma_regex(repeat("(?<a>", 50000)));
}

TEST(EcmaRegexHostile, OverlongPatternIsRejected) {
  const std::string pattern = repeat("a", EcmaRegex::kMaxPatternBytes + 1);
  EXPECT_TRUE(is_ecma_regex(pattern));
  auto compiled = EcmaRegex::compile(pattern);
  ASSERT_FALSE(compiled.has_value());
  EXPECT_NE(compiled.error().find("longer than"), std::string::npos);
  EXPECT_TRUE(EcmaRegex::compile(repeat("a", EcmaRegex::kMaxPatternBytes)).has_value());
}

TEST(EcmaRegexHostile, ExpensiveTranslationsFailFast) {
  // Each \p{...} costs RE2 a large table; 64 KiB of them must fail cleanly and quickly.
  const double elapsed = seconds([] {
    for (const std::string& pattern :
         {repeat("\\p{Cn}", 10000), "[" + repeat("\\p{Cn}", 10000) + "]",
          "[^" + repeat("\\P{LC}", 8000) + "]", repeat("\\p{L}", 16000),
          repeat("(?:x{1000}){90}", 2000), repeat("x{99999}", 6000)}) {
      auto compiled = EcmaRegex::compile(pattern);
      EXPECT_FALSE(compiled.has_value()) << pattern.substr(0, 40);
    }
  });
  EXPECT_LT(elapsed, 10.0);
  EXPECT_TRUE(EcmaRegex::compile(repeat("[\\p{L}\\p{N}]", 100)).has_value());
}

TEST(EcmaRegexHostile, InvalidUtf8SubjectIsMatchedAsReplacementCharacters) {
  EXPECT_TRUE(matches("^.$", "\xff"));
  EXPECT_TRUE(matches("^\\uFFFD$", "\xff"));
  EXPECT_TRUE(matches("^a\\uFFFDb$",
                      "a\xe2\x82"
                      "b"));                             // truncated sequence: one U+FFFD
  EXPECT_TRUE(matches("^\\uFFFD{3}$", "\xed\xa0\x80"));  // encoded surrogate: 3 subparts
  EXPECT_FALSE(matches("^[a-z]*$", "abc\xff"));
  EXPECT_TRUE(matches("^[^<>]*$", "abc\xc0\xaf"));
  EXPECT_FALSE(matches("<", "abc\xc0\xaf"));
  EXPECT_TRUE(matches("^.{3}$", "\xf4\x90\x80\x80") == false);
}

// Random token soup: no crash (run under sanitizers), and compile()'s error kind agrees with
// is_ecma_regex: "invalid ..." exactly when the syntax is invalid.
TEST(EcmaRegexHostile, RandomPatternsNeverCrashAndErrorKindsAgreeWithIsEcmaRegex) {
  static const std::string_view kTokens[] = {"a",
                                             "\\u00e9",
                                             "\\u{1F600}",
                                             "\\uD83D",
                                             "\\uDE00",
                                             ".",
                                             "^",
                                             "$",
                                             "|",
                                             "(",
                                             ")",
                                             "(?:",
                                             "(?=",
                                             "(?!",
                                             "(?<=",
                                             "(?<!",
                                             "(?<n>",
                                             "(?i:",
                                             "(?-s:",
                                             "[",
                                             "]",
                                             "[^",
                                             "-",
                                             "*",
                                             "+",
                                             "?",
                                             "{",
                                             "}",
                                             "{2}",
                                             "{1,}",
                                             "{0,3}",
                                             "{2,1}",
                                             ",",
                                             "\\d",
                                             "\\S",
                                             "\\b",
                                             "\\B",
                                             "\\p{L}",
                                             "\\P{C}",
                                             "\\p{sc=Grek}",
                                             "\\p{Foo}",
                                             "\\p{",
                                             "\\1",
                                             "\\k<n>",
                                             "\\k",
                                             "\\c",
                                             "\\x4",
                                             "\\u{",
                                             "\\",
                                             "\\-",
                                             "\\/",
                                             "\\0",
                                             "\\00",
                                             "a-z",
                                             "\xff",
                                             "\xc3",
                                             std::string_view("\0", 1)};
  const std::string subjects[] = {"", "a", "\u00e9a1 ", "\U0001F600\n", "\xff\xfe", "aaaa"};
  std::mt19937 rng(20240601);
  for (int round = 0; round < 20000; ++round) {
    std::string pattern;
    const int length = static_cast<int>(rng() % 9);
    for (int k = 0; k < length; ++k) pattern += kTokens[rng() % std::size(kTokens)];
    const bool valid = is_ecma_regex(pattern);
    auto compiled = EcmaRegex::compile(pattern);
    if (compiled) {
      EXPECT_TRUE(valid) << pattern;
      for (const std::string& subject : subjects) compiled->search(subject);
    } else {
      const bool invalid_error = compiled.error().rfind("invalid ", 0) == 0;
      EXPECT_EQ(invalid_error, !valid) << pattern << ": " << compiled.error();
    }
  }
}

TEST(EcmaRegexHostile, InvalidUtf8PatternIsRejected) {
  EXPECT_FALSE(is_ecma_regex("a\xff"));
  EXPECT_FALSE(EcmaRegex::compile("\xed\xa0\x80").has_value());
}

TEST(EcmaRegexHostile, SubjectMayContainNul) {
  EXPECT_TRUE(matches("^a\\0b$", std::string_view("a\0b", 3)));
  EXPECT_FALSE(matches("^ab$", std::string_view("a\0b", 3)));
}

TEST(EcmaRegexHostile, CopiesShareTheProgramAcrossThreads) {
  const EcmaRegex original = re("^(?!x)[a-z]+\\d$");
  std::vector<std::thread> threads;
  std::vector<int> hits(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([copy = original, &hits, t] {
      for (int k = 0; k < 2000; ++k) hits[t] += copy.search("abc" + std::to_string(k % 10));
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int count : hits) EXPECT_EQ(count, 2000);
  EXPECT_EQ(original.source(), "^(?!x)[a-z]+\\d$");
}

}  // namespace
}  // namespace lotse::schema
