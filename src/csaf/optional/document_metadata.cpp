// Tests of /document metadata that distribution relies on: 6.2.10 Missing
// TLP label, 6.2.11 Missing Canonical URL, 6.2.12 Missing Document Language.
#include <string>

#include "csaf/filename.hpp"
#include "csaf/optional/members.hpp"
#include "csaf/optional/optional_tests.hpp"
#include "csaf/text.hpp"

namespace lotse::csaf::optional {

namespace {

// The TLP labels of CSAF 2.0 (TLP v1, /document/distribution/tlp/label).
constexpr std::string_view kTlpLabels[] = {"AMBER", "GREEN", "RED", "WHITE"};

// Whether `url` is a canonical URL for the document file `filename`: it
// starts with "https://" and its last path segment is the file name
// (section 6.2.11's note: the URL "ends with the valid filename"; a name
// that merely ends the same, "x-" + filename, is another file).
bool is_canonical_url(std::string_view url, std::string_view filename) {
  if (!url.starts_with("https://") || !url.ends_with(filename)) return false;
  const std::size_t start = url.size() - filename.size();
  return start > 8 && url[start - 1] == '/';
}

}  // namespace

// 6.2.10: the TLP label drives machine-readable distribution, so it must be
// present and one of the labels CSAF 2.0 defines.
void missing_tlp_label(TestContext& context) {
  const json::Value* distribution = object_member(context.root().find("document"), "distribution");
  const json::Value* tlp = object_member(distribution, "tlp");
  const json::Value* label = tlp ? tlp->find("label") : nullptr;
  if (label && label->is_string()) {
    for (std::string_view known : kTlpLabels) {
      if (label->as_string() == known) return;
    }
  }
  context.report("/document/distribution/tlp/label",
                 (label ? (label->is_string() ? "TLP label " + quote_text(label->as_string()) + " is not valid"
                                              : std::string("the TLP label is not a string"))
                        : std::string("the document has no TLP label")) +
                     "; expected /document/distribution/tlp/label with one of AMBER, GREEN, RED, WHITE");
}

// 6.2.11: a reference of category self whose https URL ends with the
// document's file name (section 5.1) tells readers where the authoritative
// copy lives.
void missing_canonical_url(TestContext& context) {
  const json::Value& root = context.root();
  const json::Value* id = tracking_member(root, "id");
  if (!id || !id->is_string()) {
    context.report("/document/references",
                   "the document has no canonical URL: without a tracking ID (/document/tracking/id) it has no "
                   "file name (section 5.1); expected a tracking ID and a reference of category self to "
                   "https://.../<file name>");
    return;
  }
  const std::string filename = csaf_filename(id->as_string());
  std::string self_urls;  // the URLs that came closest, for the message
  for (const json::Value& reference : items_of(document_member(root, "references"))) {
    const json::Value* category = string_member(&reference, "category");
    const json::Value* url = string_member(&reference, "url");
    if (!category || category->as_string() != "self" || !url) continue;
    if (is_canonical_url(url->as_string(), filename)) return;
    if (self_urls.size() < 200) self_urls += (self_urls.empty() ? "" : ", ") + quote_text(url->as_string());
  }
  context.report("/document/references",
                 "the document has no canonical URL" +
                     (self_urls.empty() ? std::string(" (no reference of category self)")
                                        : " (references of category self: " + self_urls + ")") +
                     "; expected a reference of category self whose URL starts with https:// and ends with the "
                     "file name \"/" + filename + "\" (section 5.1)");
}

// 6.2.12: readers and tools (spell checking, translation) need to know the
// document's language.
void missing_document_language(TestContext& context) {
  const json::Value* lang = document_member(context.root(), "lang");
  if (lang && lang->is_string() && !lang->as_string().empty()) return;
  context.report("/document/lang",
                 std::string(lang ? "the document language is not set" : "the document has no language") +
                     "; expected /document/lang with a language tag, e.g. \"en\"");
}

}  // namespace lotse::csaf::optional
