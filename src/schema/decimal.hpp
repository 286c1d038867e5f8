// Exact decimal `multipleOf` for JSON numbers given as their source text.
//
// Binary doubles cannot answer "is 19.99 a multiple of 0.01" (the remainder
// is never exactly zero), so the engine asks this module first: both numbers
// are read as (digits, base-10 exponent) and the question becomes integer
// divisibility, decided without rounding. Only when that would need
// unreasonable work (divisor mantissas over 20 digits combined with huge
// exponent gaps or megabyte-long digit strings, or two exponents beyond
// +/-1e17) does it answer `unknown`, and the caller falls back to doubles.
// Stateless and thread-safe; O(n) in the input length for divisors whose
// significant digits fit in 64 bits.
#pragma once

#include <string_view>

namespace lotse::schema {

enum class MultipleOf { yes, no, unknown };  // unknown: too extreme to decide exactly

// Decides exactly whether the JSON number text `value` is an integer
// multiple of the JSON number text `divisor` (divisor > 0; its sign is
// ignored), in decimal: 5.3 is a multiple of 0.1 and 0.0075 of 0.0001.
// Zero is a multiple of everything. Both inputs must be JSON number
// grammar; anything else (or a zero divisor) yields `unknown`.
MultipleOf is_multiple_of(std::string_view value, std::string_view divisor);

}  // namespace lotse::schema
