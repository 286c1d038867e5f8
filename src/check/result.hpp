// What `lotse check` says about one requirement of CSAF 2.0 section 7.1:
// a verdict and the evidence behind it (which URL, what was expected, what
// was found), so that a provider can act on it without rerunning anything.
// Plain values; thread-compatible.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::check {

enum class Verdict {
  pass,
  fail,
  warning,         // a SHOULD is not met, or a MUST the role does not need
  not_applicable,  // the provider does not use what the requirement is about
  not_checked,     // Lotse does not check this requirement yet: never a pass
};

// "pass", "fail", "warning", "not applicable", "not checked yet".
std::string_view verdict_name(Verdict verdict);

struct Evidence {
  std::string url;
  std::string expected;
  std::string found;
};

// Most evidence items kept per requirement; the rest are only counted.
inline constexpr std::size_t kMaxEvidence = 20;

struct RequirementResult {
  int number = 0;          // 1..23
  std::string title;       // "Valid CSAF document"
  Verdict verdict = Verdict::not_checked;
  std::string summary;     // one sentence: what was checked, how many passed
  std::vector<Evidence> evidence;
  std::size_t more_evidence = 0;  // items beyond kMaxEvidence
  bool required = false;   // the claimed role needs it (set by roles.hpp)

  // Adds evidence, counting instead of storing beyond kMaxEvidence.
  void add(std::string url, std::string expected, std::string found);
};

}  // namespace lotse::check
