// Tests 6.2.10 Missing TLP label, 6.2.11 Missing Canonical URL (with the
// section 5.1 file name rule) and 6.2.12 Missing Document Language, from the
// spec examples.
#include <gtest/gtest.h>

#include <string>

#include "csaf/filename.hpp"
#include "support/csaf_findings.hpp"

namespace lotse::csaf {
namespace {

using lotse::testing::describe;
const auto run = &lotse::testing::findings_of;

// --- 6.2.10 Missing TLP label ---

TEST(MissingTlpLabel, DistributionWithoutTlpFails) {  // spec example 102
  auto findings = run("6.2.10", R"({"document": {"distribution": {"text": "Distribute freely."}}})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/document/distribution/tlp/label");
  EXPECT_NE(findings[0].message.find("no TLP label"), std::string::npos) << findings[0].message;
}

TEST(MissingTlpLabel, LabelThatIsNoTlpLabelFails) {
  auto findings = run("6.2.10", R"({"document": {"distribution": {"tlp": {"label": "CLEAR"}}}})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_NE(findings[0].message.find("\"CLEAR\" is not valid"), std::string::npos) << findings[0].message;
}

TEST(MissingTlpLabel, EachCsaf20LabelPasses) {
  for (std::string label : {"AMBER", "GREEN", "RED", "WHITE"}) {
    auto findings = run("6.2.10", R"({"document": {"distribution": {"tlp": {"label": ")" + label + R"("}}}})");
    EXPECT_TRUE(findings.empty()) << label << describe(findings);
  }
}

// --- 6.2.11 Missing Canonical URL ---

TEST(CsafFilename, FollowsTheRulesOfSection51) {  // examples 47 and the note on "2022_#01-A"
  EXPECT_EQ(csaf_filename("cisco-sa-20190513-secureboot"), "cisco-sa-20190513-secureboot.json");
  EXPECT_EQ(csaf_filename("Example Company - 2019-YH3234"), "example_company_-_2019-yh3234.json");
  EXPECT_EQ(csaf_filename("RHBA-2019:0024"), "rhba-2019_0024.json");
  EXPECT_EQ(csaf_filename("2022_#01-A"), "2022_01-a.json");
  EXPECT_EQ(csaf_filename("OASIS_CSAF_TC-CSAF_2.0-2021-6-2-11-01"), "oasis_csaf_tc-csaf_2_0-2021-6-2-11-01.json");
}

TEST(CsafFilename, LowerCasesTheNonAsciiCharactersThatBecomeAscii) {
  EXPECT_EQ(csaf_filename("\u212A1"), "k1.json");           // KELVIN SIGN
  EXPECT_EQ(csaf_filename("A\u0130B"), "ai_b.json");        // I WITH DOT ABOVE: "i" + combining dot
  EXPECT_EQ(csaf_filename("caf\u00C9 \xff+1"), "caf_+1.json");  // others (and bad bytes) are replaced
}

std::string document_with_self_url(const std::string& url) {
  return R"({"document": {"references": [{"category": "self", "summary": "s", "url": ")" + url +
         R"("}], "tracking": {"id": "OASIS_CSAF_TC-CSAF_2.0-2021-6-2-11-01", "version": "1"}}})";
}

TEST(MissingCanonicalUrl, SelfUrlWithAnotherFileNameFails) {  // spec example 103
  auto findings = run("6.2.11", document_with_self_url(
      "https://example.com/security/data/csaf/2021/OASIS_CSAF_TC-CSAF_2.0-2021-6-2-11-01_1.json"));
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/document/references");
  EXPECT_NE(findings[0].message.find("\"/oasis_csaf_tc-csaf_2_0-2021-6-2-11-01.json\""), std::string::npos)
      << findings[0].message;
}

TEST(MissingCanonicalUrl, HttpsSelfUrlEndingInTheFileNamePasses) {
  auto findings = run("6.2.11", document_with_self_url(
      "https://example.com/security/data/csaf/2021/oasis_csaf_tc-csaf_2_0-2021-6-2-11-01.json"));
  EXPECT_TRUE(findings.empty()) << describe(findings);
}

TEST(MissingCanonicalUrl, PlainHttpOrAnotherCategoryOrALongerFileNameFails) {
  const std::string good = "//example.com/oasis_csaf_tc-csaf_2_0-2021-6-2-11-01.json";
  EXPECT_EQ(run("6.2.11", document_with_self_url("http:" + good)).size(), 1u);
  EXPECT_EQ(run("6.2.11", document_with_self_url("https://example.com/x-oasis_csaf_tc-csaf_2_0-2021-6-2-11-01.json"))
                .size(),
            1u);
  auto external = run("6.2.11", R"({"document": {"references": [{"category": "external",
      "url": "https://example.com/oasis_csaf_tc-csaf_2_0-2021-6-2-11-01.json"}],
      "tracking": {"id": "OASIS_CSAF_TC-CSAF_2.0-2021-6-2-11-01"}}})");
  ASSERT_EQ(external.size(), 1u);
  EXPECT_NE(external[0].message.find("no reference of category self"), std::string::npos) << external[0].message;
}

TEST(MissingCanonicalUrl, DocumentWithoutReferencesFails) {
  EXPECT_EQ(run("6.2.11", R"({"document": {"tracking": {"id": "X"}}})").size(), 1u);
  EXPECT_EQ(run("6.2.11", R"({"document": {}})").size(), 1u);
}

// --- 6.2.12 Missing Document Language ---

TEST(MissingDocumentLanguage, DocumentWithoutLangFails) {  // spec example 104
  auto findings = run("6.2.12", R"({"document": {"category": "csaf_base", "csaf_version": "2.0"}})");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/document/lang");
}

TEST(MissingDocumentLanguage, EmptyOrNonStringLangFails) {
  EXPECT_EQ(run("6.2.12", R"({"document": {"lang": ""}})").size(), 1u);
  EXPECT_EQ(run("6.2.12", R"({"document": {"lang": 7}})").size(), 1u);
}

TEST(MissingDocumentLanguage, DocumentWithLangPasses) {
  EXPECT_TRUE(run("6.2.12", R"({"document": {"lang": "en"}})").empty());
}

}  // namespace
}  // namespace lotse::csaf
