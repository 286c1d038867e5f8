// Tests that every product is used where the specification expects it:
// 6.2.1 Unused Definition of Product ID (each defined product is referenced
// somewhere), 6.2.2 Missing Remediation (each affected or investigated
// product has a remediation), 6.2.3 Missing Score (each affected product
// has a score). The places that define and reference product IDs come from
// csaf/product_index.hpp (6.2.1 reads them from the document's shared
// ProductIdIndex); each test is linear in the document (hash sets).
#include <string>
#include <string_view>

#include "csaf/optional/members.hpp"
#include "csaf/optional/optional_tests.hpp"
#include "csaf/product_id_index.hpp"
#include "csaf/product_index.hpp"
#include "csaf/text.hpp"
#include "json/pointer.hpp"
#include "util/string_map.hpp"

namespace lotse::csaf::optional {

namespace {

using IdSet = util::StringViewSet;

// Adds the string items of `list` to `ids`.
void add_ids(const json::Value* list, IdSet& ids) {
  for (const json::Value& id : items_of(list)) {
    if (id.is_string()) ids.insert(id.as_string());
  }
}

// Reports each product of the listed product statuses of vulnerability
// `index` that `covered` lacks; `what` completes "... but no <what>".
void report_uncovered(TestContext& context, const json::Value& vulnerability, std::size_t index,
                      std::span<const std::string_view> statuses, const IdSet& covered,
                      std::string_view what) {
  const json::Value* product_status = object_member(&vulnerability, "product_status");
  if (!product_status) return;
  std::string pointer = "/vulnerabilities";
  json::append_pointer_index(pointer, index);
  pointer += "/product_status";
  const std::size_t base = pointer.size();
  for (std::string_view status : statuses) {
    json::append_pointer_token(pointer, status);
    for_each_id_item(product_status->find(status), pointer,
                     [&](std::string_view id, const std::string& at) {
                       if (covered.contains(id)) return;
                       context.report(at, "product " + quote_text(id) + " is listed in product status " +
                                              std::string(status) + " but " + std::string(what));
                     });
    pointer.resize(base);
  }
}

}  // namespace

// 6.2.1: a definition nobody refers to is dead weight or a forgotten
// status. Skipped for the profile Informational Advisory, as the test says:
// such documents list products without vulnerabilities.
void unused_definition_of_product_id(TestContext& context) {
  const json::Value& root = context.root();
  const json::Value* category = string_member(root.find("document"), "category");
  if (category && category->as_string() == "csaf_informational_advisory") {
    context.skip("the document has the profile Informational Advisory (category csaf_informational_advisory), "
                 "for which section 6.2.1 skips this test");
    return;
  }
  // The document's shared index of product IDs (one walk for all tests).
  const ProductIdIndex& index = context.product_ids();
  IdSet referenced;
  for (const json::Value* id : index.references()) referenced.insert(id->as_string());
  for (const json::Value* id : index.definitions()) {
    if (referenced.contains(id->as_string())) continue;
    context.report(*id, "product " + quote_text(id->as_string()) +
                            " is defined but never referenced; expected its product ID in a product status, "
                            "product group, relationship, remediation, score, threat or flag");
  }
}

// 6.2.2: per vulnerability, each product in first_affected, known_affected,
// last_affected or under_investigation must appear in a remediation of that
// vulnerability, directly (product_ids) or through a product group
// (group_ids).
void missing_remediation(TestContext& context) {
  static constexpr std::string_view kStatuses[] = {"first_affected", "known_affected", "last_affected",
                                                   "under_investigation"};
  const json::Value& root = context.root();
  std::span<const json::Value> vulnerabilities = items_of(root.find("vulnerabilities"));
  if (vulnerabilities.empty()) return;
  const ProductGroupIndex groups(root);
  for (std::size_t i = 0; i < vulnerabilities.size(); ++i) {
    IdSet covered;
    for (const json::Value& remediation : items_of(vulnerabilities[i].find("remediations"))) {
      add_ids(remediation.find("product_ids"), covered);
      for (const json::Value& group : items_of(remediation.find("group_ids"))) {
        if (!group.is_string()) continue;
        for (std::string_view id : groups.products_of(group.as_string())) covered.insert(id);
      }
    }
    report_uncovered(context, vulnerabilities[i], i, kStatuses, covered,
                     "no remediation of this vulnerability covers it (by product_ids or group_ids); expected "
                     "one, if need be of category none_available or no_fix_planned");
  }
}

// 6.2.3: per vulnerability, each product in first_affected, known_affected
// or last_affected must be in the `products` of one of its scores.
void missing_score(TestContext& context) {
  static constexpr std::string_view kStatuses[] = {"first_affected", "known_affected", "last_affected"};
  std::span<const json::Value> vulnerabilities = items_of(context.root().find("vulnerabilities"));
  for (std::size_t i = 0; i < vulnerabilities.size(); ++i) {
    IdSet covered;
    for (const json::Value& score : items_of(vulnerabilities[i].find("scores"))) {
      add_ids(score.find("products"), covered);
    }
    report_uncovered(context, vulnerabilities[i], i, kStatuses, covered,
                     "no score of this vulnerability covers it; expected a score listing it in products");
  }
}

}  // namespace lotse::csaf::optional
