// The tests of the document version against its status and versioning
// scheme (CSAF 2.0 section 6.1): 6.1.17 Document Status Draft, 6.1.20
// Non-draft Document Version, 6.1.30 Mixed Integer and Semantic Versioning.
// Versions that are not version_t are left to the schema.
#include <optional>
#include <string>
#include <vector>

#include "csaf/mandatory/mandatory_tests.hpp"
#include "csaf/text.hpp"
#include "csaf/version.hpp"
#include "json/pointer.hpp"

namespace lotse::csaf::mandatory {

namespace {

const json::Value* tracking_member(const json::Value& root, std::string_view key) {
  const json::Value* document = root.find("document");
  const json::Value* tracking = document ? document->find("tracking") : nullptr;
  return tracking ? tracking->find(key) : nullptr;
}

// The member `key` of /document/tracking when it is a string, else nullptr.
const json::Value* tracking_string(const json::Value& root, std::string_view key) {
  const json::Value* value = tracking_member(root, key);
  return value && value->is_string() ? value : nullptr;
}

}  // namespace

// 6.1.17: a version of initial development (0, 0.y.z) or with a pre-release
// part is a draft.
void document_status_draft(TestContext& context) {
  const json::Value* status = tracking_string(context.root(), "status");
  const json::Value* text = tracking_string(context.root(), "version");
  if (!status || !text || status->as_string() == "draft") return;
  std::optional<Version> version = parse_version(text->as_string());
  if (!version) return;
  std::string why;
  if (version->is_initial_development()) {
    why = "is a version of initial development (0 or 0.y.z)";
  } else if (version->has_pre_release()) {
    why = "has the pre-release part " + quote_text("-" + std::string(version->pre_release));
  } else {
    return;
  }
  context.report("/document/tracking/status",
                 "document status is " + quote_text(status->as_string()) +
                     " but the document version " + quote_text(text->as_string()) + " " + why +
                     "; expected status \"draft\"");
}

// 6.1.20: a final or interim document has a version without pre-release part.
void non_draft_document_version(TestContext& context) {
  const json::Value* status = tracking_string(context.root(), "status");
  const json::Value* text = tracking_string(context.root(), "version");
  if (!status || !text) return;
  if (status->as_string() != "final" && status->as_string() != "interim") return;
  std::optional<Version> version = parse_version(text->as_string());
  if (!version || !version->has_pre_release()) return;
  context.report("/document/tracking/version",
                 "document version " + quote_text(text->as_string()) +
                     " has the pre-release part " +
                     quote_text("-" + std::string(version->pre_release)) +
                     " but the document status is " + quote_text(status->as_string()) +
                     "; expected a version without pre-release part (or status \"draft\")");
}

// 6.1.30: every version_t in the document (the document version and each
// revision number) uses the same scheme. The document version sets the
// scheme; without a valid one, the first valid revision number does.
void mixed_integer_and_semantic_versioning(TestContext& context) {
  struct Element {
    std::string pointer;
    std::string_view text;
    VersioningScheme scheme;
  };
  std::vector<Element> elements;
  if (const json::Value* version = tracking_string(context.root(), "version")) {
    if (auto parsed = parse_version(version->as_string())) {
      elements.push_back({"/document/tracking/version", version->as_string(), parsed->scheme});
    }
  }
  const json::Value* history = tracking_member(context.root(), "revision_history");
  if (history && history->is_array()) {
    for (std::size_t i = 0; i < history->size(); ++i) {
      const json::Value* number = history->items()[i].find("number");
      if (!number || !number->is_string()) continue;
      auto parsed = parse_version(number->as_string());
      if (!parsed) continue;
      std::string pointer = "/document/tracking/revision_history";
      json::append_pointer_index(pointer, i);
      pointer += "/number";
      elements.push_back({std::move(pointer), number->as_string(), parsed->scheme});
    }
  }
  if (elements.empty()) return;
  const Element& reference = elements.front();
  for (const Element& e : elements) {
    if (e.scheme == reference.scheme) continue;
    context.report(e.pointer, quote_text(e.text) + " uses " +
                                  std::string(versioning_name(e.scheme)) + " but " +
                                  reference.pointer + " " + quote_text(reference.text) + " uses " +
                                  std::string(versioning_name(reference.scheme)) +
                                  "; expected one versioning scheme throughout the document");
  }
}

}  // namespace lotse::csaf::mandatory
