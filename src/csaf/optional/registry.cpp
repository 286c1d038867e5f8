// The optional tests of CSAF 2.0 (section 6.2, severity warning):
// id, section title, severity, function. Keep specification order.
#include "csaf/test_registry.hpp"

namespace lotse::csaf {

std::span<const TestDefinition> optional::tests() {
  // Filled in as the tests are implemented.
  return {};
}

}  // namespace lotse::csaf
