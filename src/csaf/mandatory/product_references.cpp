// 6.1.29 Remediation without Product Reference, 6.1.32 Flag without Product
// Reference, 6.1.33 Multiple Flags with VEX Justification Codes per Product.
#include <cstddef>
#include <limits>
#include <string>

#include "csaf/mandatory/mandatory_tests.hpp"
#include "csaf/product_index.hpp"
#include "csaf/text.hpp"
#include "json/pointer.hpp"
#include "util/string_map.hpp"

namespace lotse::csaf::mandatory {

namespace {

// Reports each item of /vulnerabilities[]/<section>[] that has neither
// product_ids nor group_ids. Presence is what the spec asks for; the schema
// reports lists of the wrong type or length.
void require_product_reference(TestContext& context, std::string_view section,
                               std::string_view what) {
  const json::Value* vulnerabilities = context.root().find("vulnerabilities");
  if (!vulnerabilities || !vulnerabilities->is_array()) return;
  for (std::size_t v = 0; v < vulnerabilities->items().size(); ++v) {
    const json::Value* items = vulnerabilities->items()[v].find(section);
    if (!items || !items->is_array()) continue;
    for (std::size_t i = 0; i < items->items().size(); ++i) {
      const json::Value& item = items->items()[i];
      if (!item.is_object() || item.find("product_ids") || item.find("group_ids")) continue;
      std::string pointer = "/vulnerabilities";
      json::append_pointer_index(pointer, v);
      json::append_pointer_token(pointer, section);
      json::append_pointer_index(pointer, i);
      context.report(std::move(pointer), std::string(what) +
                                             " does not say which products it applies to;"
                                             " expected product_ids or group_ids (or both)");
    }
  }
}

// The flag labels of CSAF 2.0, all of them VEX justification codes
// (section 3.2.3.5). Listed, not assumed, so that 6.1.33 stays right when
// later versions add flags with another purpose.
bool is_vex_justification(const json::Value* label) {
  if (!label || !label->is_string()) return false;
  const std::string_view text = label->as_string();
  return text == "component_not_present" || text == "inline_mitigations_already_exist" ||
         text == "vulnerable_code_cannot_be_controlled_by_adversary" ||
         text == "vulnerable_code_not_in_execute_path" || text == "vulnerable_code_not_present";
}

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

// The first VEX flag that covered a product (or named a group) within one
// vulnerability.
struct Coverage {
  std::size_t flag;
  std::string_view group;  // the group it came through; empty when direct
  std::size_t last_reported = kNone;  // one finding per product and flag
};

// 6.1.33 for one vulnerability's flags; `base` names the flags array.
class FlagChecker {
 public:
  FlagChecker(TestContext& context, const ProductGroupIndex& groups, const json::Value& flags,
              std::string base)
      : context_(context), groups_(groups), flags_(flags), base_(std::move(base)) {}

  void run() {
    std::span<const json::Value> items = flags_.items();
    std::size_t vex_flags = 0;
    for (const json::Value& flag : items) vex_flags += is_vex_justification(flag.find("label"));
    if (vex_flags < 2) return;  // one flag cannot contradict itself
    for (std::size_t j = 0; j < items.size(); ++j) {
      if (!is_vex_justification(items[j].find("label"))) continue;
      const json::Value* products = items[j].find("product_ids");
      if (products && products->is_array()) {
        for (std::size_t k = 0; k < products->items().size(); ++k) {
          const json::Value& id = products->items()[k];
          if (id.is_string()) cover(id.as_string(), j, {}, "product_ids", k);
        }
      }
      const json::Value* group_ids = items[j].find("group_ids");
      if (group_ids && group_ids->is_array()) {
        for (std::size_t k = 0; k < group_ids->items().size(); ++k) {
          const json::Value& id = group_ids->items()[k];
          if (id.is_string()) cover_group(id.as_string(), j, k);
        }
      }
    }
  }

 private:
  // A group already used by an earlier flag makes every one of its products
  // a duplicate: one finding for the group, and no second expansion (keeps
  // the work per vulnerability linear in the groups it names).
  void cover_group(std::string_view group, std::size_t flag, std::size_t k) {
    auto [earlier, inserted] = group_flag_.try_emplace(group, Coverage{flag, group});
    if (inserted) {
      for (std::string_view product : groups_.products_of(group)) {
        cover(product, flag, group, "group_ids", k);
      }
      return;
    }
    Coverage& first = earlier->second;
    if (first.flag == flag || first.last_reported == flag) return;
    first.last_reported = flag;
    context_.report(pointer(flag, "group_ids", k),
                    "product group " + quote_text(group) + " is already covered by " +
                        describe_flag(first.flag) +
                        "; expected at most one flag with a VEX justification code per product");
  }

  void cover(std::string_view product, std::size_t flag, std::string_view group,
             std::string_view list, std::size_t k) {
    auto [earlier, inserted] = covered_.try_emplace(product, Coverage{flag, group});
    Coverage& first = earlier->second;
    if (inserted || first.flag == flag || first.last_reported == flag) return;
    first.last_reported = flag;
    std::string through = group.empty() ? "" : " (through product group " + quote_text(group) + ")";
    std::string first_through =
        first.group.empty() ? "" : " through product group " + quote_text(first.group);
    context_.report(pointer(flag, list, k),
                    "product ID " + quote_text(product) + through + " is already covered by " +
                        describe_flag(first.flag) + first_through +
                        "; expected at most one flag with a VEX justification code per product");
  }

  std::string pointer(std::size_t flag, std::string_view list, std::size_t k) const {
    std::string at = base_;
    json::append_pointer_index(at, flag);
    json::append_pointer_token(at, list);
    json::append_pointer_index(at, k);
    return at;
  }

  // "the flag at /vulnerabilities/0/flags/1 (component_not_present)"
  std::string describe_flag(std::size_t flag) const {
    std::string text = "the flag at " + base_;
    json::append_pointer_index(text, flag);
    const json::Value* label = flags_.items()[flag].find("label");
    if (label && label->is_string()) text += " (" + std::string(label->as_string()) + ")";
    return text;
  }

  TestContext& context_;
  const ProductGroupIndex& groups_;
  const json::Value& flags_;
  std::string base_;
  util::StringViewMap<Coverage> group_flag_;
  util::StringViewMap<Coverage> covered_;
};

}  // namespace

void remediation_without_product_reference(TestContext& context) {
  require_product_reference(context, "remediations", "remediation");
}

void flag_without_product_reference(TestContext& context) {
  require_product_reference(context, "flags", "flag");
}

void multiple_flags_with_vex_justification_codes_per_product(TestContext& context) {
  const json::Value* vulnerabilities = context.root().find("vulnerabilities");
  if (!vulnerabilities || !vulnerabilities->is_array()) return;
  const ProductGroupIndex groups(context.root());
  for (std::size_t v = 0; v < vulnerabilities->items().size(); ++v) {
    const json::Value* flags = vulnerabilities->items()[v].find("flags");
    if (!flags || !flags->is_array()) continue;
    std::string base = "/vulnerabilities";
    json::append_pointer_index(base, v);
    base += "/flags";
    // Per vulnerability: a product may carry one VEX flag in each.
    FlagChecker(context, groups, *flags, std::move(base)).run();
  }
}

}  // namespace lotse::csaf::mandatory
