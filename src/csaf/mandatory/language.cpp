// 6.1.12 Language: /document/lang and /document/source_lang are valid
// BCP 47 language tags made of registered subtags (csaf/language_tag.hpp
// says exactly what "valid" means).
#include "csaf/language_tag.hpp"
#include "csaf/mandatory/mandatory_tests.hpp"
#include "csaf/text.hpp"

namespace lotse::csaf::mandatory {

void language(TestContext& context) {
  const json::Value* document = context.root().find("document");
  if (!document) return;
  for (std::string_view member : {"lang", "source_lang"}) {
    const json::Value* value = document->find(member);
    if (!value || !value->is_string()) continue;  // the schema reports it
    auto valid = check_language_tag(value->as_string());
    if (!valid) {
      context.report("/document/" + std::string(member),
                     quote_text(value->as_string()) + " is not a valid language tag: " + valid.error() +
                         "; expected a BCP 47 language tag of registered subtags, e.g. \"en\" or \"de-AT\"");
    }
  }
}

}  // namespace lotse::csaf::mandatory
