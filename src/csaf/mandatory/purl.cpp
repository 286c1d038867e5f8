// 6.1.13 PURL: every purl in a product identification helper must be a valid
// package URL (ECMA-427), checked strictly by src/purl.
#include "csaf/full_product_names.hpp"
#include "csaf/mandatory/mandatory_tests.hpp"
#include "purl/package_url.hpp"

namespace lotse::csaf::mandatory {

void purl(TestContext& context) {
  for_each_full_product_name(context.root(), [&](const json::Value& product, const std::string& pointer) {
    const json::Value* helper = product.find("product_identification_helper");
    const json::Value* purl = helper ? helper->find("purl") : nullptr;
    if (!purl || !purl->is_string()) return;  // absent, or a schema finding
    auto parsed = purl::parse(purl->as_string(), purl::Mode::strict);
    if (!parsed) {
      context.report(pointer + "/product_identification_helper/purl",
                     "invalid package URL: " + parsed.error().describe() +
                         " (expected a purl as ECMA-427 defines it, e.g. pkg:maven/org.example/lib@1.2.3)");
    }
  });
}

}  // namespace lotse::csaf::mandatory
