#include "csaf/date_time.hpp"

#include <cstddef>

namespace lotse::csaf {

namespace {

// Reads exactly `count` ASCII digits at `pos`.
bool read_digits(std::string_view s, std::size_t& pos, int count, int& out) {
  if (s.size() - pos < static_cast<std::size_t>(count)) return false;
  int v = 0;
  for (int i = 0; i < count; ++i) {
    char c = s[pos++];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

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
  std::size_t pos = 0;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!read_digits(s, pos, 4, year) || !expect(s, pos, '-') || !read_digits(s, pos, 2, month) ||
      !expect(s, pos, '-') || !read_digits(s, pos, 2, day))
    return std::nullopt;
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
  if (pos >= s.size() || (s[pos] != 'T' && s[pos] != 't')) return std::nullopt;
  ++pos;
  if (!read_digits(s, pos, 2, hour) || !expect(s, pos, ':') || !read_digits(s, pos, 2, minute) ||
      !expect(s, pos, ':') || !read_digits(s, pos, 2, second))
    return std::nullopt;
  if (hour > 23 || minute > 59 || second > 60) return std::nullopt;

  DateTime result;
  if (pos < s.size() && s[pos] == '.') {
    std::size_t start = ++pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    if (pos == start) return std::nullopt;
    std::size_t end = pos;
    while (end > start && s[end - 1] == '0') --end;
    result.fraction = s.substr(start, end - start);
  }

  if (pos >= s.size()) return std::nullopt;  // the offset is required
  int offset_minutes = 0;
  char sign = s[pos++];
  if (sign == '+' || sign == '-') {
    int oh = 0, om = 0;
    if (!read_digits(s, pos, 2, oh) || !expect(s, pos, ':') || !read_digits(s, pos, 2, om))
      return std::nullopt;
    if (oh > 23 || om > 59) return std::nullopt;
    offset_minutes = (sign == '+' ? 1 : -1) * (oh * 60 + om);
  } else if (sign != 'Z' && sign != 'z') {
    return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;

  std::int64_t minutes = days_from_civil(year, month, day) * 1440 + hour * 60 + minute -
                         offset_minutes;
  if (second == 60) {
    // RFC 3339: a leap second is inserted at the end of a UTC day only.
    if (((minutes % 1440) + 1440) % 1440 != 23 * 60 + 59) return std::nullopt;
    result.leap_second = true;
    second = 59;
  }
  result.utc_seconds = minutes * 60 + second;
  return result;
}

}  // namespace lotse::csaf
