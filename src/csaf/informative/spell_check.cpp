// CSAF 2.0 test 6.3.8 Spell check: the texts of the specification's
// relevant paths, checked with the Hunspell dictionary of /document/lang
// (spell/). Without a document language the test is skipped; for a
// language without an installed dictionary it fails with one finding at
// /document/lang, as the specification asks. /document/category is checked
// only for documents of the profile CSAF Base (any category but those of
// the other four profiles), where it is free text.
//
// Which words count is in spelling_words.hpp (identifiers, acronyms and
// addresses are left out). One finding per text, listing its misspelled
// words.
#include <string>
#include <string_view>
#include <vector>

#include "csaf/branches.hpp"
#include "csaf/informative/finding_budget.hpp"
#include "csaf/informative/informative_tests.hpp"
#include "csaf/informative/relevant_paths.hpp"
#include "csaf/informative/spelling_words.hpp"
#include "csaf/text.hpp"
#include "spell/dictionary.hpp"
#include "spell/dictionary_lookup.hpp"
#include "util/string_map.hpp"

namespace lotse::csaf::informative {

namespace {

// The relevant paths of section 6.3.8 except /document/category and the
// branches (handled apart).
constexpr std::string_view kTextPaths[] = {
    "/document/acknowledgments[]/names[]",
    "/document/acknowledgments[]/organization",
    "/document/acknowledgments[]/summary",
    "/document/aggregate_severity/text",
    "/document/distribution/text",
    "/document/notes[]/audience",
    "/document/notes[]/text",
    "/document/notes[]/title",
    "/document/publisher/issuing_authority",
    "/document/publisher/name",
    "/document/references[]/summary",
    "/document/title",
    "/document/tracking/aliases[]",
    "/document/tracking/generator/engine/name",
    "/document/tracking/revision_history[]/summary",
    "/product_tree/full_product_names[]/name",
    "/product_tree/product_groups[]/summary",
    "/product_tree/relationships[]/full_product_name/name",
    "/vulnerabilities[]/acknowledgments[]/names[]",
    "/vulnerabilities[]/acknowledgments[]/organization",
    "/vulnerabilities[]/acknowledgments[]/summary",
    "/vulnerabilities[]/involvements[]/summary",
    "/vulnerabilities[]/notes[]/audience",
    "/vulnerabilities[]/notes[]/text",
    "/vulnerabilities[]/notes[]/title",
    "/vulnerabilities[]/references[]/summary",
    "/vulnerabilities[]/remediations[]/details",
    "/vulnerabilities[]/remediations[]/entitlements[]",
    "/vulnerabilities[]/remediations[]/restart_required/details",
    "/vulnerabilities[]/threats[]/details",
    "/vulnerabilities[]/title",
};

// The categories of the profiles other than CSAF Base (section 4).
constexpr std::string_view kProfileCategories[] = {
    "csaf_security_advisory", "csaf_vex", "csaf_informational_advisory",
    "csaf_security_incident_response"};

// Misspelled words listed per finding. No suggestions: Hunspell's
// suggestion search costs milliseconds per word, which made `full` a
// hundred times slower than everything else together (measured: 93 ms per
// OASIS example with 20 suggestions, against about 0.1 ms without).
constexpr std::size_t kMaxWordsListed = 10;

class TextChecker {
 public:
  TextChecker(TestContext& context, const spell::Dictionary& dictionary, std::string_view language)
      : findings_(context), dictionary_(dictionary), language_(language) {}

  void check(const json::Value& value, const std::string& pointer) {
    if (!value.is_string()) return;
    std::vector<std::string_view> wrong;
    for (std::string_view word : words_to_check(value.as_string())) {
      if (known(word)) continue;
      bool listed = false;
      for (std::string_view w : wrong) listed = listed || w == word;
      if (!listed) wrong.push_back(word);
    }
    if (wrong.empty()) return;
    if (!findings_.has_room()) {
      findings_.report({}, {});  // counted only
      return;
    }
    std::string list;
    for (std::size_t i = 0; i < wrong.size() && i < kMaxWordsListed; ++i) {
      if (i > 0) list += ", ";
      list += quote_text(wrong[i]);
    }
    if (wrong.size() > kMaxWordsListed) {
      list += " and " + std::to_string(wrong.size() - kMaxWordsListed) + " more";
    }
    findings_.report(pointer, "spelling mistakes (Hunspell dictionary " + dictionary_.name() +
                                 "): " + list + "; expected correctly spelled words of the document"
                                 " language " + quote_text(language_));
  }

 private:
  bool known(std::string_view word) {
    auto [at, inserted] = known_.try_emplace(word, false);
    if (inserted) at->second = dictionary_.knows(word);
    return at->second;
  }

  FindingBudget findings_;
  const spell::Dictionary& dictionary_;
  std::string_view language_;
  util::StringViewMap<bool> known_;  // views into the document
};

bool is_profile_category(std::string_view category) {
  for (std::string_view c : kProfileCategories) {
    if (c == category) return true;
  }
  return false;
}

}  // namespace

void spell_check(TestContext& context) {
  const json::Value* document = context.root().find("document");
  const json::Value* lang = document ? document->find("lang") : nullptr;
  if (!lang || !lang->is_string()) {
    context.skip("/document/lang is not set: the spell check needs the document language");
    return;
  }
  const std::string_view language = lang->as_string();
  std::optional<spell::DictionaryFiles> files = spell::find_dictionary(language);
  if (!files) {
    std::string installed;
    for (const std::string& name : spell::installed_dictionaries()) {
      installed += installed.empty() ? name : ", " + name;
    }
    context.report("/document/lang",
                   "the document language " + quote_text(language) +
                       " is not supported by the spell check: no Hunspell dictionary for it is"
                       " installed (installed: " + (installed.empty() ? "none" : installed) +
                       "); expected a language with an installed dictionary");
    return;
  }
  auto dictionary = spell::Dictionary::shared(*files);
  if (!dictionary) {
    context.report("/document/lang", "the spell check for the document language " +
                                         quote_text(language) + " cannot run: " +
                                         dictionary.error() + "; expected a readable dictionary");
    return;
  }
  TextChecker checker(context, **dictionary, language);
  for (std::string_view path : kTextPaths) {
    for (const LocatedValue& text : values_at(context.root(), path)) checker.check(*text.value, text.pointer);
  }
  if (const json::Value* category = document->find("category");
      category && category->is_string() && !is_profile_category(category->as_string())) {
    checker.check(*category, "/document/category");
  }
  for_each_branch(context.root(), [&](const json::Value& branch, const std::string& pointer) {
    if (const json::Value* name = branch.find("name")) checker.check(*name, pointer + "/name");
    const json::Value* product = branch.find("product");
    if (const json::Value* name = product ? product->find("name") : nullptr) {
      checker.check(*name, pointer + "/product/name");
    }
  });
}

}  // namespace lotse::csaf::informative
