// RFC 3339 date-time values as instants, for the CSAF tests that sort or
// compare timestamps (6.1.14, 6.1.16, 6.1.21, 6.1.24). Timestamps in one
// document may use different offsets ("2021-07-21T12:00:00+02:00" is the
// same instant as "2021-07-21T10:00:00Z") and fractions of any length, so
// they cannot be compared as text.
//
// A DateTime views the text it was parsed from: keep that text alive.
// Stateless and thread-safe.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string_view>

namespace lotse::csaf {

// One instant in UTC, totally ordered by <=>.
struct DateTime {
  // Whole seconds since 1970-01-01T00:00:00Z (negative before); a leap
  // second (hh:mm:60) counts as hh:mm:59 ...
  std::int64_t utc_seconds = 0;
  // ... and sorts after every other instant of that second.
  bool leap_second = false;
  // The fraction's digits without trailing zeros: compared as text, they
  // order like the fractions they denote ("" < "0001" < "1").
  std::string_view fraction;

  friend auto operator<=>(const DateTime&, const DateTime&) = default;
};

// The instant `text` denotes when it is an RFC 3339 section 5.6 date-time
// (what JSON Schema's "date-time" format accepts: 'T'/'Z' in either case,
// offsets "Z" or +/-hh:mm, a leap second only at 23:59:60 UTC); nullopt
// otherwise.
std::optional<DateTime> parse_date_time(std::string_view text);

}  // namespace lotse::csaf
