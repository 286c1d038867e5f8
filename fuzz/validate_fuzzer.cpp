// Any bytes as a CSAF document: parse + validate (preset full: schema and
// every mandatory, optional and informative test, offline; and the strict
// schema) must never crash, hang or leak, every finding must carry a
// message, and a document is valid exactly when no finding is an error.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "csaf/validator.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  for (auto preset : {lotse::csaf::Preset::full, lotse::csaf::Preset::strict}) {
    lotse::csaf::ValidateOptions options;
    options.preset = preset;
    options.limits.max_depth = 64;
    auto result = lotse::csaf::validate_document(text, "fuzz", options);
    for (const auto& finding : result.findings) {
      if (finding.message.empty()) std::abort();
    }
    const bool any_error = std::any_of(result.findings.begin(), result.findings.end(), [](const auto& f) {
      return f.severity == lotse::csaf::Severity::error;
    });
    if (result.valid == any_error) std::abort();
  }
  return 0;
}
