// 6.2.8 Use of MD5 as the only Hash Algorithm and 6.2.9 Use of SHA-1 as the
// only Hash Algorithm: both hash functions have practical collision
// attacks, so a file hash with one of them must come with a stronger one.
// Checked for every item of hashes of every full product name (branches,
// full_product_names, relationships).
//
// Algorithm names compare ignoring ASCII case ("MD5" is "md5"), as test
// 6.1.25 compares them.
#include <string>
#include <string_view>

#include "csaf/full_product_names.hpp"
#include "csaf/optional/members.hpp"
#include "csaf/optional/optional_tests.hpp"
#include "csaf/text.hpp"
#include "json/pointer.hpp"

namespace lotse::csaf::optional {

namespace {

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

// Whether every algorithm named in `file_hashes` is `weak` (and at least
// one is): then no second, stronger hash accompanies it.
bool only_algorithm_is(std::span<const json::Value> file_hashes, std::string_view weak) {
  bool any = false;
  for (const json::Value& file_hash : file_hashes) {
    const json::Value* algorithm = string_member(&file_hash, "algorithm");
    if (!algorithm) continue;
    if (!equals_ignoring_ascii_case(algorithm->as_string(), weak)) return false;
    any = true;
  }
  return any;
}

// Reports every item of hashes whose file hashes use only `weak`.
void check_only_weak_hash(TestContext& context, std::string_view weak) {
  for_each_full_product_name(context.root(), [&](const json::Value& product, const std::string& pointer) {
    const json::Value* helper = object_member(&product, "product_identification_helper");
    std::span<const json::Value> hashes = items_of(helper ? helper->find("hashes") : nullptr);
    for (std::size_t h = 0; h < hashes.size(); ++h) {
      if (!only_algorithm_is(items_of(hashes[h].find("file_hashes")), weak)) continue;
      std::string at = pointer + "/product_identification_helper/hashes";
      json::append_pointer_index(at, h);
      at += "/file_hashes";
      const json::Value* filename = string_member(&hashes[h], "filename");
      context.report(std::move(at), "the file hashes" +
                                        (filename ? " of " + quote_text(filename->as_string()) : std::string()) +
                                        " use only the hash algorithm " + std::string(weak) +
                                        "; expected a second, cryptographically stronger one beside it, e.g. sha256");
    }
  });
}

}  // namespace

// 6.2.8: an MD5 hash alone proves little; collisions can be made at will.
void use_of_md5_as_the_only_hash_algorithm(TestContext& context) { check_only_weak_hash(context, "md5"); }

// 6.2.9: the same for SHA-1 (chosen-prefix collisions since 2020).
void use_of_sha1_as_the_only_hash_algorithm(TestContext& context) { check_only_weak_hash(context, "sha1"); }

}  // namespace lotse::csaf::optional
