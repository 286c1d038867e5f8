// Every product ID and product group ID of one document, defined or
// referenced, collected in one walk and shared by the tests that need them
// (6.1.1, 6.1.2, 6.1.4, 6.1.5 ...). The places are those listed in
// product_index.hpp; the visitor walks there build a JSON pointer for every
// ID, this index keeps only the `const json::Value*` of each ID string, and
// a test asks TestContext::report(value, ...) for the pointer of the few it
// reports (json::pointer_to).
//
// Tolerates documents that fail the schema (wrong types are skipped). Built
// iteratively (branches nest arbitrarily deep), linear in the walked parts.
// Immutable after construction; the Values belong to the json::Document.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "json/value.hpp"
#include "util/flat_string_map.hpp"

namespace lotse::csaf {

class ProductIdIndex {
 public:
  explicit ProductIdIndex(const json::Value& root);

  // The product_id strings of all full product names, in document order of
  // branches, full_product_names, relationships.
  std::span<const json::Value* const> definitions() const { return definitions_; }
  // Every string that refers to a product ID, in the order of the list in
  // product_index.hpp.
  std::span<const json::Value* const> references() const { return references_; }
  // The group_id strings of /product_tree/product_groups[].
  std::span<const json::Value* const> group_definitions() const { return group_definitions_; }
  // Every string in /vulnerabilities[]/{remediations,threats,flags}[]/group_ids[].
  std::span<const json::Value* const> group_references() const { return group_references_; }

  // Whether some full product name defines `product_id`.
  bool is_defined(std::string_view product_id) const { return first_definition_.contains(product_id); }
  // Definitions of an ID defined before: (index into definitions() of the
  // repeat, index of the first definition), in document order.
  std::span<const std::pair<std::uint32_t, std::uint32_t>> repeated_definitions() const {
    return repeated_definitions_;
  }

 private:
  std::vector<const json::Value*> definitions_;
  util::FlatStringMap<std::uint32_t> first_definition_{0};  // ID -> index into definitions_
  std::vector<std::pair<std::uint32_t, std::uint32_t>> repeated_definitions_;
  std::vector<const json::Value*> references_;
  std::vector<const json::Value*> group_definitions_;
  std::vector<const json::Value*> group_references_;
};

}  // namespace lotse::csaf
