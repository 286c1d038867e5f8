#include "check/result.hpp"

namespace lotse::check {

std::string_view verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::pass: return "pass";
    case Verdict::fail: return "fail";
    case Verdict::warning: return "warning";
    case Verdict::not_applicable: return "not applicable";
    case Verdict::not_checked: return "not checked yet";
  }
  return "?";
}

void RequirementResult::add(std::string url, std::string expected, std::string found) {
  if (evidence.size() >= kMaxEvidence) {
    ++more_evidence;
    return;
  }
  evidence.push_back({std::move(url), std::move(expected), std::move(found)});
}

}  // namespace lotse::check
