// RFC 3339 date/time formats and the appendix A duration. Plain
// left-to-right scanners over ASCII; any other byte fails.
#include "schema/formats.hpp"

#include <cstddef>

namespace lotse::schema {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `count` ASCII digits at `pos` into `out`, advancing `pos`.
bool read_digits(std::string_view s, std::size_t& pos, int count, int& out) {
  if (s.size() - pos < static_cast<std::size_t>(count)) return false;
  int v = 0;
  for (int i = 0; i < count; ++i) {
    char c = s[pos + static_cast<std::size_t>(i)];
    if (!is_digit(c)) return false;
    v = v * 10 + (c - '0');
  }
  pos += static_cast<std::size_t>(count);
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
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[month - 1];
}

// full-date = date-fullyear "-" date-month "-" date-mday
bool parse_full_date(std::string_view s, std::size_t& pos, DateTimeFields& f) {
  if (!read_digits(s, pos, 4, f.year) || !expect(s, pos, '-') ||
      !read_digits(s, pos, 2, f.month) || !expect(s, pos, '-') ||
      !read_digits(s, pos, 2, f.day))
    return false;
  if (f.month < 1 || f.month > 12) return false;
  return f.day >= 1 && f.day <= days_in_month(f.year, f.month);
}

// full-time = partial-time time-offset, with the leap-second rule: second 60
// is only valid when the time converted to UTC is 23:59:60.
bool parse_full_time(std::string_view s, std::size_t& pos, DateTimeFields& f) {
  int& hour = f.hour;
  int& minute = f.minute;
  int& second = f.second;
  if (!read_digits(s, pos, 2, hour) || !expect(s, pos, ':') ||
      !read_digits(s, pos, 2, minute) || !expect(s, pos, ':') ||
      !read_digits(s, pos, 2, second))
    return false;
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (pos < s.size() && s[pos] == '.') {  // time-secfrac = "." 1*DIGIT
    ++pos;
    std::size_t start = pos;
    while (pos < s.size() && is_digit(s[pos])) ++pos;
    if (pos == start) return false;
    f.fraction = s.substr(start, pos - start);
  }
  if (pos >= s.size()) return false;  // the offset is required
  int offset_minutes = 0;
  char c = s[pos];
  if (c == 'Z' || c == 'z') {
    ++pos;
  } else if (c == '+' || c == '-') {
    ++pos;
    int oh = 0, om = 0;
    if (!read_digits(s, pos, 2, oh) || !expect(s, pos, ':') || !read_digits(s, pos, 2, om))
      return false;
    if (oh > 23 || om > 59) return false;
    offset_minutes = (c == '+' ? 1 : -1) * (oh * 60 + om);
  } else {
    return false;
  }
  if (second == 60) {
    int utc = ((hour * 60 + minute - offset_minutes) % 1440 + 1440) % 1440;
    if (utc != 23 * 60 + 59) return false;
  }
  f.offset_minutes = offset_minutes;
  return true;
}

}  // namespace

bool is_date(std::string_view value) {
  std::size_t pos = 0;
  DateTimeFields fields;
  return parse_full_date(value, pos, fields) && pos == value.size();
}

bool is_time(std::string_view value) {
  std::size_t pos = 0;
  DateTimeFields fields;
  return parse_full_time(value, pos, fields) && pos == value.size();
}

std::optional<DateTimeFields> parse_date_time_fields(std::string_view value) {
  std::size_t pos = 0;
  DateTimeFields fields;
  if (!parse_full_date(value, pos, fields)) return std::nullopt;
  if (pos >= value.size() || (value[pos] != 'T' && value[pos] != 't')) return std::nullopt;
  ++pos;
  if (!parse_full_time(value, pos, fields) || pos != value.size()) return std::nullopt;
  return fields;
}

bool is_date_time(std::string_view value) { return parse_date_time_fields(value).has_value(); }

// duration = "P" (dur-date / dur-time / dur-week). Each part is 1*DIGIT and a
// designator; date designators must follow Y, M, D without gaps (P1Y2D is
// invalid), time designators H, M, S likewise, and a week stands alone.
bool is_duration(std::string_view value) {
  std::size_t pos = 0;
  const std::size_t n = value.size();
  if (!expect(value, pos, 'P')) return false;
  if (pos == n) return false;

  // Reads "1*DIGIT designator"; returns the designator or '\0'.
  auto read_component = [&]() -> char {
    std::size_t start = pos;
    while (pos < n && is_digit(value[pos])) ++pos;
    if (pos == start || pos == n) return '\0';
    return value[pos++];
  };

  bool any_date = false;
  if (value[pos] != 'T') {
    int last = -1;  // index of the last date designator in "YMD"
    while (pos < n && value[pos] != 'T') {
      char d = read_component();
      if (d == 'W') return !any_date && pos == n;  // dur-week stands alone
      int idx = d == 'Y' ? 0 : d == 'M' ? 1 : d == 'D' ? 2 : -1;
      if (idx < 0) return false;
      if (last >= 0 && idx != last + 1) return false;
      last = idx;
      any_date = true;
    }
    if (pos == n) return true;
  }
  // dur-time: "T" followed by H [M [S]] / M [S] / S
  ++pos;  // the 'T'
  if (pos == n) return false;
  int last = -1;
  while (pos < n) {
    char d = read_component();
    int idx = d == 'H' ? 0 : d == 'M' ? 1 : d == 'S' ? 2 : -1;
    if (idx < 0) return false;
    if (last >= 0 && idx != last + 1) return false;
    last = idx;
  }
  return true;
}

}  // namespace lotse::schema
