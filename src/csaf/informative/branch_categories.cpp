// The informative tests of the branch hierarchy (CSAF 2.0 section 6.3):
// 6.3.9 Branch Categories, 6.3.10 Usage of Product Version Range, 6.3.11
// Usage of V as Version Indicator. Branches nest arbitrarily deep: every
// walk is iterative (csaf/branches.hpp; 6.3.9 keeps its own stack because
// it needs each branch's ancestors).
#include <string>
#include <string_view>
#include <vector>

#include "csaf/branches.hpp"
#include "csaf/informative/finding_budget.hpp"
#include "csaf/informative/informative_tests.hpp"
#include "csaf/text.hpp"
#include "json/pointer.hpp"

namespace lotse::csaf::informative {

namespace {

// The categories a product's ancestors must show, in this order.
constexpr std::string_view kRequiredOrder[] = {"vendor", "product_name", "product_version"};
constexpr std::size_t kRequiredCount = std::size(kRequiredOrder);

std::string_view category_of(const json::Value& branch) {
  const json::Value* category = branch.find("category");
  return category && category->is_string() ? category->as_string() : std::string_view();
}

// "vendor -> product_name -> ..." for a message (categories that are not
// strings show as "?"); of a deep path only the last levels.
std::string describe_path(const std::vector<std::string_view>& categories) {
  constexpr std::size_t kMaxShown = 12;
  std::string out;
  std::size_t first = 0;
  if (categories.size() > kMaxShown) {
    first = categories.size() - kMaxShown;
    out = "(" + std::to_string(first) + " levels) ...";
  }
  for (std::size_t i = first; i < categories.size(); ++i) {
    if (!out.empty()) out += " -> ";
    out += categories[i].empty() ? std::string("?") : quote_text(categories[i]).substr(1, 40);
    if (out.back() == '"') out.pop_back();
  }
  return out;
}

bool is_line_terminator_at(std::string_view text, std::size_t i) {
  // \n, \r, U+2028 and U+2029 (E2 80 A8/A9): what ECMAScript's '.' excludes.
  if (text[i] == '\n' || text[i] == '\r') return true;
  return text.substr(i, 2) == "\xE2\x80" && i + 2 < text.size() &&
         (text[i + 2] == '\xA8' || text[i + 2] == '\xA9');
}

// ^[vV][0-9].*$ with ECMAScript semantics (the spec's regex).
bool starts_with_v_and_digit(std::string_view name) {
  if (name.size() < 2 || (name[0] != 'v' && name[0] != 'V') || name[1] < '0' || name[1] > '9') {
    return false;
  }
  for (std::size_t i = 2; i < name.size(); ++i) {
    if (is_line_terminator_at(name, i)) return false;
  }
  return true;
}

}  // namespace

// 6.3.9: along the path from /product_tree to each product of a branch,
// the categories vendor, product_name and product_version appear in this
// order (others may come before, between or after). Matching greedily
// from the root decides whether they do: `matched` counts how many of the
// three the path so far shows in order.
void branch_categories(TestContext& context) {
  const json::Value* tree = context.root().find("product_tree");
  const json::Value* top = tree ? tree->find("branches") : nullptr;
  if (!top || !top->is_array()) return;

  struct Frame {
    const json::Value* array;
    std::size_t next;
    std::size_t prefix;      // length of `pointer` up to this array
    std::size_t matched;     // of kRequiredOrder, along the ancestors
    std::string_view owner;  // category of the branch owning `array` ("" at the top)
  };
  FindingBudget findings(context);
  std::string pointer = "/product_tree/branches";
  std::vector<Frame> stack{{top, 0, pointer.size(), 0, {}}};
  while (!stack.empty()) {
    Frame& frame = stack.back();
    if (frame.next >= frame.array->size()) {
      stack.pop_back();
      continue;
    }
    const std::size_t index = frame.next++;
    const json::Value& branch = frame.array->items()[index];
    pointer.resize(frame.prefix);
    json::append_pointer_index(pointer, index);
    const std::string_view category = category_of(branch);
    std::size_t matched = frame.matched;
    if (matched < kRequiredCount && category == kRequiredOrder[matched]) ++matched;

    const json::Value* product = branch.find("product");
    if (product && product->is_object() && matched < kRequiredCount && !findings.has_room()) {
      findings.report({}, {});  // counted only: the message costs O(depth)
    } else if (product && product->is_object() && matched < kRequiredCount) {
      std::vector<std::string_view> path;
      for (std::size_t i = 1; i < stack.size(); ++i) path.push_back(stack[i].owner);
      path.push_back(category);
      std::string name = "the product";
      if (const json::Value* id = product->find("product_id"); id && id->is_string()) {
        name += " " + quote_text(id->as_string());
      }
      findings.report(pointer + "/product",
                     name + " has no ancestor branch of category " +
                         std::string(kRequiredOrder[matched]) +
                         (matched > 0 ? " below its " + std::string(kRequiredOrder[matched - 1]) +
                                            " branch"
                                      : std::string()) +
                         " (its path: " + describe_path(path) +
                         "); expected the categories vendor -> product_name -> product_version in"
                         " this order on the path from /product_tree (others may come between)");
    }
    const json::Value* children = branch.find("branches");
    if (children && children->is_array() && children->size() > 0) {
      pointer += "/branches";
      stack.push_back({children, 0, pointer.size(), matched, category});  // invalidates `frame`
    }
  }
}

// 6.3.10: no branch uses the category product_version_range.
void usage_of_product_version_range(TestContext& context) {
  FindingBudget findings(context);
  for_each_branch(context.root(), [&](const json::Value& branch, const std::string& pointer) {
    if (category_of(branch) != "product_version_range") return;
    std::string named;
    if (const json::Value* name = branch.find("name"); name && name->is_string()) {
      named = " " + quote_text(name->as_string());
    }
    findings.report(pointer + "/category",
                   "the branch" + named +
                       " uses the category product_version_range; expected product_version"
                       " branches that enumerate the versions (machines can hardly decide"
                       " whether a version lies in a range)");
  });
}

// 6.3.11: the name of a product_version branch does not start with "v" or
// "V" before the version.
void usage_of_v_as_version_indicator(TestContext& context) {
  FindingBudget findings(context);
  for_each_branch(context.root(), [&](const json::Value& branch, const std::string& pointer) {
    if (category_of(branch) != "product_version") return;
    const json::Value* name = branch.find("name");
    if (!name || !name->is_string() || !starts_with_v_and_digit(name->as_string())) return;
    const std::string_view text = name->as_string();
    findings.report(pointer + "/name",
                   "the product version " + quote_text(text) + " starts with " +
                       quote_text(text.substr(0, 1)) + " before the version; expected the version"
                       " alone, e.g. " + quote_text(text.substr(1)));
  });
}

}  // namespace lotse::csaf::informative
