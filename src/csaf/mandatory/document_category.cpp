// 6.1.26 Prohibited Document Category Name (CSAF 2.0 section 6.1): a document
// of the profile "CSAF Base" must not pose as another profile, neither by its
// name nor by its value, and must not use the reserved prefix `csaf_`.
//
// Before matching, both sides are lower-cased and stripped of every dash,
// hyphen, minus, underscore and white space character, Unicode variants
// included (CSAF 2.1 spells this out; known issue #1250 of CSAF 2.0), so
// "Security_Incident_Response", "security–incident response" and
// "csafsecurityadvisory" all match.
#include <string>

#include "csaf/mandatory/mandatory_tests.hpp"
#include "csaf/text.hpp"

namespace lotse::csaf::mandatory {

namespace {

struct Profile {
  std::string_view name;   // section 4 title
  std::string_view value;  // its /document/category
};

// The profiles other than "CSAF Base" (CSAF 2.0 section 4.2 - 4.5).
constexpr Profile kOtherProfiles[] = {
    {"Security incident response", "csaf_security_incident_response"},
    {"Informational Advisory", "csaf_informational_advisory"},
    {"Security Advisory", "csaf_security_advisory"},
    {"VEX", "csaf_vex"},
};

// `text` lower-cased (ASCII; the profile names are ASCII) without dash,
// hyphen, underscore and white space characters.
std::string normalized(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t c = next_code_point(text, pos);
    if (is_white_space(c) || is_dash_or_underscore(c)) continue;
    for (std::size_t i = start; i < pos; ++i) out += ascii_lower(text[i]);
  }
  return out;
}

bool starts_with_ignoring_ascii_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (ascii_lower(text[i]) != prefix[i]) return false;
  }
  return true;
}

}  // namespace

void prohibited_document_category_name(TestContext& context) {
  const json::Value* document = context.root().find("document");
  const json::Value* category = document ? document->find("category") : nullptr;
  if (!category || !category->is_string()) return;
  const std::string_view value = category->as_string();
  // The test applies to "CSAF Base" only: the exact value of another profile
  // selects that profile.
  if (value == "csaf_base") return;
  for (const Profile& profile : kOtherProfiles) {
    if (value == profile.value) return;
  }

  const std::string mine = normalized(value);
  for (const Profile& profile : kOtherProfiles) {
    const std::string_view name_without_prefix = profile.value.substr(5);  // after "csaf_"
    if (mine != normalized(profile.name) && mine != normalized(name_without_prefix) &&
        mine != normalized(profile.value)) {
      continue;
    }
    context.report("/document/category",
                   "document category " + quote_text(value) + " matches the profile \"" +
                       std::string(profile.name) + "\" (" + std::string(profile.value) +
                       ") when case, dashes, underscores and white space are ignored; expected "
                       "a category that does not imitate another profile, or exactly \"" +
                       std::string(profile.value) + "\" to use that profile");
    return;
  }
  if (starts_with_ignoring_ascii_case(value, "csaf_")) {
    context.report("/document/category",
                   "document category " + quote_text(value) +
                       " starts with the reserved prefix \"csaf_\"; expected a category without "
                       "it (only \"csaf_base\" and the values of the profiles may use it)");
  }
}

}  // namespace lotse::csaf::mandatory
