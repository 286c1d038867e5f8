// 6.1.6 Contradicting Product Status.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "csaf/mandatory/mandatory_tests.hpp"
#include "csaf/text.hpp"
#include "json/pointer.hpp"
#include "util/flat_string_map.hpp"

namespace lotse::csaf::mandatory {

namespace {

// The contradiction groups of 6.1.6; `recommended` belongs to none (an
// issuer may recommend a product of any group).
enum class StatusGroup : std::uint8_t { affected, not_affected, fixed, under_investigation };

constexpr std::string_view kGroupNames[] = {"Affected", "Not affected", "Fixed",
                                            "Under investigation"};

std::optional<StatusGroup> group_of(std::string_view status) {
  if (status == "first_affected" || status == "known_affected" || status == "last_affected") {
    return StatusGroup::affected;
  }
  if (status == "known_not_affected") return StatusGroup::not_affected;
  if (status == "first_fixed" || status == "fixed") return StatusGroup::fixed;
  if (status == "under_investigation") return StatusGroup::under_investigation;
  return std::nullopt;
}

std::string_view name_of(StatusGroup group) { return kGroupNames[static_cast<int>(group)]; }

// Where a product was first listed in a vulnerability (kept as status and
// index, not as a pointer string: most products are listed once), and
// which other groups were already reported for it (one finding per product
// and group).
struct FirstListing {
  StatusGroup group;
  std::string_view status;
  std::size_t index;
  std::uint8_t reported = 0;  // bit per StatusGroup
};

}  // namespace

void contradicting_product_status(TestContext& context) {
  const json::Value* vulnerabilities = context.root().find("vulnerabilities");
  if (!vulnerabilities || !vulnerabilities->is_array()) return;
  std::string pointer;
  for (std::size_t v = 0; v < vulnerabilities->items().size(); ++v) {
    const json::Value* status = vulnerabilities->items()[v].find("product_status");
    if (!status || !status->is_object()) continue;
    // Fresh per vulnerability, one flat table sized to its listings.
    std::size_t listed = 0;
    for (const json::Member& list : status->members()) listed += list.value.size();
    util::FlatStringMap<FirstListing> first(listed);
    pointer = "/vulnerabilities";
    json::append_pointer_index(pointer, v);
    pointer += "/product_status";
    // Member order, so that findings land on the later listing in the file.
    for (const json::Member& list : status->members()) {
      const std::optional<StatusGroup> group = group_of(list.key);
      if (!group || !list.value.is_array()) continue;
      std::span<const json::Value> ids = list.value.items();
      for (std::size_t k = 0; k < ids.size(); ++k) {
        if (!ids[k].is_string()) continue;
        const std::string_view id = ids[k].as_string();
        auto [listing, inserted] = first.try_emplace(id, FirstListing{*group, list.key, k});
        if (inserted) continue;
        FirstListing& earlier = *listing;
        const auto bit = static_cast<std::uint8_t>(1u << static_cast<unsigned>(*group));
        if (earlier.group == *group || (earlier.reported & bit)) continue;
        earlier.reported |= bit;
        std::string at = pointer;
        json::append_pointer_token(at, list.key);
        json::append_pointer_index(at, k);
        std::string earlier_at = pointer;
        json::append_pointer_token(earlier_at, earlier.status);
        json::append_pointer_index(earlier_at, earlier.index);
        context.report(std::move(at),
                       "product ID " + quote_text(id) + " is listed as " + std::string(list.key) +
                           " (group \"" + std::string(name_of(*group)) + "\") and at " +
                           earlier_at + " (group \"" + std::string(name_of(earlier.group)) +
                           "\"); expected each product in at most one of the contradicting"
                           " groups Affected, Not affected, Fixed and Under investigation");
      }
    }
  }
}

}  // namespace lotse::csaf::mandatory
