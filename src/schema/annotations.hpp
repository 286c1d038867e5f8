// Annotations for unevaluatedProperties / unevaluatedItems (internal to
// src/schema): which members and items of one instance the subschemas of a
// schema evaluated, merged from successful in-place applicators only.
// Gathered only below schemas that have those keywords.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace lotse::schema {

// Which members / items of the current instance some subschema evaluated.
struct Annotations {
  std::vector<bool> properties;  // by member index
  std::size_t items_prefix = 0;  // items [0, items_prefix) evaluated
  bool all_items = false;
  std::vector<bool> items;  // individually evaluated (contains)

  void mark_property(std::size_t index, std::size_t count) {
    if (properties.size() < count) properties.resize(count);
    properties[index] = true;
  }
  void mark_item(std::size_t index, std::size_t count) {
    if (items.size() < count) items.resize(count);
    items[index] = true;
  }
  bool property(std::size_t index) const {
    return index < properties.size() && properties[index];
  }
  bool item(std::size_t index) const {
    return all_items || index < items_prefix || (index < items.size() && items[index]);
  }
  void merge(const Annotations& other) {
    if (properties.size() < other.properties.size()) properties.resize(other.properties.size());
    for (std::size_t i = 0; i < other.properties.size(); ++i) {
      if (other.properties[i]) properties[i] = true;
    }
    items_prefix = std::max(items_prefix, other.items_prefix);
    all_items = all_items || other.all_items;
    if (items.size() < other.items.size()) items.resize(other.items.size());
    for (std::size_t i = 0; i < other.items.size(); ++i) {
      if (other.items[i]) items[i] = true;
    }
  }
};

}  // namespace lotse::schema
