// Any bytes as a CSAF document: parse + validate (basic preset: schema and
// every mandatory test; and the strict schema) must never crash, hang or
// leak, and every finding must carry a message.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "csaf/validator.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  for (auto preset : {lotse::csaf::Preset::basic, lotse::csaf::Preset::strict}) {
    lotse::csaf::ValidateOptions options;
    options.preset = preset;
    options.limits.max_depth = 64;
    auto result = lotse::csaf::validate_document(text, "fuzz", options);
    for (const auto& finding : result.findings) {
      if (finding.message.empty()) std::abort();
    }
    if (result.valid != result.findings.empty()) std::abort();
  }
  return 0;
}
