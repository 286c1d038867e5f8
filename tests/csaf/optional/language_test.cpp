// Tests 6.2.14 Use of Private Language and 6.2.15 Use of Default Language,
// and the private use subtags of a language tag (RFC 5646).
#include <gtest/gtest.h>

#include <string>

#include "csaf/optional/private_use_subtags.hpp"
#include "support/csaf_findings.hpp"

namespace lotse::csaf {
namespace {

using lotse::testing::describe;
const auto run = &lotse::testing::findings_of;

std::string with_languages(const std::string& lang, const std::string& source_lang = "") {
  return R"({"document": {"lang": ")" + lang + "\"" +
         (source_lang.empty() ? "" : R"(, "source_lang": ")" + source_lang + "\"") + "}}";
}

// "kind:subtag" of each private use subtag of `tag`.
std::string private_parts(std::string_view tag) {
  std::string out;
  for (const optional::PrivateUseSubtag& part : optional::private_use_subtags(tag)) {
    out += (out.empty() ? "" : " ") + std::string(part.kind) + ":" + std::string(part.subtag);
  }
  return out;
}

TEST(PrivateUseSubtags, RegistryRangesOfLanguageScriptAndRegion) {
  EXPECT_EQ(private_parts("qtx"), "primary language:qtx");
  EXPECT_EQ(private_parts("QAA"), "primary language:QAA");
  EXPECT_EQ(private_parts("en-Qabc"), "script:Qabc");
  EXPECT_EQ(private_parts("en-QM"), "region:QM");
  EXPECT_EQ(private_parts("en-xp"), "region:xp");
  EXPECT_EQ(private_parts("en-AA"), "region:AA");
  EXPECT_EQ(private_parts("fr-ZZ"), "region:ZZ");
  EXPECT_EQ(private_parts("qdq-Qaaa-XZ"), "primary language:qdq script:Qaaa region:XZ");
}

TEST(PrivateUseSubtags, SubtagsAfterTheSingletonX) {
  EXPECT_EQ(private_parts("de-CH-x-phonebk"), "private use:x-phonebk");
  EXPECT_EQ(private_parts("x-whatever-else"), "private use:x-whatever-else");
  EXPECT_EQ(private_parts("en-a-bbb-x-a-ccc"), "private use:x-a-ccc");
}

TEST(PrivateUseSubtags, PublicSubtagsAndLookalikesOutsideTheirPositionAreNot) {
  EXPECT_EQ(private_parts("en-US"), "");
  EXPECT_EQ(private_parts("zh-yue-Hant-HK"), "");
  EXPECT_EQ(private_parts("qu"), "");            // Quechua: outside qaa..qtz
  EXPECT_EQ(private_parts("en-Qabz"), "");       // after Qabx
  EXPECT_EQ(private_parts("en-QL"), "");         // before QM
  EXPECT_EQ(private_parts("sl-rozaj-biske"), "");
  EXPECT_EQ(private_parts("en-a-qaa"), "");      // an extension subtag, not a language
  EXPECT_EQ(private_parts("i-default"), "");
}

TEST(UseOfPrivateLanguage, PrivateUseLanguageFails) {  // spec example 106
  auto findings = run("6.2.14", with_languages("qtx"));
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/document/lang");
  EXPECT_NE(findings[0].message.find("primary language subtag \"qtx\", which is reserved for private use"),
            std::string::npos)
      << findings[0].message;
}

TEST(UseOfPrivateLanguage, SourceLangIsCheckedAndEachSubtagReported) {
  auto findings = run("6.2.14", with_languages("en", "qdq-QM-x-foo"));
  ASSERT_EQ(findings.size(), 3u) << describe(findings);
  for (const Finding& f : findings) EXPECT_EQ(f.pointer, "/document/source_lang");
  EXPECT_NE(findings[2].message.find("private use subtags \"x-foo\""), std::string::npos) << findings[2].message;
}

TEST(UseOfPrivateLanguage, PublicTagsAndMalformedTagsPass) {
  EXPECT_TRUE(run("6.2.14", with_languages("en-US", "de-DE")).empty());
  EXPECT_TRUE(run("6.2.14", with_languages("qtx-")).empty());  // not well-formed: 6.1.12 reports it
}

TEST(UseOfDefaultLanguage, DefaultLanguageFails) {  // spec example 107
  auto findings = run("6.2.15", with_languages("i-default"));
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/document/lang");
}

TEST(UseOfDefaultLanguage, SourceLangAndAnyCaseAreChecked) {
  auto findings = run("6.2.15", with_languages("I-Default", "i-DEFAULT"));
  ASSERT_EQ(findings.size(), 2u) << describe(findings);
  EXPECT_EQ(findings[1].pointer, "/document/source_lang");
}

TEST(UseOfDefaultLanguage, OtherLanguagesPass) {
  EXPECT_TRUE(run("6.2.15", with_languages("en", "i-klingon")).empty());
}

}  // namespace
}  // namespace lotse::csaf
