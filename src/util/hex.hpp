// Hexadecimal digits, as JSON \u escapes, percent-encoding and regular
// expression escapes all need them. Header-only, stateless.
#pragma once

namespace lotse::util {

// The value of the hex digit `c` (0-15), or -1 when `c` is not one. Takes an
// int so that callers scanning past the end (-1 sentinels) need no check.
constexpr int hex_digit_value(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace lotse::util
