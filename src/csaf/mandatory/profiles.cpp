// 6.1.27.1-6 and 6.1.27.11: the elements that the profiles of section 4
// require (or, for informational advisories, forbid).
//
// A profile test applies only when /document/category is exactly one of
// the values the test names (6.1.27: tests "SHOULD be skipped if the
// document category does not match"). Any other value, including a
// differently spelled profile name, selects CSAF Base (section 4, rule 5),
// which none of these tests cover; 6.1.26 reports such near-miss names.
//
// "Exists" means the member is present, whatever its value: the schema
// reports wrong types, these tests report what is missing.
#include <initializer_list>

#include "csaf/mandatory/mandatory_tests.hpp"
#include "json/pointer.hpp"

namespace lotse::csaf::mandatory {

namespace {

// The profile value of /document/category when it is one of `categories`,
// else empty (the test does not apply).
std::string_view profile_of(const TestContext& context, std::initializer_list<std::string_view> categories) {
  const json::Value* document = context.root().find("document");
  const json::Value* category = document ? document->find("category") : nullptr;
  if (!category || !category->is_string()) return {};
  for (std::string_view c : categories) {
    if (category->as_string() == c) return c;
  }
  return {};
}

// Whether `array` holds an object whose `category` is one of `wanted`.
bool has_item_of_category(const json::Value* array, std::initializer_list<std::string_view> wanted) {
  if (!array || !array->is_array()) return false;
  for (const json::Value& item : array->items()) {
    const json::Value* category = item.find("category");
    if (!category || !category->is_string()) continue;
    for (std::string_view w : wanted) {
      if (category->as_string() == w) return true;
    }
  }
  return false;
}

// Reports `member` missing in each object item of /vulnerabilities.
void require_in_each_vulnerability(TestContext& context, std::string_view profile, std::string_view member,
                                   std::string_view why) {
  const json::Value* vulnerabilities = context.root().find("vulnerabilities");
  if (!vulnerabilities || !vulnerabilities->is_array()) return;
  for (std::size_t i = 0; i < vulnerabilities->size(); ++i) {
    const json::Value& vulnerability = vulnerabilities->items()[i];
    if (!vulnerability.is_object() || vulnerability.find(member)) continue;
    std::string pointer = "/vulnerabilities";
    json::append_pointer_index(pointer, i);
    json::append_pointer_token(pointer, member);
    context.report(std::move(pointer), "the vulnerability has no `" + std::string(member) + "`; a " +
                                           std::string(profile) + " document expects " + std::string(why) +
                                           " for each vulnerability");
  }
}

}  // namespace

void profile_document_notes(TestContext& context) {  // 6.1.27.1
  std::string_view profile = profile_of(context, {"csaf_informational_advisory", "csaf_security_incident_response"});
  if (profile.empty()) return;
  const json::Value* document = context.root().find("document");
  const json::Value* notes = document->find("notes");
  if (has_item_of_category(notes, {"description", "details", "general", "summary"})) return;
  context.report("/document/notes",
                 std::string(notes ? "no document note has" : "the document has no notes, so none has") +
                     " a category of description, details, general or summary; a " + std::string(profile) +
                     " document expects at least one such note");
}

void profile_document_references(TestContext& context) {  // 6.1.27.2
  std::string_view profile = profile_of(context, {"csaf_informational_advisory", "csaf_security_incident_response"});
  if (profile.empty()) return;
  const json::Value* document = context.root().find("document");
  const json::Value* references = document->find("references");
  if (has_item_of_category(references, {"external"})) return;
  context.report("/document/references",
                 std::string(references ? "no document reference has" : "the document has no references, so none has") +
                     " the category external; a " + std::string(profile) +
                     " document expects at least one reference to an external source");
}

void profile_no_vulnerabilities(TestContext& context) {  // 6.1.27.3
  std::string_view profile = profile_of(context, {"csaf_informational_advisory"});
  if (profile.empty() || !context.root().find("vulnerabilities")) return;
  context.report("/vulnerabilities",
                 "a csaf_informational_advisory document must not have /vulnerabilities; expected no "
                 "vulnerabilities element (a document about vulnerabilities uses another profile, e.g. "
                 "csaf_security_advisory)");
}

void profile_product_tree(TestContext& context) {  // 6.1.27.4
  std::string_view profile = profile_of(context, {"csaf_security_advisory", "csaf_vex"});
  if (profile.empty() || context.root().find("product_tree")) return;
  context.report("/product_tree", "the document has no /product_tree; a " + std::string(profile) +
                                      " document expects a product tree listing every product it refers to");
}

void profile_vulnerability_notes(TestContext& context) {  // 6.1.27.5
  std::string_view profile = profile_of(context, {"csaf_security_advisory", "csaf_vex"});
  if (profile.empty()) return;
  require_in_each_vulnerability(context, profile, "notes", "notes with details");
}

void profile_product_status(TestContext& context) {  // 6.1.27.6
  std::string_view profile = profile_of(context, {"csaf_security_advisory"});
  if (profile.empty()) return;
  require_in_each_vulnerability(context, profile, "product_status", "a product status listing each product's status");
}

void profile_vulnerabilities(TestContext& context) {  // 6.1.27.11
  std::string_view profile = profile_of(context, {"csaf_security_advisory", "csaf_vex"});
  if (profile.empty() || context.root().find("vulnerabilities")) return;
  context.report("/vulnerabilities", "the document has no /vulnerabilities; a " + std::string(profile) +
                                         " document expects a vulnerabilities element listing all vulnerabilities");
}

}  // namespace lotse::csaf::mandatory
