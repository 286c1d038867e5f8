// 6.2.19 CVSS for Fixed Products: a CVSS score that applies to a product
// listed as fixed (first_fixed, fixed) must have an environmental score of
// 0, since the fix removed the impact in that environment. The test passes
// when no score lists a fixed product.
//
// The environmental score is computed from the object's vector with its
// metric properties (cvss_object.hpp); a stated environmentalScore above 0
// fails as well. When neither can be established (no usable vector) and no
// environmentalScore of 0 is stated, the test fails too: nothing shows the
// score is 0. One finding per CVSS object, naming the first fixed product
// it applies to.
#include <cstdio>
#include <string>

#include "csaf/optional/cvss_object.hpp"
#include "csaf/optional/members.hpp"
#include "csaf/optional/optional_tests.hpp"
#include "csaf/text.hpp"
#include "cvss/score.hpp"
#include "json/pointer.hpp"
#include "util/string_map.hpp"

namespace lotse::csaf::optional {

namespace {

std::string format_score(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", score);
  return buf;
}

// What makes the environmental score 0 in each version, for the message.
std::string_view how_to_reach_zero(bool v2) {
  return v2 ? "e.g. targetDistribution NONE (TD:N)"
            : "e.g. modifiedConfidentialityImpact, modifiedIntegrityImpact and modifiedAvailabilityImpact NONE "
              "(MC:N/MI:N/MA:N)";
}

// Checks the cvss_v2 (when `v2`) or cvss_v3 object at `pointer`, which
// applies to the fixed product `product` (in product status `status`).
void check_cvss_object(TestContext& context, const json::Value& object, bool v2, const std::string& pointer,
                       std::string_view product, std::string_view status) {
  const std::string because = "product " + quote_text(product) + " is listed as " + std::string(status) +
                              "; expected an environmental score of 0, " + std::string(how_to_reach_zero(v2));
  const json::Value* stated = object.find("environmentalScore");
  if (stated && stated->is_number() && stated->as_double() > 0) {
    context.report(pointer + "/environmentalScore",
                   "environmentalScore is " + std::string(stated->text()) + ", but " + because);
    return;
  }
  auto vector = vector_of_cvss_object(object, v2);
  if (vector) {
    const double computed = cvss::score(*vector).environmental;
    if (computed <= 0) return;
    context.report(pointer, "the environmental score of " + cvss::to_string(*vector) +
                                " (vectorString and metric properties) is " + format_score(computed) + ", but " +
                                because);
    return;
  }
  if (stated && stated->is_number()) return;  // 0 as stated; nothing contradicts it
  context.report(pointer, "the environmental score cannot be established: " + vector.error() + "; but " + because);
}

}  // namespace

// 6.2.19: a score that still rates a fixed product as vulnerable would make
// consumers act on an installation that needs nothing.
void cvss_for_fixed_products(TestContext& context) {
  std::span<const json::Value> vulnerabilities = items_of(context.root().find("vulnerabilities"));
  for (std::size_t v = 0; v < vulnerabilities.size(); ++v) {
    // Each fixed product with the status that lists it first.
    util::StringViewMap<std::string_view> fixed;
    const json::Value* product_status = object_member(&vulnerabilities[v], "product_status");
    for (std::string_view status : {"first_fixed", "fixed"}) {
      for (const json::Value& id : items_of(product_status ? product_status->find(status) : nullptr)) {
        if (id.is_string()) fixed.try_emplace(id.as_string(), status);
      }
    }
    if (fixed.empty()) continue;
    std::span<const json::Value> scores = items_of(vulnerabilities[v].find("scores"));
    for (std::size_t s = 0; s < scores.size(); ++s) {
      const std::pair<const std::string_view, std::string_view>* applies = nullptr;
      for (const json::Value& id : items_of(scores[s].find("products"))) {
        if (!id.is_string()) continue;
        auto found = fixed.find(id.as_string());
        if (found != fixed.end()) {
          applies = &*found;
          break;
        }
      }
      if (!applies) continue;
      std::string pointer = "/vulnerabilities";
      json::append_pointer_index(pointer, v);
      pointer += "/scores";
      json::append_pointer_index(pointer, s);
      for (bool v2 : {true, false}) {
        const json::Value* object = object_member(&scores[s], v2 ? "cvss_v2" : "cvss_v3");
        if (object) {
          check_cvss_object(context, *object, v2, pointer + (v2 ? "/cvss_v2" : "/cvss_v3"), applies->first,
                            applies->second);
        }
      }
    }
  }
}

}  // namespace lotse::csaf::optional
