// Tests of the products in /product_tree: 6.2.16 Missing Product
// Identification Helper (every full product name) and 6.2.18 Product Version
// Range without vers (every branch of category product_version_range).
#include <string>

#include "csaf/branches.hpp"
#include "csaf/full_product_names.hpp"
#include "csaf/optional/members.hpp"
#include "csaf/optional/optional_tests.hpp"
#include "csaf/text.hpp"

namespace lotse::csaf::optional {

namespace {

bool is_vers_scheme_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+';
}

// ECMAScript's `.`: every code point but the line terminators LF, CR,
// U+2028 and U+2029.
bool starts_with_non_line_terminator(std::string_view text) {
  if (text.empty() || text[0] == '\n' || text[0] == '\r') return false;
  return !text.starts_with("\u2028") && !text.starts_with("\u2029");
}

// Whether `name` matches ^vers:[a-z\.\-\+][a-z0-9\.\-\+]*/.+ , the regex
// section 6.2.18 deems sufficient: "vers:", a version range scheme that
// starts with a letter, '.', '-' or '+', a '/' and at least one character.
// Unanchored at the end, so only the character after the first '/' counts.
bool matches_vers_syntax(std::string_view name) {
  if (!name.starts_with("vers:")) return false;
  std::size_t i = 5;
  if (i >= name.size() || !is_vers_scheme_char(name[i]) || (name[i] >= '0' && name[i] <= '9')) return false;
  while (i < name.size() && is_vers_scheme_char(name[i])) ++i;
  if (i >= name.size() || name[i] != '/') return false;
  return starts_with_non_line_terminator(name.substr(i + 1));
}

}  // namespace

// 6.2.16: without a product identification helper (CPE, purl, hashes,
// serial numbers, ...) tools cannot match the product to an installation.
void missing_product_identification_helper(TestContext& context) {
  for_each_full_product_name(context.root(), [&](const json::Value& product, const std::string& pointer) {
    if (product.find("product_identification_helper")) return;
    const json::Value* id = string_member(&product, "product_id");
    context.report(product, pointer, "product" + (id ? " " + quote_text(id->as_string()) : std::string()) +
                                " has no product identification helper; expected product_identification_helper "
                                "with e.g. a cpe, purl, hashes or serial numbers to identify it");
  });
}

// 6.2.18: a version range written in vers (e.g. "vers:generic/>4.2") can be
// evaluated by machines; other notations (vls, ">4.2") cannot.
void product_version_range_without_vers(TestContext& context) {
  for_each_branch(context.root(), [&](const json::Value& branch, const std::string& pointer) {
    const json::Value* category = string_member(&branch, "category");
    if (!category || category->as_string() != "product_version_range") return;
    const json::Value* name = string_member(&branch, "name");
    if (!name || matches_vers_syntax(name->as_string())) return;
    context.report(pointer + "/name", "the version range " + quote_text(name->as_string()) +
                                          " is not in vers syntax; expected \"vers:<versioning scheme>/<constraints>\", "
                                          "e.g. \"vers:generic/>4.2\"");
  });
}

}  // namespace lotse::csaf::optional
