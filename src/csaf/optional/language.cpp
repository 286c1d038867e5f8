// Tests of the document's language tags (/document/lang and
// /document/source_lang): 6.2.14 Use of Private Language and 6.2.15 Use of
// Default Language. Tags that are not well-formed are left to 6.1.12.
#include <string>

#include "csaf/language_tag.hpp"
#include "csaf/optional/members.hpp"
#include "csaf/optional/optional_tests.hpp"
#include "csaf/optional/private_use_subtags.hpp"
#include "csaf/text.hpp"

namespace lotse::csaf::optional {

namespace {

// Calls visit(tag, pointer) for /document/lang and /document/source_lang
// when they are strings.
template <typename Visit>
void for_each_language(const json::Value& root, Visit&& visit) {
  for (std::string_view member : {"lang", "source_lang"}) {
    const json::Value* value = string_member(root.find("document"), member);
    if (value) visit(value->as_string(), "/document/" + std::string(member));
  }
}

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

}  // namespace

// 6.2.14: private use subtags mean something only by private agreement, so
// readers of a published advisory cannot know the language.
void use_of_private_language(TestContext& context) {
  for_each_language(context.root(), [&](std::string_view tag, const std::string& pointer) {
    if (!check_language_tag_syntax(tag)) return;  // 6.1.12 reports it
    for (const PrivateUseSubtag& part : private_use_subtags(tag)) {
      const bool private_section = part.kind == "private use";
      context.report(pointer, "language tag " + quote_text(tag) + " contains " +
                                  (private_section ? "the private use subtags " + quote_text(part.subtag)
                                                   : "the " + std::string(part.kind) + " subtag " +
                                                         quote_text(part.subtag) + ", which is reserved for private use") +
                                  "; expected a tag of subtags with a public meaning, e.g. \"en\" or \"de-DE\"");
    }
  });
}

// 6.2.15: "i-default" (RFC 2277) says only that no language was chosen;
// language tags compare ignoring case, so "I-Default" is the same tag.
void use_of_default_language(TestContext& context) {
  for_each_language(context.root(), [&](std::string_view tag, const std::string& pointer) {
    if (!equals_ignoring_ascii_case(tag, "i-default")) return;
    context.report(pointer, "the language tag " + quote_text(tag) +
                                " is the default language; expected the tag of the language actually used, e.g. \"en\"");
  });
}

}  // namespace lotse::csaf::optional
