// CSAF 2.0 test 6.3.5 Use of Short Hash: every file hash value of every full
// product name (branches, full_product_names, relationships) is at least 64
// characters long, the length of a SHA-256 digest in hex.
#include <string>

#include "csaf/full_product_names.hpp"
#include "csaf/informative/finding_budget.hpp"
#include "csaf/informative/informative_tests.hpp"
#include "csaf/text.hpp"
#include "json/pointer.hpp"
#include "json/utf8.hpp"

namespace lotse::csaf::informative {

namespace {

constexpr std::size_t kMinHashLength = 64;

}  // namespace

void use_of_short_hash(TestContext& context) {
  FindingBudget findings(context);
  for_each_full_product_name(context.root(), [&](const json::Value& product, const std::string& pointer) {
    const json::Value* helper = product.find("product_identification_helper");
    const json::Value* hashes = helper ? helper->find("hashes") : nullptr;
    if (!hashes || !hashes->is_array()) return;
    for (std::size_t h = 0; h < hashes->size(); ++h) {
      const json::Value* file_hashes = hashes->items()[h].find("file_hashes");
      if (!file_hashes || !file_hashes->is_array()) continue;
      for (std::size_t f = 0; f < file_hashes->size(); ++f) {
        const json::Value& file_hash = file_hashes->items()[f];
        const json::Value* value = file_hash.find("value");
        if (!value || !value->is_string()) continue;
        const std::size_t length = json::count_code_points(value->as_string());
        if (length >= kMinHashLength) continue;
        std::string at = pointer + "/product_identification_helper/hashes";
        json::append_pointer_index(at, h);
        at += "/file_hashes";
        json::append_pointer_index(at, f);
        at += "/value";
        std::string algorithm;
        if (const json::Value* a = file_hash.find("algorithm"); a && a->is_string()) {
          algorithm = " (algorithm " + quote_text(a->as_string()) + ")";
        }
        findings.report(at, "the hash value is only " + std::to_string(length) +
                               " characters long" + algorithm + "; expected at least " +
                               std::to_string(kMinHashLength) +
                               " characters (SHA-256 or a longer hash)");
      }
    }
  });
}

}  // namespace lotse::csaf::informative
