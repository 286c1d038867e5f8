// Exact multipleOf on decimal text. With value = V * 10^ev and divisor =
// D * 10^ed (V, D integers without trailing zeros) and k = ev - ed:
//   k < 0:  V * 10^k is an integer only if 10^-k divides V, impossible for a
//           V without trailing zeros, so the answer is "no";
//   k >= 0: the answer is whether D divides V * 10^k.
// When D fits in 64 bits, write D = 2^a * 5^b * r with r coprime to 10. If
// k >= max(a, b), 10^k absorbs 2^a * 5^b, so D | V * 10^k iff r | V; else
// k < 64 and we stream V's digits plus k zeros through an __int128
// remainder. Both are linear and exact for any exponent. Larger D uses a
// plain big-integer remainder under a work budget.
#include "schema/decimal.hpp"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace lotse::schema {

namespace {

__extension__ typedef unsigned __int128 u128;

// Exponents of at least this magnitude are "saturated": only their sign is
// trusted. Far beyond any digit count, so k stays exact otherwise.
constexpr std::int64_t kExpSaturation = 100'000'000'000'000'000;  // 1e17
// Big-integer path limits: zeros appended, and digits x limbs of work.
constexpr std::int64_t kMaxBigShift = 10'000;
constexpr std::uint64_t kMaxBigWork = 4'000'000;

struct Decimal {
  std::string digits;      // no leading/trailing zeros; empty for zero
  std::int64_t exponent = 0;
  int saturated = 0;       // +1 / -1 when |exponent| >= kExpSaturation
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// JSON number grammar: -? int frac? exp?. Returns false on anything else.
bool parse_decimal(std::string_view s, Decimal& out) {
  std::size_t pos = 0;
  if (pos < s.size() && s[pos] == '-') ++pos;
  const std::size_t int_begin = pos;
  while (pos < s.size() && is_digit(s[pos])) ++pos;
  const std::string_view int_part = s.substr(int_begin, pos - int_begin);
  if (int_part.empty()) return false;
  std::string_view frac_part;
  if (pos < s.size() && s[pos] == '.') {
    const std::size_t frac_begin = ++pos;
    while (pos < s.size() && is_digit(s[pos])) ++pos;
    frac_part = s.substr(frac_begin, pos - frac_begin);
    if (frac_part.empty()) return false;
  }
  std::int64_t exp = 0;
  int exp_sign = 1;
  if (pos < s.size() && (s[pos] == 'e' || s[pos] == 'E')) {
    ++pos;
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) exp_sign = s[pos++] == '-' ? -1 : 1;
    const std::size_t exp_begin = pos;
    while (pos < s.size() && is_digit(s[pos])) {
      if (exp < kExpSaturation) exp = exp * 10 + (s[pos] - '0');
      ++pos;
    }
    if (pos == exp_begin) return false;
  }
  if (pos != s.size()) return false;

  out.digits.clear();
  out.digits.reserve(int_part.size() + frac_part.size());
  for (std::string_view part : {int_part, frac_part})
    for (char c : part)
      if (!out.digits.empty() || c != '0') out.digits.push_back(c);
  // Leading zeros only come from the integer part or the start of the
  // fraction; the exponent counts every fraction digit regardless.
  std::int64_t adjust = -static_cast<std::int64_t>(frac_part.size());
  const std::size_t last = out.digits.find_last_not_of('0');
  if (last == std::string::npos) {
    out.digits.clear();
    return true;  // zero
  }
  adjust += static_cast<std::int64_t>(out.digits.size() - 1 - last);
  out.digits.resize(last + 1);
  if (exp >= kExpSaturation) {
    out.saturated = exp_sign;
    return true;
  }
  out.exponent = exp_sign * exp + adjust;
  return true;
}

// Digits (then `zeros` trailing zeros) of a decimal integer modulo m > 0.
std::uint64_t mod_small(std::string_view digits, std::int64_t zeros, std::uint64_t m) {
  u128 r = 0;
  for (char c : digits) r = (r * 10 + static_cast<unsigned>(c - '0')) % m;
  for (std::int64_t i = 0; i < zeros; ++i) r = (r * 10) % m;
  return static_cast<std::uint64_t>(r);
}

// Little-endian base 2^32 magnitude.
using Limbs = std::vector<std::uint32_t>;

void mul_add(Limbs& x, std::uint32_t mul, std::uint32_t add) {
  std::uint64_t carry = add;
  for (auto& limb : x) {
    const std::uint64_t t = static_cast<std::uint64_t>(limb) * mul + carry;
    limb = static_cast<std::uint32_t>(t);
    carry = t >> 32;
  }
  if (carry != 0) x.push_back(static_cast<std::uint32_t>(carry));
}

// x >= y; y has no leading zero limbs, x's are ignored.
bool greater_equal(const Limbs& x, const Limbs& y) {
  std::size_t nx = x.size();
  while (nx > 0 && x[nx - 1] == 0) --nx;
  if (nx != y.size()) return nx > y.size();
  for (std::size_t i = nx; i-- > 0;)
    if (x[i] != y[i]) return x[i] > y[i];
  return true;
}

void subtract(Limbs& x, const Limbs& y) {
  std::int64_t borrow = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    std::int64_t t = static_cast<std::int64_t>(x[i]) - borrow -
                     (i < y.size() ? static_cast<std::int64_t>(y[i]) : 0);
    borrow = t < 0 ? 1 : 0;
    x[i] = static_cast<std::uint32_t>(t + (borrow << 32));
  }
}

MultipleOf decide_big(const Decimal& v, const Decimal& d, std::int64_t k) {
  const auto v_len = static_cast<std::int64_t>(v.digits.size());
  const auto d_len = static_cast<std::int64_t>(d.digits.size());
  if (v_len + k < d_len) return MultipleOf::no;  // 0 < V * 10^k < D
  if (k > kMaxBigShift) return MultipleOf::unknown;
  const std::uint64_t limbs = static_cast<std::uint64_t>(d_len) / 9 + 2;
  const auto steps = static_cast<std::uint64_t>(v_len + k + d_len);
  if (steps > kMaxBigWork / limbs) return MultipleOf::unknown;

  Limbs divisor;
  for (char c : d.digits) mul_add(divisor, 10, static_cast<std::uint32_t>(c - '0'));
  Limbs rem;
  rem.reserve(divisor.size() + 2);
  auto push_digit = [&](std::uint32_t digit) {
    mul_add(rem, 10, digit);  // rem < 10 * divisor afterwards
    while (greater_equal(rem, divisor)) subtract(rem, divisor);
    while (!rem.empty() && rem.back() == 0) rem.pop_back();
  };
  for (char c : v.digits) push_digit(static_cast<std::uint32_t>(c - '0'));
  for (std::int64_t i = 0; i < k; ++i) push_digit(0);
  return rem.empty() ? MultipleOf::yes : MultipleOf::no;
}

// D fits in 64 bits; `k_infinite` means k exceeds any finite bound.
MultipleOf decide_small(const Decimal& v, std::uint64_t d, std::int64_t k, bool k_infinite) {
  const int twos = std::countr_zero(d);
  std::uint64_t r = d >> twos;
  int fives = 0;
  while (r % 5 == 0) {
    r /= 5;
    ++fives;
  }
  const bool ok = (k_infinite || k >= std::max(twos, fives)) ? mod_small(v.digits, 0, r) == 0
                                                             : mod_small(v.digits, k, d) == 0;
  return ok ? MultipleOf::yes : MultipleOf::no;
}

}  // namespace

MultipleOf is_multiple_of(std::string_view value, std::string_view divisor) {
  Decimal v, d;
  if (!parse_decimal(value, v) || !parse_decimal(divisor, d)) return MultipleOf::unknown;
  if (d.digits.empty()) return MultipleOf::unknown;  // zero divisor: not ours to define
  if (v.digits.empty()) return MultipleOf::yes;

  // k = ev - ed, where a saturated exponent is +/- infinity.
  bool k_infinite = false;
  std::int64_t k = 0;
  if (v.saturated != 0 && d.saturated != 0) return MultipleOf::unknown;
  if (v.saturated != 0 || d.saturated != 0) {
    if ((v.saturated != 0 ? v.saturated : -d.saturated) < 0) return MultipleOf::no;
    k_infinite = true;
  } else {
    k = v.exponent - d.exponent;
    if (k < 0) return MultipleOf::no;
  }

  if (d.digits.size() <= 20) {
    u128 dv = 0;
    for (char c : d.digits) dv = dv * 10 + static_cast<unsigned>(c - '0');
    if (dv <= UINT64_MAX) return decide_small(v, static_cast<std::uint64_t>(dv), k, k_infinite);
  }
  if (k_infinite) return MultipleOf::unknown;
  return decide_big(v, d, k);
}

}  // namespace lotse::schema
