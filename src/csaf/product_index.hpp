// Where a CSAF 2.0 document defines and references product IDs and product
// group IDs, as the specification lists the places (tests 6.1.1, 6.1.2,
// 6.1.4, 6.1.5 and the known issue #909 that adds `flags`). Tests that need
// "every definition" or "every reference" walk them here instead of
// repeating the paths.
//
// Definitions of product IDs (full_product_name_t):
//   /product_tree/branches[](/branches[])*/product/product_id
//   /product_tree/full_product_names[]/product_id
//   /product_tree/relationships[]/full_product_name/product_id
// References to product IDs (product_id_t, products_t):
//   /product_tree/product_groups[]/product_ids[]
//   /product_tree/relationships[]/product_reference
//   /product_tree/relationships[]/relates_to_product_reference
//   /vulnerabilities[]/product_status/<each status>[]
//   /vulnerabilities[]/remediations[]/product_ids[]
//   /vulnerabilities[]/scores[]/products[]
//   /vulnerabilities[]/threats[]/product_ids[]
//   /vulnerabilities[]/flags[]/product_ids[]
// Definitions of group IDs: /product_tree/product_groups[]/group_id
// References to group IDs: /vulnerabilities[]/{remediations,threats,flags}[]/group_ids[]
//
// Every walk tolerates documents that fail the schema: members of the wrong
// type are skipped, IDs that are not strings are skipped (the schema reports
// them). Walks are iterative (branches nest arbitrarily deep) and linear in
// the size of the walked parts. Visits happen in document order of the
// listed paths.
//
// The string_views handed out point into the json::Document and are valid
// as long as it is. Stateless functions; a ProductGroupIndex is immutable
// after construction and may be shared between threads.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "json/value.hpp"
#include "util/string_map.hpp"

namespace lotse::csaf {

// Receives one ID and the RFC 6901 pointer to the string that holds it. The
// pointer is a reused buffer: copy it to keep it past the call.
using IdVisitor = std::function<void(std::string_view id, const std::string& pointer)>;

// The product status names of CSAF 2.0 (/vulnerabilities[]/product_status),
// in specification order.
inline constexpr std::string_view kProductStatusNames[] = {
    "first_affected", "first_fixed",        "fixed",       "known_affected",
    "known_not_affected", "last_affected", "recommended", "under_investigation"};

// Visits every product ID defined by a full product name (see the list above).
void for_each_product_definition(const json::Value& root, const IdVisitor& visit);

// Visits every place that refers to a product ID (see the list above).
void for_each_product_reference(const json::Value& root, const IdVisitor& visit);

// Visits every product group ID defined in /product_tree/product_groups[].
void for_each_group_definition(const json::Value& root, const IdVisitor& visit);

// Visits every place that refers to a product group ID (see the list above).
void for_each_group_reference(const json::Value& root, const IdVisitor& visit);

// Visits the string items of `array` (nothing when it is null or not an
// array) with pointers `pointer` + "/<index>". `pointer` must name `array`;
// it is restored before returning. The building block of the walks above,
// for tests that look at one list (e.g. one product status).
void for_each_id_item(const json::Value* array, std::string& pointer, const IdVisitor& visit);

// The product IDs of each product group, to expand `group_ids` into products.
class ProductGroupIndex {
 public:
  explicit ProductGroupIndex(const json::Value& root);

  // Whether some product group defines `group_id`.
  bool contains(std::string_view group_id) const { return members_.contains(group_id); }

  // The product IDs listed by the groups with this group_id, in document
  // order (several groups when 6.1.5 is violated; duplicates kept); empty
  // when no group defines it.
  std::span<const std::string_view> products_of(std::string_view group_id) const;

 private:
  util::StringViewMap<std::vector<std::string_view>> members_;
};

}  // namespace lotse::csaf
