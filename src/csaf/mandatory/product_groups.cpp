// 6.1.4 Missing Definition of Product Group ID, 6.1.5 Multiple Definition of
// Product Group ID.
#include <string>

#include "csaf/mandatory/mandatory_tests.hpp"
#include "csaf/product_id_index.hpp"
#include "csaf/text.hpp"
#include "util/string_map.hpp"

namespace lotse::csaf::mandatory {

void missing_definition_of_product_group_id(TestContext& context) {
  const ProductIdIndex& index = context.product_ids();
  util::StringViewSet defined;
  for (const json::Value* id : index.group_definitions()) defined.insert(id->as_string());
  // remediations and threats per the spec, flags per known issue #909.
  for (const json::Value* id : index.group_references()) {
    if (defined.contains(id->as_string())) continue;
    context.report(*id, "product group ID " + quote_text(id->as_string()) +
                            " is not defined in the product tree; expected an item of"
                            " /product_tree/product_groups with this group_id");
  }
}

void multiple_definition_of_product_group_id(TestContext& context) {
  util::StringViewMap<const json::Value*> first;
  for (const json::Value* id : context.product_ids().group_definitions()) {
    auto [at, inserted] = first.try_emplace(id->as_string(), id);
    if (inserted) continue;
    context.report(*id, "product group ID " + quote_text(id->as_string()) + " is already defined at " +
                            context.pointer_to(*at->second) +
                            "; expected each group_id to be defined once");
  }
}

}  // namespace lotse::csaf::mandatory
