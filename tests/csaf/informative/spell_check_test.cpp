// Spec cases for CSAF 2.0 6.3.8 Spell check with the installed Hunspell
// dictionaries (hunspell-en-us, hunspell-de-de), and the word selection of
// spelling_words.hpp.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "csaf/informative/spelling_words.hpp"
#include "csaf/validator.hpp"
#include "support/csaf_findings.hpp"

namespace lotse::csaf {
namespace {

const auto findings = &lotse::testing::findings_of;

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

std::string document_with(const std::string& lang, const std::string& note_text,
                          const std::string& category = "csaf_base",
                          const std::string& title = "Spell check") {
  return R"({"document":{"category":")" + category + R"(","lang":")" + lang +
         R"(","notes":[{"category":"summary","text":")" + note_text +
         R"("}],"publisher":{"category":"other","name":"OASIS CSAF TC","namespace":"https://csaf.io"},"title":")" + title + R"("}})";
}

TEST(InformativeSpellCheck, MisspelledWordFailsNamingTheWordAndDictionary) {
  // The spec's example 120.
  auto f = findings("6.3.8", document_with("en", "Secruity researchers found multiple vulnerabilities in XYZ."));
  ASSERT_EQ(f.size(), 1u) << lotse::testing::describe(f);
  EXPECT_EQ(f[0].severity, Severity::info);
  EXPECT_EQ(f[0].pointer, "/document/notes/0/text");
  EXPECT_TRUE(contains(f[0].message, "\"Secruity\"")) << f[0].message;
  EXPECT_TRUE(contains(f[0].message, "en_US")) << f[0].message;
}

TEST(InformativeSpellCheck, CorrectTextWithAcronymsAndIdentifiersPasses) {
  auto f = findings("6.3.8", document_with("en-US", "Security researchers found multiple vulnerabilities in XYZ "
                                                    "(CVE-2021-44228, see https://example.net/a_b, product_a.so, "
                                                    "version 2.14.1, x86_64). Don't wait: update now!"));
  EXPECT_TRUE(f.empty()) << lotse::testing::describe(f);
}

TEST(InformativeSpellCheck, GermanDocumentUsesTheGermanDictionary) {
  EXPECT_TRUE(findings("6.3.8", document_with("de", "Eine Sicherheitslücke erlaubt Angreifern den Zugriff.", "csaf_base", "Sicherheitshinweis")).empty());
  auto f = findings("6.3.8", document_with("de-DE", "Eine Sicherheitslucke erlaubt Angreifern den Zugriff.", "csaf_base", "Sicherheitshinweis"));
  ASSERT_EQ(f.size(), 1u) << lotse::testing::describe(f);
  EXPECT_TRUE(contains(f[0].message, "\"Sicherheitslucke\"")) << f[0].message;
  EXPECT_TRUE(contains(f[0].message, "de_DE")) << f[0].message;
}

TEST(InformativeSpellCheck, DocumentWithoutLanguageIsSkipped) {
  ValidateOptions options;
  options.tests = {"6.3.8"};
  DocumentResult r = validate_document(R"({"document":{"title":"Secruity"}})", "case.json", options);
  EXPECT_TRUE(r.findings.empty());
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(r.skipped[0].test, "6.3.8");
  EXPECT_TRUE(contains(r.skipped[0].reason, "/document/lang")) << r.skipped[0].reason;
}

TEST(InformativeSpellCheck, LanguageWithoutDictionaryFailsOnceAtTheLanguage) {
  // Klingon: no Hunspell dictionary in Debian.
  auto f = findings("6.3.8", document_with("tlh", "Qapla'"));
  ASSERT_EQ(f.size(), 1u) << lotse::testing::describe(f);
  EXPECT_EQ(f[0].pointer, "/document/lang");
  EXPECT_TRUE(contains(f[0].message, "not supported")) << f[0].message;
  EXPECT_TRUE(contains(f[0].message, "en_US")) << f[0].message;  // lists what is installed
}

TEST(InformativeSpellCheck, CategoryOfCsafBaseAndBranchNamesAreChecked) {
  auto f = findings("6.3.8", document_with("en", "Fine.", "Example Advisori"));
  ASSERT_EQ(f.size(), 1u) << lotse::testing::describe(f);
  EXPECT_EQ(f[0].pointer, "/document/category");
  const std::string doc = R"({"document":{"lang":"en"},"product_tree":{"branches":[{"category":"vendor","name":"Example Company",
      "branches":[{"category":"product_name","name":"Pruduct A","product":{"product_id":"A","name":"Example Company Pruduct A"}}]}]}})";
  auto b = findings("6.3.8", doc);
  ASSERT_EQ(b.size(), 2u) << lotse::testing::describe(b);
  EXPECT_EQ(b[0].pointer, "/product_tree/branches/0/branches/0/name");
  EXPECT_EQ(b[1].pointer, "/product_tree/branches/0/branches/0/product/name");
}

TEST(InformativeSpellCheck, LongListsOfMistakesAreCut) {
  std::string text;
  for (int i = 0; i < 15; ++i) text += "qzxv" + std::string(1, static_cast<char>('a' + i)) + "b ";
  auto f = findings("6.3.8", document_with("en", text));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(contains(f[0].message, "and 5 more")) << f[0].message;
}

// ---- which words are checked ------------------------------------------------

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  for (std::string_view w : informative::words_to_check(text)) out.emplace_back(w);
  return out;
}

TEST(SpellingWords, ProseIsSplitIntoWordsWithoutPunctuation) {
  EXPECT_EQ(words("Secruity researchers, (found) \"it\"; don't x-cute -dash- 'quoted'."),
            (std::vector<std::string>{"Secruity", "researchers", "found", "it", "don't", "x-cute", "dash", "quoted"}));
  EXPECT_EQ(words("Sicherheitslücke\u00A0für\tStraße"),
            (std::vector<std::string>{"Sicherheitslücke", "für", "Straße"}));
}

TEST(SpellingWords, AcronymsWordsWithDigitsAndAddressesAreLeftOut) {
  EXPECT_TRUE(words("CSAF OASIS TC XYZ ÄÖÜ").empty());
  EXPECT_TRUE(words("Vu1nerability x86 2nd CVE-2021-44228 17.4").empty());
  EXPECT_TRUE(words("https://example.net a@b.c C:\\x csaf_base product_a.so e.g. 10:30 std::string a=b").empty());
  EXPECT_EQ(words("A I"), (std::vector<std::string>{"A", "I"}));  // single letters stay
  EXPECT_EQ(words("end. Next"), (std::vector<std::string>{"end", "Next"}));
}

TEST(SpellingWords, BrokenUtf8AndEmptyTextsYieldNoCrash) {
  EXPECT_TRUE(words("").empty());
  EXPECT_TRUE(words("   \n\t").empty());
  const std::vector<std::string> w = words("ab\xC3 \xFF\xFEz \xE2\x80");
  EXPECT_LE(w.size(), 3u);
}

}  // namespace
}  // namespace lotse::csaf
