// 6.1.27.7-10: what the VEX profile (section 4.5) requires of each
// vulnerability: a product status, an id, an impact statement for each
// known_not_affected product and an action statement for each
// known_affected product. They apply when /document/category is exactly
// "csaf_vex" (see profiles.cpp on profile matching).
//
// Statements may name products directly (product_ids) or through product
// groups (group_ids), which are expanded with /product_tree/product_groups.
// (This small expansion is local until it moves into csaf/product_index.)
#include <string>
#include <utility>
#include <vector>

#include "csaf/mandatory/mandatory_tests.hpp"
#include "csaf/text.hpp"
#include "json/pointer.hpp"
#include "util/string_map.hpp"

namespace lotse::csaf::mandatory {

namespace {

bool is_vex(const TestContext& context) {
  const json::Value* document = context.root().find("document");
  const json::Value* category = document ? document->find("category") : nullptr;
  return category && category->is_string() && category->as_string() == "csaf_vex";
}

// Calls `visit` with each string item of `array` (nothing for non-arrays).
template <typename Visit>
void for_each_string(const json::Value* array, Visit&& visit) {
  if (!array || !array->is_array()) return;
  for (const json::Value& item : array->items()) {
    if (item.is_string()) visit(item.as_string());
  }
}

// Product groups in both directions, built on first need: expanding a
// statement's groups costs the groups' sizes, asking which groups hold a
// product costs that product's memberships; per vulnerability the cheaper
// way is taken. Either way alone is quadratic on hostile documents (one
// huge group named by every vulnerability, or one product in every group);
// the cheaper one bounds the work by O(n^1.5) in the document size.
class GroupIndex {
 public:
  explicit GroupIndex(const json::Value& root) : root_(root) {}

  const std::vector<std::string_view>& members(std::string_view group_id) {
    build();
    auto it = members_.find(group_id);
    return it == members_.end() ? kNone : it->second;
  }
  const std::vector<std::string_view>& groups_of(std::string_view product_id) {
    build();
    auto it = groups_.find(product_id);
    return it == groups_.end() ? kNone : it->second;
  }

 private:
  void build() {
    if (built_) return;
    built_ = true;
    const json::Value* tree = root_.find("product_tree");
    const json::Value* groups = tree ? tree->find("product_groups") : nullptr;
    if (!groups || !groups->is_array()) return;
    for (const json::Value& group : groups->items()) {
      const json::Value* id = group.find("group_id");
      if (!id || !id->is_string()) continue;
      // Several groups with one id (a 6.1.5 error) all count.
      std::vector<std::string_view>& products = members_[id->as_string()];
      for_each_string(group.find("product_ids"), [&](std::string_view product) {
        products.push_back(product);
        groups_[product].push_back(id->as_string());
      });
    }
  }

  static inline const std::vector<std::string_view> kNone;
  const json::Value& root_;
  bool built_ = false;
  util::StringViewMap<std::vector<std::string_view>> members_;
  util::StringViewMap<std::vector<std::string_view>> groups_;
};

// Where statements of one kind live in a vulnerability: /<list>[] items,
// of `category` when that is not empty.
struct StatementSource {
  std::string_view list;      // "threats"
  std::string_view noun;      // "threat", for messages
  std::string_view category;  // "impact"; "" for any
};

struct StatementKind {
  std::string_view status;     // the product status whose products need a statement
  std::string_view statement;  // "impact statement", for messages
  std::vector<StatementSource> sources;
};

// Reports every product of `kind.status` in each vulnerability that no
// statement of `kind.sources` names, directly or through a group.
void require_statements(TestContext& context, const StatementKind& kind) {
  if (!is_vex(context)) return;
  const json::Value* vulnerabilities = context.root().find("vulnerabilities");
  if (!vulnerabilities || !vulnerabilities->is_array()) return;
  GroupIndex groups(context.root());
  util::StringViewSet products;  // named by a statement
  util::StringViewSet group_ids;
  for (std::size_t i = 0; i < vulnerabilities->size(); ++i) {
    const json::Value& vulnerability = vulnerabilities->items()[i];
    const json::Value* status = vulnerability.find("product_status");
    const json::Value* needed = status ? status->find(kind.status) : nullptr;
    if (!needed || !needed->is_array() || needed->size() == 0) continue;
    products.clear();
    group_ids.clear();
    for (const StatementSource& source : kind.sources) {
      const std::string_view category = source.category;
      const json::Value* statements = vulnerability.find(source.list);
      if (!statements || !statements->is_array()) continue;
      for (const json::Value& statement : statements->items()) {
        if (!category.empty()) {
          const json::Value* c = statement.find("category");
          if (!c || !c->is_string() || c->as_string() != category) continue;
        }
        for_each_string(statement.find("product_ids"), [&](std::string_view p) { products.insert(p); });
        for_each_string(statement.find("group_ids"), [&](std::string_view g) { group_ids.insert(g); });
      }
    }
    if (!group_ids.empty()) {
      std::size_t expand_cost = 0;
      for (std::string_view g : group_ids) expand_cost += groups.members(g).size();
      std::size_t lookup_cost = 0;
      for_each_string(needed, [&](std::string_view p) { lookup_cost += groups.groups_of(p).size(); });
      if (expand_cost <= lookup_cost) {
        for (std::string_view g : group_ids) {
          for (std::string_view p : groups.members(g)) products.insert(p);
        }
        group_ids.clear();
      }
    }
    auto covered = [&](std::string_view product) {
      if (products.contains(product)) return true;
      if (group_ids.empty()) return false;
      for (std::string_view g : groups.groups_of(product)) {
        if (group_ids.contains(g)) return true;
      }
      return false;
    };
    for (std::size_t j = 0; j < needed->size(); ++j) {
      const json::Value& product = needed->items()[j];
      if (!product.is_string() || covered(product.as_string())) continue;
      std::string base = "/vulnerabilities";
      json::append_pointer_index(base, i);
      std::string pointer = base + "/product_status";
      json::append_pointer_token(pointer, kind.status);
      json::append_pointer_index(pointer, j);
      std::string expected;
      for (const StatementSource& source : kind.sources) {
        if (!expected.empty()) expected += " or ";
        expected += "a " + std::string(source.noun);
        if (!source.category.empty()) expected += " of category \"" + std::string(source.category) + "\"";
        expected += " in " + base + "/" + std::string(source.list);
      }
      context.report(std::move(pointer), "product " + quote_text(product.as_string()) + " is " +
                                             std::string(kind.status) + " but has no " + std::string(kind.statement) +
                                             "; expected " + expected +
                                             " that names it in product_ids or through a product group in group_ids");
    }
  }
}

}  // namespace

void profile_vex_product_status(TestContext& context) {  // 6.1.27.7
  if (!is_vex(context)) return;
  const json::Value* vulnerabilities = context.root().find("vulnerabilities");
  if (!vulnerabilities || !vulnerabilities->is_array()) return;
  for (std::size_t i = 0; i < vulnerabilities->size(); ++i) {
    const json::Value& vulnerability = vulnerabilities->items()[i];
    if (!vulnerability.is_object()) continue;
    const json::Value* status = vulnerability.find("product_status");
    if (status && (status->find("fixed") || status->find("known_affected") || status->find("known_not_affected") ||
                   status->find("under_investigation"))) {
      continue;
    }
    std::string pointer = "/vulnerabilities";
    json::append_pointer_index(pointer, i);
    pointer += "/product_status";
    context.report(std::move(pointer),
                   std::string(status ? "the product status has" : "the vulnerability has no product status, so it has") +
                       " none of fixed, known_affected, known_not_affected or under_investigation; a csaf_vex "
                       "document expects at least one of them for each vulnerability");
  }
}

void profile_vulnerability_id(TestContext& context) {  // 6.1.27.8
  if (!is_vex(context)) return;
  const json::Value* vulnerabilities = context.root().find("vulnerabilities");
  if (!vulnerabilities || !vulnerabilities->is_array()) return;
  for (std::size_t i = 0; i < vulnerabilities->size(); ++i) {
    const json::Value& vulnerability = vulnerabilities->items()[i];
    if (!vulnerability.is_object() || vulnerability.find("cve") || vulnerability.find("ids")) continue;
    std::string pointer = "/vulnerabilities";
    json::append_pointer_index(pointer, i);
    context.report(std::move(pointer),
                   "the vulnerability has neither `cve` nor `ids`; a csaf_vex document expects at least one of "
                   "them for each vulnerability");
  }
}

void profile_impact_statement(TestContext& context) {  // 6.1.27.9
  static const StatementKind kImpact{
      "known_not_affected", "impact statement", {{"flags", "flag", ""}, {"threats", "threat", "impact"}}};
  require_statements(context, kImpact);
}

void profile_action_statement(TestContext& context) {  // 6.1.27.10
  static const StatementKind kAction{
      "known_affected", "action statement", {{"remediations", "remediation", ""}}};
  require_statements(context, kAction);
}

}  // namespace lotse::csaf::mandatory
