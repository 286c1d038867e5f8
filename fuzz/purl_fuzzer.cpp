// Any bytes as a package URL: parsing (strict and repair) must never crash,
// and whatever strict mode accepts must print to a canonical form that
// parses back to the same components.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "purl/package_url.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)lotse::purl::parse(text, lotse::purl::Mode::repair);
  auto parsed = lotse::purl::parse(text, lotse::purl::Mode::strict);
  if (!parsed) return 0;
  std::string canonical = lotse::purl::to_string(*parsed);
  auto again = lotse::purl::parse(canonical, lotse::purl::Mode::strict);
  if (!again || lotse::purl::to_string(*again) != canonical) std::abort();
  return 0;
}
