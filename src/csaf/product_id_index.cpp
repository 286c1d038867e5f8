#include "csaf/product_id_index.hpp"

#include <string_view>

#include "csaf/product_index.hpp"

namespace lotse::csaf {

namespace {

std::span<const json::Value> items_of(const json::Value* value) {
  if (!value || !value->is_array()) return {};
  return value->items();
}

void add_string(const json::Value* value, std::vector<const json::Value*>& out) {
  if (value && value->is_string()) out.push_back(value);
}

void add_strings(const json::Value* list, std::vector<const json::Value*>& out) {
  for (const json::Value& item : items_of(list)) {
    if (item.is_string()) out.push_back(&item);
  }
}

// /product_tree/branches[](/branches[])*/product/product_id in pre-order,
// without recursion.
void add_branch_products(const json::Value* branches, std::vector<const json::Value*>& out) {
  std::vector<std::span<const json::Value>> stack;
  if (!items_of(branches).empty()) stack.push_back(items_of(branches));
  while (!stack.empty()) {
    std::span<const json::Value>& top = stack.back();
    if (top.empty()) {
      stack.pop_back();
      continue;
    }
    const json::Value& branch = top.front();
    top = top.subspan(1);
    if (const json::Value* product = branch.find("product")) add_string(product->find("product_id"), out);
    std::span<const json::Value> children = items_of(branch.find("branches"));
    // `top` may dangle after push_back; it is not used below.
    if (!children.empty()) stack.push_back(children);
  }
}

}  // namespace

ProductIdIndex::ProductIdIndex(const json::Value& root) {
  if (const json::Value* tree = root.find("product_tree")) {
    add_branch_products(tree->find("branches"), definitions_);
    for (const json::Value& name : items_of(tree->find("full_product_names"))) {
      add_string(name.find("product_id"), definitions_);
    }
    const std::span<const json::Value> relationships = items_of(tree->find("relationships"));
    for (const json::Value& relationship : relationships) {
      if (const json::Value* name = relationship.find("full_product_name")) {
        add_string(name->find("product_id"), definitions_);
      }
    }
    for (const json::Value& group : items_of(tree->find("product_groups"))) {
      add_strings(group.find("product_ids"), references_);
      add_string(group.find("group_id"), group_definitions_);
    }
    for (const json::Value& relationship : relationships) {
      add_string(relationship.find("product_reference"), references_);
      add_string(relationship.find("relates_to_product_reference"), references_);
    }
  }
  first_definition_ = util::FlatStringMap<std::uint32_t>(definitions_.size());
  for (std::uint32_t i = 0; i < definitions_.size(); ++i) {
    auto [first, inserted] = first_definition_.try_emplace(definitions_[i]->as_string(), i);
    if (!inserted) repeated_definitions_.emplace_back(i, *first);
  }
  for (const json::Value& vulnerability : items_of(root.find("vulnerabilities"))) {
    if (const json::Value* status = vulnerability.find("product_status")) {
      for (std::string_view name : kProductStatusNames) add_strings(status->find(name), references_);
    }
    for (const json::Value& item : items_of(vulnerability.find("remediations"))) {
      add_strings(item.find("product_ids"), references_);
      add_strings(item.find("group_ids"), group_references_);
    }
    for (const json::Value& item : items_of(vulnerability.find("scores"))) {
      add_strings(item.find("products"), references_);
    }
    for (const json::Value& item : items_of(vulnerability.find("threats"))) {
      add_strings(item.find("product_ids"), references_);
      add_strings(item.find("group_ids"), group_references_);
    }
    for (const json::Value& item : items_of(vulnerability.find("flags"))) {
      add_strings(item.find("product_ids"), references_);
      add_strings(item.find("group_ids"), group_references_);
    }
  }
}

}  // namespace lotse::csaf
