// Which words of a CSAF text a spell checker should judge (test 6.3.8).
// Advisories mix prose with identifiers, versions, URLs and acronyms that
// no dictionary holds; like common word processors, these are left out:
//   - a white-space separated chunk that looks like an address or an
//     identifier: it holds "::" (also in "://"), one of
//     @ / \ _ = < > { } | ~ # $ % ^ * + `,
//     or a '.' or ':' between two letters or digits (example.com,
//     product_a.so, e.g., 10:30, std::string);
//   - a word with a digit in it (Vu1nerability, x86, 2nd, CVE-2021-1234);
//   - a word written in capitals only, at least two letters (CSAF, XYZ).
// A word is a run of letters, combining marks, digits, apostrophes (' and
// U+2019) and hyphens; apostrophes and hyphens at its ends are dropped
// ("don't" and "x-cute" stay whole; Hunspell decides hyphenated words).
//
// Letters and case come from the C.UTF-8 locale of glibc (all of Unicode);
// without it, only ASCII letters are classified and every other non-space,
// non-punctuation character counts as a lower-case letter.
//
// Linear in the text. Thread-safe.
#pragma once

#include <string_view>
#include <vector>

namespace lotse::csaf::informative {

// The words of `text` to spell check, in order, as views into `text`.
std::vector<std::string_view> words_to_check(std::string_view text);

}  // namespace lotse::csaf::informative
