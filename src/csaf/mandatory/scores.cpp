// 6.1.7 Multiple Scores with same Version per Product.
#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <unordered_map>
#include <vector>

#include "csaf/mandatory/mandatory_tests.hpp"
#include "csaf/text.hpp"
#include "json/pointer.hpp"
#include "util/hash.hpp"

namespace lotse::csaf::mandatory {

namespace {

// (product ID, CVSS version as written): keyed as a pair so that documents
// with many made-up versions stay linear.
using ProductVersion = std::pair<std::string_view, std::string_view>;

struct ProductVersionHash {
  std::size_t operator()(const ProductVersion& key) const {
    // Seeded: product IDs come from the document.
    const std::size_t a = util::hash_bytes(key.first);
    const std::size_t b = util::hash_bytes(key.second);
    return a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
  }
};

// The CVSS versions one score item gives: cvss_v2/version and
// cvss_v3/version when they are strings (the schema reports the rest).
std::vector<std::string_view> versions_of(const json::Value& score) {
  std::vector<std::string_view> versions;
  for (std::string_view key : {"cvss_v2", "cvss_v3"}) {
    const json::Value* cvss = score.find(key);
    const json::Value* version = cvss ? cvss->find("version") : nullptr;
    if (version && version->is_string()) versions.push_back(version->as_string());
  }
  return versions;
}

}  // namespace

void multiple_scores_with_same_version_per_product(TestContext& context) {
  const json::Value* vulnerabilities = context.root().find("vulnerabilities");
  if (!vulnerabilities || !vulnerabilities->is_array()) return;
  for (std::size_t v = 0; v < vulnerabilities->items().size(); ++v) {
    const json::Value* scores = vulnerabilities->items()[v].find("scores");
    if (!scores || !scores->is_array()) continue;
    // Per vulnerability: the same product may be scored again in another one.
    // The score that first gave each product each version.
    std::unordered_map<ProductVersion, std::size_t, ProductVersionHash> scored;
    std::string base = "/vulnerabilities";
    json::append_pointer_index(base, v);
    base += "/scores";
    for (std::size_t s = 0; s < scores->items().size(); ++s) {
      const json::Value& score = scores->items()[s];
      const std::vector<std::string_view> versions = versions_of(score);
      const json::Value* products = score.find("products");
      if (versions.empty() || !products || !products->is_array()) continue;
      for (std::size_t k = 0; k < products->items().size(); ++k) {
        const json::Value& product = products->items()[k];
        if (!product.is_string()) continue;
        for (std::string_view version : versions) {
          auto [earlier, inserted] = scored.try_emplace({product.as_string(), version}, s);
          // Listed twice in the same score: still one vector for it.
          if (inserted || earlier->second == s) continue;
          std::string at = base;
          json::append_pointer_index(at, s);
          at += "/products";
          json::append_pointer_index(at, k);
          std::string earlier_at = base;
          json::append_pointer_index(earlier_at, earlier->second);
          context.report(std::move(at), "product ID " + quote_text(product.as_string()) +
                                            " already has a CVSS " + quote_text(version) +
                                            " score at " + earlier_at +
                                            "; expected at most one score per CVSS version and"
                                            " product in a vulnerability");
        }
      }
    }
  }
}

}  // namespace lotse::csaf::mandatory
