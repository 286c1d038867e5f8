// Tests that something is listed at most once (CSAF 2.0 section 6.1): 6.1.23
// Multiple Use of Same CVE, 6.1.24 Multiple Definition in Involvements, 6.1.25
// Multiple Use of Same Hash Algorithm. Each remembers the first occurrence in
// a hash map (linear) and reports every later one, naming the first.
#include <string>

#include "csaf/branches.hpp"
#include "csaf/date_time.hpp"
#include "csaf/mandatory/mandatory_tests.hpp"
#include "csaf/text.hpp"
#include "json/pointer.hpp"
#include "util/string_map.hpp"

namespace lotse::csaf::mandatory {

namespace {

// Items of `value` when it is an array, else none.
std::span<const json::Value> items_of(const json::Value* value) {
  return value && value->is_array() ? value->items() : std::span<const json::Value>{};
}

// The member `key` of `object` when it is a string, else nullptr.
const json::Value* string_member(const json::Value& object, std::string_view key) {
  const json::Value* value = object.find(key);
  return value && value->is_string() ? value : nullptr;
}

// A key under which equal instants meet ("2021-04-23T12:00:00+02:00" is
// "2021-04-23T10:00:00Z"); text that is no date-time stands for itself.
std::string instant_key(std::string_view date) {
  std::optional<DateTime> instant = parse_date_time(date);
  if (!instant) return "text:" + std::string(date);
  return std::to_string(instant->utc_seconds) + (instant->leap_second ? "L." : ".") +
         std::string(instant->fraction);
}

// 6.1.25 on one full_product_name_t at `pointer`.
void check_file_hashes(TestContext& context, const json::Value& product,
                       const std::string& pointer) {
  const json::Value* helper = product.find("product_identification_helper");
  std::span<const json::Value> hashes = items_of(helper ? helper->find("hashes") : nullptr);
  for (std::size_t h = 0; h < hashes.size(); ++h) {
    std::span<const json::Value> file_hashes = items_of(hashes[h].find("file_hashes"));
    // Algorithm names are compared ignoring ASCII case: "SHA256" is "sha256".
    util::StringMap<std::size_t> first_use;
    for (std::size_t k = 0; k < file_hashes.size(); ++k) {
      const json::Value* algorithm = string_member(file_hashes[k], "algorithm");
      if (!algorithm) continue;
      std::string key(algorithm->as_string());
      for (char& c : key) c = ascii_lower(c);
      auto [found, inserted] = first_use.try_emplace(std::move(key), k);
      if (inserted) continue;
      std::string list = pointer + "/product_identification_helper/hashes";
      json::append_pointer_index(list, h);
      list += "/file_hashes";
      std::string at = list;
      json::append_pointer_index(at, k);
      at += "/algorithm";
      std::string first = list;
      json::append_pointer_index(first, found->second);
      context.report(std::move(at),
                     "hash algorithm " + quote_text(algorithm->as_string()) +
                         " is already used by " + first +
                         "; expected each algorithm at most once per item of file hashes");
    }
  }
}

}  // namespace

// 6.1.23: a CVE belongs to one vulnerability item.
void multiple_use_of_same_cve(TestContext& context) {
  std::span<const json::Value> vulnerabilities = items_of(context.root().find("vulnerabilities"));
  util::StringViewMap<std::size_t> first_use;
  for (std::size_t i = 0; i < vulnerabilities.size(); ++i) {
    const json::Value* cve = string_member(vulnerabilities[i], "cve");
    if (!cve) continue;
    auto [found, inserted] = first_use.try_emplace(cve->as_string(), i);
    if (inserted) continue;
    std::string at = "/vulnerabilities";
    json::append_pointer_index(at, i);
    at += "/cve";
    std::string first = "/vulnerabilities";
    json::append_pointer_index(first, found->second);
    context.report(std::move(at), quote_text(cve->as_string()) + " is already the CVE of " + first +
                                      "; expected each CVE in exactly one vulnerability item");
  }
}

// 6.1.24: within one vulnerability, a party has at most one involvement per
// date. Involvements without a date are not compared: "at any date" needs a
// date (test 6.2.7 reports missing ones).
void multiple_definition_in_involvements(TestContext& context) {
  std::span<const json::Value> vulnerabilities = items_of(context.root().find("vulnerabilities"));
  for (std::size_t i = 0; i < vulnerabilities.size(); ++i) {
    std::span<const json::Value> involvements = items_of(vulnerabilities[i].find("involvements"));
    util::StringMap<std::size_t> first_use;
    for (std::size_t j = 0; j < involvements.size(); ++j) {
      const json::Value* party = string_member(involvements[j], "party");
      const json::Value* date = string_member(involvements[j], "date");
      if (!party || !date) continue;
      std::string key = std::string(party->as_string()) + '\n' + instant_key(date->as_string());
      auto [found, inserted] = first_use.try_emplace(std::move(key), j);
      if (inserted) continue;
      std::string list = "/vulnerabilities";
      json::append_pointer_index(list, i);
      list += "/involvements";
      std::string at = list;
      json::append_pointer_index(at, j);
      std::string first = list;
      json::append_pointer_index(first, found->second);
      context.report(std::move(at), "party " + quote_text(party->as_string()) +
                                        " already has the involvement " + first + " at " +
                                        quote_text(date->as_string()) +
                                        "; expected at most one involvement per party and date");
    }
  }
}

// 6.1.25: in each item of hashes, an algorithm appears once among the file
// hashes; checked for every full product name (branches, full_product_names,
// relationships).
void multiple_use_of_same_hash_algorithm(TestContext& context) {
  const json::Value& root = context.root();
  for_each_branch(root, [&](const json::Value& branch, const std::string& pointer) {
    const json::Value* product = branch.find("product");
    if (product) check_file_hashes(context, *product, pointer + "/product");
  });
  const json::Value* tree = root.find("product_tree");
  if (!tree) return;
  std::span<const json::Value> names = items_of(tree->find("full_product_names"));
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string pointer = "/product_tree/full_product_names";
    json::append_pointer_index(pointer, i);
    check_file_hashes(context, names[i], pointer);
  }
  std::span<const json::Value> relationships = items_of(tree->find("relationships"));
  for (std::size_t i = 0; i < relationships.size(); ++i) {
    const json::Value* product = relationships[i].find("full_product_name");
    if (!product) continue;
    std::string pointer = "/product_tree/relationships";
    json::append_pointer_index(pointer, i);
    check_file_hashes(context, *product, pointer + "/full_product_name");
  }
}

}  // namespace lotse::csaf::mandatory
