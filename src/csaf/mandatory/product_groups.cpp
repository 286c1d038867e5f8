// 6.1.4 Missing Definition of Product Group ID, 6.1.5 Multiple Definition of
// Product Group ID.
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "csaf/mandatory/mandatory_tests.hpp"
#include "csaf/product_index.hpp"
#include "csaf/text.hpp"

namespace lotse::csaf::mandatory {

void missing_definition_of_product_group_id(TestContext& context) {
  std::unordered_set<std::string_view> defined;
  for_each_group_definition(context.root(),
                            [&](std::string_view id, const std::string&) { defined.insert(id); });
  // remediations and threats per the spec, flags per known issue #909.
  for_each_group_reference(context.root(), [&](std::string_view id, const std::string& pointer) {
    if (defined.contains(id)) return;
    context.report(pointer, "product group ID " + quote_text(id) +
                                " is not defined in the product tree; expected an item of"
                                " /product_tree/product_groups with this group_id");
  });
}

void multiple_definition_of_product_group_id(TestContext& context) {
  std::unordered_map<std::string_view, std::string> first;
  for_each_group_definition(context.root(), [&](std::string_view id, const std::string& pointer) {
    auto [at, inserted] = first.try_emplace(id, pointer);
    if (inserted) return;
    context.report(pointer, "product group ID " + quote_text(id) + " is already defined at " +
                                at->second + "; expected each group_id to be defined once");
  });
}

}  // namespace lotse::csaf::mandatory
