#include "csaf/product_index.hpp"

#include <cstddef>
#include <utility>

#include "json/pointer.hpp"

namespace lotse::csaf {

namespace {

// The items of `value` when it is an array, else none: lets the walks below
// ignore members of the wrong type without a branch at every step.
std::span<const json::Value> items_of(const json::Value* value) {
  if (!value || !value->is_array()) return {};
  return value->items();
}

const json::Value* member(const json::Value& object, std::string_view key) {
  return object.find(key);  // nullptr also for non-objects
}

// Visits `object`/`key` when it is a string; `pointer` names `object`.
void visit_string_member(const json::Value& object, std::string_view key, std::string& pointer,
                         const IdVisitor& visit) {
  const json::Value* value = member(object, key);
  if (!value || !value->is_string()) return;
  const std::size_t base = pointer.size();
  json::append_pointer_token(pointer, key);
  visit(value->as_string(), pointer);
  pointer.resize(base);
}

// Visits the string items of `object`/`key`; `pointer` names `object`.
void visit_id_list(const json::Value& object, std::string_view key, std::string& pointer,
                   const IdVisitor& visit) {
  const json::Value* list = member(object, key);
  if (!list || !list->is_array()) return;
  const std::size_t base = pointer.size();
  json::append_pointer_token(pointer, key);
  for_each_id_item(list, pointer, visit);
  pointer.resize(base);
}

// Calls `each(item)` for every item of /<top>/<section>[] with `pointer`
// naming the item, e.g. /vulnerabilities/3/remediations/1.
template <typename Each>
void for_each_item(const json::Value* array, std::string& pointer, Each&& each) {
  const std::size_t base = pointer.size();
  std::span<const json::Value> items = items_of(array);
  for (std::size_t i = 0; i < items.size(); ++i) {
    json::append_pointer_index(pointer, i);
    each(items[i], i);
    pointer.resize(base);
  }
}

// Visits /product_tree/branches[](/branches[])*/product/product_id without
// recursion: branch trees nest as deep as the parser allows.
void visit_branch_products(const json::Value* branches, std::string& pointer,
                           const IdVisitor& visit) {
  struct Frame {
    std::span<const json::Value> items;
    std::size_t next;
    std::size_t base;  // length of the pointer naming this branches array
  };
  std::vector<Frame> stack;
  if (!items_of(branches).empty()) stack.push_back({items_of(branches), 0, pointer.size()});
  const std::size_t restore = pointer.size();
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next == top.items.size()) {
      stack.pop_back();
      continue;
    }
    const std::size_t index = top.next++;
    const json::Value& branch = top.items[index];
    pointer.resize(top.base);
    json::append_pointer_index(pointer, index);
    if (const json::Value* product = member(branch, "product")) {
      const std::size_t at = pointer.size();
      pointer += "/product";
      visit_string_member(*product, "product_id", pointer, visit);
      pointer.resize(at);
    }
    const json::Value* children = member(branch, "branches");
    if (!items_of(children).empty()) {
      pointer += "/branches";
      // Pre-order: the children come before the next sibling. `top` may
      // dangle after push_back, so it is not used below.
      stack.push_back({items_of(children), 0, pointer.size()});
    }
  }
  pointer.resize(restore);
}

}  // namespace

void for_each_id_item(const json::Value* array, std::string& pointer, const IdVisitor& visit) {
  const std::size_t base = pointer.size();
  std::span<const json::Value> items = items_of(array);
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!items[i].is_string()) continue;
    json::append_pointer_index(pointer, i);
    visit(items[i].as_string(), pointer);
    pointer.resize(base);
  }
}

void for_each_product_definition(const json::Value& root, const IdVisitor& visit) {
  const json::Value* tree = member(root, "product_tree");
  if (!tree) return;
  std::string pointer = "/product_tree/branches";
  visit_branch_products(member(*tree, "branches"), pointer, visit);

  pointer = "/product_tree/full_product_names";
  for_each_item(member(*tree, "full_product_names"), pointer,
                [&](const json::Value& name, std::size_t) {
                  visit_string_member(name, "product_id", pointer, visit);
                });

  pointer = "/product_tree/relationships";
  for_each_item(member(*tree, "relationships"), pointer,
                [&](const json::Value& relationship, std::size_t) {
                  const json::Value* name = member(relationship, "full_product_name");
                  if (!name) return;
                  const std::size_t base = pointer.size();
                  pointer += "/full_product_name";
                  visit_string_member(*name, "product_id", pointer, visit);
                  pointer.resize(base);
                });
}

void for_each_product_reference(const json::Value& root, const IdVisitor& visit) {
  std::string pointer;
  if (const json::Value* tree = member(root, "product_tree")) {
    pointer = "/product_tree/product_groups";
    for_each_item(member(*tree, "product_groups"), pointer,
                  [&](const json::Value& group, std::size_t) {
                    visit_id_list(group, "product_ids", pointer, visit);
                  });
    pointer = "/product_tree/relationships";
    for_each_item(member(*tree, "relationships"), pointer,
                  [&](const json::Value& relationship, std::size_t) {
                    visit_string_member(relationship, "product_reference", pointer, visit);
                    visit_string_member(relationship, "relates_to_product_reference", pointer,
                                        visit);
                  });
  }
  pointer = "/vulnerabilities";
  for_each_item(member(root, "vulnerabilities"), pointer,
                [&](const json::Value& vulnerability, std::size_t) {
                  if (const json::Value* status = member(vulnerability, "product_status")) {
                    const std::size_t base = pointer.size();
                    pointer += "/product_status";
                    for (std::string_view name : kProductStatusNames) {
                      visit_id_list(*status, name, pointer, visit);
                    }
                    pointer.resize(base);
                  }
                  // (section, list of product IDs in each of its items)
                  constexpr std::pair<std::string_view, std::string_view> kLists[] = {
                      {"remediations", "product_ids"},
                      {"scores", "products"},
                      {"threats", "product_ids"},
                      {"flags", "product_ids"}};
                  for (const auto& entry : kLists) {
                    // Not a structured binding: clang 14 cannot capture those.
                    const std::string_view list = entry.second;
                    const std::size_t base = pointer.size();
                    json::append_pointer_token(pointer, entry.first);
                    for_each_item(member(vulnerability, entry.first), pointer,
                                  [&](const json::Value& item, std::size_t) {
                                    visit_id_list(item, list, pointer, visit);
                                  });
                    pointer.resize(base);
                  }
                });
}

void for_each_group_definition(const json::Value& root, const IdVisitor& visit) {
  const json::Value* tree = member(root, "product_tree");
  if (!tree) return;
  std::string pointer = "/product_tree/product_groups";
  for_each_item(member(*tree, "product_groups"), pointer,
                [&](const json::Value& group, std::size_t) {
                  visit_string_member(group, "group_id", pointer, visit);
                });
}

void for_each_group_reference(const json::Value& root, const IdVisitor& visit) {
  std::string pointer = "/vulnerabilities";
  for_each_item(member(root, "vulnerabilities"), pointer,
                [&](const json::Value& vulnerability, std::size_t) {
                  for (std::string_view section : {"remediations", "threats", "flags"}) {
                    const std::size_t base = pointer.size();
                    json::append_pointer_token(pointer, section);
                    for_each_item(member(vulnerability, section), pointer,
                                  [&](const json::Value& item, std::size_t) {
                                    visit_id_list(item, "group_ids", pointer, visit);
                                  });
                    pointer.resize(base);
                  }
                });
}

ProductGroupIndex::ProductGroupIndex(const json::Value& root) {
  const json::Value* tree = member(root, "product_tree");
  if (!tree) return;
  for (const json::Value& group : items_of(member(*tree, "product_groups"))) {
    const json::Value* id = member(group, "group_id");
    if (!id || !id->is_string()) continue;
    std::vector<std::string_view>& products = members_[id->as_string()];
    for (const json::Value& product : items_of(member(group, "product_ids"))) {
      if (product.is_string()) products.push_back(product.as_string());
    }
  }
}

std::span<const std::string_view> ProductGroupIndex::products_of(std::string_view group_id) const {
  auto found = members_.find(group_id);
  if (found == members_.end()) return {};
  return found->second;
}

}  // namespace lotse::csaf
