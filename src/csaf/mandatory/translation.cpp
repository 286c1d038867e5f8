// The tests of translated documents (CSAF 2.0 section 6.1): 6.1.15
// Translator and 6.1.28 Translation.
#include <string>

#include "csaf/mandatory/mandatory_tests.hpp"
#include "csaf/text.hpp"

namespace lotse::csaf::mandatory {

namespace {

constexpr std::string_view kSourceLang = "/document/source_lang";

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

}  // namespace

// 6.1.15: a translator's document names the language it was translated from.
// The message tells "not present" from "present but not set", as CSAF 2.1
// requires (known issue #1345 of CSAF 2.0).
void translator(TestContext& context) {
  const json::Value* document = context.root().find("document");
  const json::Value* publisher = document ? document->find("publisher") : nullptr;
  const json::Value* category = publisher ? publisher->find("category") : nullptr;
  if (!category || !category->is_string() || category->as_string() != "translator") return;
  const json::Value* source_lang = document->find("source_lang");
  std::string problem;
  if (!source_lang) {
    problem = "is not present";
  } else if (source_lang->is_string() && source_lang->as_string().empty()) {
    problem = "is present but empty";
  } else if (source_lang->is_null()) {
    problem = "is present but null";
  } else if (!source_lang->is_string()) {
    problem = "is present but holds a " + std::string(json::type_name(source_lang->type())) +
              " instead of a language";
  } else {
    return;
  }
  context.report(std::string(kSourceLang),
                 "the publisher category is \"translator\" but " + std::string(kSourceLang) + " " +
                     problem + "; expected the language the document was translated from");
}

// 6.1.28: a translation differs in language from its source. Language tags
// are case-insensitive (RFC 5646 section 2.1.1), so "en-us" is "en-US".
void translation(TestContext& context) {
  const json::Value* document = context.root().find("document");
  const json::Value* lang = document ? document->find("lang") : nullptr;
  const json::Value* source_lang = document ? document->find("source_lang") : nullptr;
  if (!lang || !source_lang || !lang->is_string() || !source_lang->is_string()) return;
  if (!equal_ignoring_ascii_case(lang->as_string(), source_lang->as_string())) return;
  context.report(std::string(kSourceLang),
                 "the source language " + quote_text(source_lang->as_string()) +
                     " is the document language /document/lang " +
                     quote_text(lang->as_string()) +
                     "; expected a translation into a different language (or no source_lang "
                     "when the document is not a translation)");
}

}  // namespace lotse::csaf::mandatory
