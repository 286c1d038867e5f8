// At most kMaxFindingsPerTest findings per informative test and document,
// then one finding that says how many more there were.
//
// Why: a finding carries a JSON pointer whose length grows with the
// nesting depth, so a hostile document with many deep branches (or one URL
// in a million places) would otherwise cost findings x depth memory. The
// first thousand places are what a person can act on anyway.
//
// A FindingBudget belongs to one test run on one thread.
#pragma once

#include <cstddef>
#include <string>

#include "csaf/test_registry.hpp"

namespace lotse::csaf::informative {

inline constexpr std::size_t kMaxFindingsPerTest = 1000;

class FindingBudget {
 public:
  explicit FindingBudget(TestContext& context) : context_(context) {}
  FindingBudget(const FindingBudget&) = delete;
  FindingBudget& operator=(const FindingBudget&) = delete;
  // Reports the count of the findings left out, if any.
  ~FindingBudget() {
    if (dropped_ == 0) return;
    context_.report("", std::to_string(dropped_) + " more findings of this test are not listed (at most " +
                            std::to_string(kMaxFindingsPerTest) +
                            " per document); expected them fixed like the ones listed");
  }

  // TestContext::report while the budget lasts; afterwards only counted.
  void report(std::string pointer, std::string message) {
    if (reported_ == kMaxFindingsPerTest) {
      ++dropped_;
      return;
    }
    ++reported_;
    context_.report(std::move(pointer), std::move(message));
  }

  // False once the budget is spent: callers may skip building messages.
  bool has_room() const { return reported_ < kMaxFindingsPerTest; }

 private:
  TestContext& context_;
  std::size_t reported_ = 0;
  std::size_t dropped_ = 0;
};

}  // namespace lotse::csaf::informative
