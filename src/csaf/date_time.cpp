#include "csaf/date_time.hpp"

#include "schema/formats.hpp"

namespace lotse::csaf {

namespace {

// Days from 1970-01-01 to year-month-day in the proleptic Gregorian
// calendar (H. Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace

std::optional<DateTime> parse_date_time(std::string_view s) {
  // The grammar, calendar and leap-second rules are the "date-time" format's
  // (one scanner for both); this adds the instant.
  const auto f = schema::parse_date_time_fields(s);
  if (!f) return std::nullopt;
  DateTime result;
  std::string_view fraction = f->fraction;
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  result.fraction = fraction;
  const std::int64_t minutes = days_from_civil(f->year, f->month, f->day) * 1440 + f->hour * 60 +
                               f->minute - f->offset_minutes;
  int second = f->second;
  if (second == 60) {  // only at 23:59:60 UTC, which the scanner checked
    result.leap_second = true;
    second = 59;
  }
  result.utc_seconds = minutes * 60 + second;
  return result;
}

}  // namespace lotse::csaf
