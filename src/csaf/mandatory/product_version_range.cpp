// 6.1.31 Version Range in Product Version (CSAF 2.0 section 6.1): a branch of
// category `product_version` names one version, not a range.
//
// The informative hint of the spec lists strings that must not occur in the
// lower-cased name. Known issue #825 (and CSAF 2.1, which rewords the hint)
// clarify that the operators are searched as substrings but the keywords as
// whole words separated by white space: "after-eight" is a valid version
// name, "4.2 and later" is not.
#include <string>

#include "csaf/branches.hpp"
#include "csaf/mandatory/mandatory_tests.hpp"
#include "csaf/text.hpp"

namespace lotse::csaf::mandatory {

namespace {

// "<=" and ">=" contain these.
constexpr std::string_view kOperators[] = {"<", ">"};
constexpr std::string_view kKeywords[] = {"after", "all",   "before",  "earlier",
                                          "later", "prior", "versions"};

// What in `name` denotes a range ("<", "prior", ...), or "" when nothing.
std::string_view range_marker(std::string_view name) {
  for (std::string_view op : kOperators) {
    if (name.find(op) != std::string_view::npos) return op;
  }
  std::string word;
  std::size_t pos = 0;
  // Reads one more code point than the name has, as a final separator.
  while (pos <= name.size()) {
    const std::size_t start = pos;
    const bool at_end = pos == name.size();
    const char32_t c = at_end ? U' ' : next_code_point(name, pos);
    if (at_end) ++pos;
    if (!is_white_space(c)) {
      for (std::size_t i = start; i < pos; ++i) word += ascii_lower(name[i]);
      continue;
    }
    for (std::string_view keyword : kKeywords) {
      if (word == keyword) return keyword;
    }
    word.clear();
  }
  return {};
}

}  // namespace

void version_range_in_product_version(TestContext& context) {
  for_each_branch(context.root(), [&](const json::Value& branch, const std::string& pointer) {
    const json::Value* category = branch.find("category");
    const json::Value* name = branch.find("name");
    if (!category || !category->is_string() || category->as_string() != "product_version") return;
    if (!name || !name->is_string()) return;
    const std::string_view marker = range_marker(name->as_string());
    if (marker.empty()) return;
    context.report(pointer + "/name",
                   "the name " + quote_text(name->as_string()) +
                       " of a branch with category product_version contains " +
                       (marker == "<" || marker == ">" ? "the operator " : "the word ") +
                       quote_text(marker) +
                       ", which denotes a version range; expected a single version (ranges "
                       "belong in a branch with category product_version_range)");
  });
}

}  // namespace lotse::csaf::mandatory
