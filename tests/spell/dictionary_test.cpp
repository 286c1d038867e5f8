// Tests of src/spell: choosing a Hunspell dictionary by language tag (on
// the installed hunspell-en-us/hunspell-de-de and on throw-away directories
// of fake dictionaries), and spelling with a shared Dictionary, including a
// dictionary in ISO-8859-1 and concurrent use.
#include <gtest/gtest.h>

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "spell/dictionary.hpp"
#include "spell/dictionary_lookup.hpp"

namespace lotse::spell {
namespace {

namespace fs = std::filesystem;

// A temporary directory holding empty-ish dictionaries NAME.aff + NAME.dic,
// removed at the end of the test.
class FakeDictionaries {
 public:
  explicit FakeDictionaries(std::initializer_list<std::string> names) {
    std::string pattern = (fs::temp_directory_path() / "lotse-spell-XXXXXX").string();
    dir_ = ::mkdtemp(pattern.data()) ? fs::path(pattern) : fs::path();
    for (const std::string& name : names) add(name, "SET UTF-8\n", "1\nword\n");
  }
  ~FakeDictionaries() {
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
  }
  void add(const std::string& name, const std::string& aff, const std::string& dic) {
    std::ofstream(dir_ / (name + ".aff"), std::ios::binary) << aff;
    std::ofstream(dir_ / (name + ".dic"), std::ios::binary) << dic;
  }
  std::span<const fs::path> dirs() const { return {&dir_, 1}; }
  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
};

std::string found_name(std::string_view tag, std::span<const fs::path> dirs = default_dictionary_dirs()) {
  auto found = find_dictionary(tag, dirs);
  return found ? found->name : "(none)";
}

TEST(FindDictionary, InstalledDictionariesServeTheirLanguageTags) {
  EXPECT_EQ(found_name("en-US"), "en_US");
  EXPECT_EQ(found_name("EN-us"), "en_US");  // subtags compare case-insensitively
  EXPECT_EQ(found_name("en"), "en_US");     // the language's main dictionary
  EXPECT_EQ(found_name("de"), "de_DE");
  EXPECT_EQ(found_name("de-DE"), "de_DE");
  EXPECT_EQ(found_name("de-LU"), "de_LU");
  EXPECT_EQ(found_name("de-Latn-DE-1996"), "de_DE");  // script and variant do not choose
  EXPECT_EQ(found_name("de-AT"), "de_DE");            // region without a dictionary: the main one
}

TEST(FindDictionary, LanguagesWithoutDictionaryAndNonLanguagesFindNone) {
  for (const char* tag : {"xx", "fr-FR", "", "-", "x-private", "i-klingon", "e", "en US"}) {
    EXPECT_FALSE(find_dictionary(tag).has_value()) << tag;
  }
}

TEST(FindDictionary, PrefersRegionThenBareLanguageThenMainThenAnyOfTheLanguage) {
  FakeDictionaries fake{"pt_BR", "pt_AO", "eo", "sv_FI", "sv_SE", "en_GB"};
  ASSERT_FALSE(fake.dir().empty());
  EXPECT_EQ(found_name("pt-BR", fake.dirs()), "pt_BR");
  EXPECT_EQ(found_name("pt", fake.dirs()), "pt_AO");  // no pt_PT: first pt_* by name
  EXPECT_EQ(found_name("eo", fake.dirs()), "eo");
  EXPECT_EQ(found_name("sv", fake.dirs()), "sv_SE");  // main dictionary from the table
  EXPECT_EQ(found_name("en-US", fake.dirs()), "en_GB");
  EXPECT_EQ(found_name("de", fake.dirs()), "(none)");
}

TEST(InstalledDictionaries, ListsPairsOnlySortedAndUnique) {
  FakeDictionaries fake{"nl_NL", "af_ZA"};
  std::ofstream(fake.dir() / "xx_XX.dic") << "1\nword\n";  // no .aff: not a dictionary
  const fs::path twice[] = {fake.dir(), fake.dir()};
  EXPECT_EQ(installed_dictionaries(twice), (std::vector<std::string>{"af_ZA", "nl_NL"}));
  const std::vector<std::string> system = installed_dictionaries();
  EXPECT_NE(std::find(system.begin(), system.end(), "en_US"), system.end());
  EXPECT_NE(std::find(system.begin(), system.end(), "de_DE"), system.end());
}

TEST(Dictionary, EnglishKnowsWordsAndSuggestsForMisspellings) {
  auto files = find_dictionary("en-US");
  ASSERT_TRUE(files);
  auto dictionary = Dictionary::shared(*files);
  ASSERT_TRUE(dictionary) << dictionary.error();
  const Dictionary& en = **dictionary;
  EXPECT_EQ(en.name(), "en_US");
  EXPECT_TRUE(en.knows("Security"));
  EXPECT_TRUE(en.knows("vulnerabilities"));
  EXPECT_FALSE(en.knows("Secruity"));
  EXPECT_FALSE(en.knows(std::string(1000, 'a')));  // no word, no Hunspell call
  const std::vector<std::string> suggestions = en.suggest("Secruity", 3);
  ASSERT_FALSE(suggestions.empty());
  EXPECT_LE(suggestions.size(), 3u);
  EXPECT_EQ(suggestions.front(), "Security");
}

TEST(Dictionary, GermanKnowsUmlautsAndSharpS) {
  auto de = Dictionary::shared(*find_dictionary("de"));
  ASSERT_TRUE(de) << de.error();
  EXPECT_TRUE((*de)->knows("Sicherheitslücke"));
  EXPECT_TRUE((*de)->knows("Straße"));
  EXPECT_FALSE((*de)->knows("Sicherheitslucke"));
}

TEST(Dictionary, IsLoadedOncePerFilesAndShared) {
  auto a = Dictionary::shared(*find_dictionary("en"));
  auto b = Dictionary::shared(*find_dictionary("en-US"));
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->get(), b->get());
}

TEST(Dictionary, UnreadableFilesAreAnErrorNotAnEmptyDictionary) {
  DictionaryFiles missing{"zz_ZZ", "/nonexistent/zz_ZZ.aff", "/nonexistent/zz_ZZ.dic"};
  auto d = Dictionary::shared(missing);
  ASSERT_FALSE(d);
  EXPECT_NE(d.error().find("/nonexistent/zz_ZZ.aff"), std::string::npos) << d.error();
}

TEST(Dictionary, Iso88591DictionaryIsConsultedWithUtf8Words) {
  FakeDictionaries fake{};
  // "Straße" and "café" in ISO-8859-1 bytes.
  fake.add("xl_XL", "SET ISO8859-1\n", "2\nStra\xDF" "e\ncaf\xE9\n");
  auto d = Dictionary::shared(*find_dictionary("xl", fake.dirs()));
  ASSERT_TRUE(d) << d.error();
  EXPECT_TRUE((*d)->knows("Straße"));
  EXPECT_TRUE((*d)->knows("café"));
  EXPECT_FALSE((*d)->knows("cafe"));
  EXPECT_FALSE((*d)->knows("日本"));  // not representable in ISO-8859-1
  for (const std::string& s : (*d)->suggest("Strasse", 5)) {
    EXPECT_TRUE(s == "Straße" || s.find('\xDF') == std::string::npos) << s;  // UTF-8 out
  }
}

TEST(Dictionary, ConcurrentCallersGetConsistentAnswers) {
  auto d = Dictionary::shared(*find_dictionary("en-US"));
  ASSERT_TRUE(d);
  const Dictionary& en = **d;
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        if (!en.knows("researchers") || en.knows("Secruity")) ++wrong[t];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int w : wrong) EXPECT_EQ(w, 0);
}

}  // namespace
}  // namespace lotse::spell
