// The informative tests of CSAF 2.0 (section 6.3, severity info):
// id, section title, severity, function. Keep specification order.
#include "csaf/test_registry.hpp"

namespace lotse::csaf {

std::span<const TestDefinition> informative::tests() {
  // Filled in as the tests are implemented.
  return {};
}

}  // namespace lotse::csaf
