// The file name of a CSAF document (CSAF 2.0 section 5.1), derived from
// /document/tracking/id: lower-cased, every run of characters other than
// a-z, 0-9, '+' and '-' replaced by one '_', then ".json" appended. Test
// 6.2.11 (Missing Canonical URL) needs it to recognise the canonical URL,
// `lotse publish` to name the files it writes, `lotse check` to judge
// requirement 2.
//
// Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace lotse::csaf {

// The section 5.1 file name for tracking ID `tracking_id` (UTF-8), e.g.
// "Example Company - 2019-YH3234" -> "example_company_-_2019-yh3234.json".
// Lower-casing follows Unicode for the characters whose lower case is ASCII
// (KELVIN SIGN U+212A becomes 'k'; U+0130 becomes "i" plus a combining dot,
// which is then replaced); bytes that are not UTF-8 count as characters to
// replace.
std::string csaf_filename(std::string_view tracking_id);

}  // namespace lotse::csaf
