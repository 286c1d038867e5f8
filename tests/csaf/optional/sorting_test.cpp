// Test 6.2.13 Sorting and the alphabetical order of keys it uses
// (key_collation.hpp: the CLDR root collation for ASCII keys, as
// csaf-validator-lib's Intl.Collator sorts them).
#include <gtest/gtest.h>

#include <string>

#include "csaf/optional/key_collation.hpp"
#include "support/csaf_findings.hpp"

namespace lotse::csaf {
namespace {

using lotse::testing::describe;
using optional::compare_keys;
const auto run = &lotse::testing::findings_of;

TEST(KeyCollation, LettersCompareIgnoringCaseFirst) {
  EXPECT_LT(compare_keys("baseScore", "baseSeverity"), 0);
  EXPECT_LT(compare_keys("alpha", "Beta"), 0);  // ASCII order would put "Beta" first
  EXPECT_LT(compare_keys("Alpha", "beta"), 0);
}

TEST(KeyCollation, CaseBreaksTiesLowerCaseFirstAtTheFirstDifference) {
  EXPECT_LT(compare_keys("a", "A"), 0);
  EXPECT_LT(compare_keys("ab", "aB"), 0);
  EXPECT_LT(compare_keys("aB", "Ab"), 0);
  EXPECT_EQ(compare_keys("same", "same"), 0);
}

TEST(KeyCollation, PunctuationAndDigitsSortBeforeLetters) {
  EXPECT_LT(compare_keys("product_id", "product_identification_helper"), 0);
  EXPECT_LT(compare_keys("product_identification_helper", "product_ids"), 0);
  EXPECT_LT(compare_keys("a_b", "ab"), 0);  // '_' (0x5F) sorts after 'A'..'Z' in ASCII, before letters here
  EXPECT_LT(compare_keys("a_b", "aB"), 0);
  EXPECT_LT(compare_keys("cvss_v2", "cvss_v3"), 0);
  EXPECT_LT(compare_keys("x9", "xa"), 0);
  EXPECT_LT(compare_keys("a-b", "a,b"), 0);  // CLDR: _ - , ; : ! ? . ' " ( ) ... $ 0-9
  EXPECT_LT(compare_keys("a$", "a0"), 0);
  EXPECT_LT(compare_keys("a b", "a_b"), 0);
}

TEST(KeyCollation, ControlCharactersOtherThanWhiteSpaceAreIgnored) {
  EXPECT_EQ(compare_keys("a\x01", "a"), 0);
  EXPECT_LT(compare_keys("\x01", "0"), 0);
  EXPECT_LT(compare_keys("a\tb", "a\nb"), 0);
}

TEST(KeyCollation, NonAsciiSortsAfterAsciiLettersByCodePoint) {
  EXPECT_LT(compare_keys("z", "\u00e9"), 0);
  EXPECT_LT(compare_keys("\u00e9", "\u4e2d"), 0);
}

TEST(Sorting, UnsortedKeysFail) {  // spec example 105
  auto findings = run("6.2.13", R"({"document": {"csaf_version": "2.0", "category": "csaf_base"}})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/document");
  EXPECT_NE(findings[0].message.find("\"csaf_version\" comes before \"category\""), std::string::npos)
      << findings[0].message;
}

TEST(Sorting, ObjectsInsideArraysAreCheckedOncePerObject) {
  auto findings = run("6.2.13", R"({"a": [{"b": 1, "a": 2, "c": {"z": 1, "y": 2}}, [{"d": 0, "c": 0}]], "b": []})");
  ASSERT_EQ(findings.size(), 3u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/a/0");
  EXPECT_EQ(findings[1].pointer, "/a/0/c");
  EXPECT_EQ(findings[2].pointer, "/a/1/0");
}

TEST(Sorting, SortedDocumentPasses) {
  auto findings = run("6.2.13", R"({"document": {"category": "csaf_base", "csaf_version": "2.0",
      "tracking": {"id": "x", "revision_history": [{"date": "d", "number": "1", "summary": "s"}]}},
      "product_tree": {"full_product_names": [{"name": "n", "product_id": "p", "product_identification_helper": {}}],
      "product_groups": []}, "vulnerabilities": [{"cve": "c", "cwe": {"id": "i", "name": "n"}}]})");
  EXPECT_TRUE(findings.empty()) << describe(findings);
}

TEST(Sorting, PointersEscapeKeys) {
  auto findings = run("6.2.13", R"({"a/b": {"~": {"b": 0, "a": 0}}})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/a~1b/~0");
}

TEST(Sorting, DeepNestingIsWalkedWithoutRecursion) {
  std::string text;
  for (int i = 0; i < 250; ++i) text += R"({"b": 0, "a": [)";  // 500 levels: the default depth cap is 512
  for (int i = 0; i < 250; ++i) text += "]}";
  auto findings = run("6.2.13", text);
  EXPECT_EQ(findings.size(), 250u);
}

}  // namespace
}  // namespace lotse::csaf
