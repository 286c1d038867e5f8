// Walking every full product name (full_product_name_t) of a CSAF document:
//   /product_tree/branches[](/branches[])*/product
//   /product_tree/full_product_names[]
//   /product_tree/relationships[]/full_product_name
// for tests about product properties (6.1.13 PURL, helpers, hashes).
// Iterative, linear, tolerant of documents that fail the schema (non-object
// entries are not visited). Stateless; thread-safe.
#pragma once

#include <string>

#include "csaf/branches.hpp"
#include "json/pointer.hpp"
#include "json/value.hpp"

namespace lotse::csaf {

// Calls visit(full_product_name, pointer) for each, in the order above.
// `pointer` names the object; it is a reused buffer: copy it to keep it.
template <class Visit>
void for_each_full_product_name(const json::Value& root, Visit&& visit) {
  for_each_branch(root, [&](const json::Value& branch, const std::string& pointer) {
    const json::Value* product = branch.find("product");
    if (product && product->is_object()) visit(*product, pointer + "/product");
  });
  const json::Value* tree = root.find("product_tree");
  if (!tree || !tree->is_object()) return;
  std::string pointer;
  if (const json::Value* names = tree->find("full_product_names"); names && names->is_array()) {
    for (std::size_t i = 0; i < names->size(); ++i) {
      if (!names->at(i)->is_object()) continue;
      pointer = "/product_tree/full_product_names";
      json::append_pointer_index(pointer, i);
      visit(*names->at(i), pointer);
    }
  }
  if (const json::Value* relationships = tree->find("relationships"); relationships && relationships->is_array()) {
    for (std::size_t i = 0; i < relationships->size(); ++i) {
      const json::Value* name = relationships->at(i)->find("full_product_name");
      if (!name || !name->is_object()) continue;
      pointer = "/product_tree/relationships";
      json::append_pointer_index(pointer, i);
      pointer += "/full_product_name";
      visit(*name, pointer);
    }
  }
}

}  // namespace lotse::csaf
