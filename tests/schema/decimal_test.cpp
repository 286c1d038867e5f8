#include "schema/decimal.hpp"

#include <ostream>
#include <string>

#include <gtest/gtest.h>

namespace lotse::schema {

// Readable failure messages.
void PrintTo(MultipleOf m, std::ostream* os) {
  *os << (m == MultipleOf::yes ? "yes" : m == MultipleOf::no ? "no" : "unknown");
}

namespace {

constexpr auto kYes = MultipleOf::yes;
constexpr auto kNo = MultipleOf::no;
constexpr auto kUnknown = MultipleOf::unknown;

TEST(MultipleOf, DecimalFractionsThatDoublesGetWrong) {
  EXPECT_EQ(is_multiple_of("5.3", "0.1"), kYes);
  EXPECT_EQ(is_multiple_of("19.99", "0.01"), kYes);
  EXPECT_EQ(is_multiple_of("0.0075", "0.0001"), kYes);
  EXPECT_EQ(is_multiple_of("0.3", "0.1"), kYes);
  EXPECT_EQ(is_multiple_of("1.1", "0.11"), kYes);
}

TEST(MultipleOf, RejectsDigitsBelowTheDivisorsPrecision) {
  EXPECT_EQ(is_multiple_of("0.00751", "0.0001"), kNo);
  EXPECT_EQ(is_multiple_of("0.01", "0.1"), kNo);
  EXPECT_EQ(is_multiple_of("19.991", "0.01"), kNo);
}

TEST(MultipleOf, NonIntegerDivisors) {
  EXPECT_EQ(is_multiple_of("4.5", "1.5"), kYes);
  EXPECT_EQ(is_multiple_of("35", "1.5"), kNo);
  EXPECT_EQ(is_multiple_of("0.5", "0.25"), kYes);
  EXPECT_EQ(is_multiple_of("0.75", "0.25"), kYes);
  EXPECT_EQ(is_multiple_of("0.8", "0.25"), kNo);
}

TEST(MultipleOf, IntegerDivisors) {
  EXPECT_EQ(is_multiple_of("10", "3"), kNo);
  EXPECT_EQ(is_multiple_of("12", "3"), kYes);
  EXPECT_EQ(is_multiple_of("7", "1"), kYes);
  EXPECT_EQ(is_multiple_of("7.5", "1"), kNo);
  EXPECT_EQ(is_multiple_of("100", "8"), kNo);
  EXPECT_EQ(is_multiple_of("1000", "8"), kYes);
}

TEST(MultipleOf, FloatOverflowCaseFromTheTestSuite) {
  EXPECT_EQ(is_multiple_of("1e308", "0.5"), kYes);
  EXPECT_EQ(is_multiple_of("1e308", "0.123456789"), kNo);
  EXPECT_EQ(is_multiple_of("1e308", "3"), kNo);
}

TEST(MultipleOf, ExponentNotation) {
  EXPECT_EQ(is_multiple_of("12E2", "4e1"), kYes);
  EXPECT_EQ(is_multiple_of("1.5e-300", "1e-301"), kYes);
  EXPECT_EQ(is_multiple_of("1.5e-300", "1e-299"), kNo);
  EXPECT_EQ(is_multiple_of("1.5E+3", "500"), kYes);
  EXPECT_EQ(is_multiple_of("1e-5", "1E-5"), kYes);
  EXPECT_EQ(is_multiple_of("120e-1", "0.4e1"), kYes);
  EXPECT_EQ(is_multiple_of("1e0005", "2e004"), kYes);
}

TEST(MultipleOf, NegativeValuesUseTheMagnitude) {
  EXPECT_EQ(is_multiple_of("-0.0075", "0.0001"), kYes);
  EXPECT_EQ(is_multiple_of("-10", "3"), kNo);
  EXPECT_EQ(is_multiple_of("-4.5", "1.5"), kYes);
}

TEST(MultipleOf, ZeroIsAMultipleOfEverything) {
  EXPECT_EQ(is_multiple_of("0", "0.1"), kYes);
  EXPECT_EQ(is_multiple_of("-0", "7"), kYes);
  EXPECT_EQ(is_multiple_of("0.000e5", "3"), kYes);
  EXPECT_EQ(is_multiple_of("0e99999999999999999999999", "3"), kYes);
}

TEST(MultipleOf, LeadingAndTrailingZerosDoNotMatter) {
  EXPECT_EQ(is_multiple_of("10.000", "2.50"), kYes);
  EXPECT_EQ(is_multiple_of("0.10", "0.050"), kYes);
  EXPECT_EQ(is_multiple_of("1200", "400.0"), kYes);
}

TEST(MultipleOf, HugeIntegers) {
  EXPECT_EQ(is_multiple_of("12345678901234567890123", "3"), kYes);  // digit sum 90
  EXPECT_EQ(is_multiple_of("12345678901234567890124", "3"), kNo);
  EXPECT_EQ(is_multiple_of("18446744073709551615", "18446744073709551615"), kYes);
  EXPECT_EQ(is_multiple_of("36893488147419103230", "18446744073709551615"), kYes);
  EXPECT_EQ(is_multiple_of("36893488147419103231", "18446744073709551615"), kNo);
  // 2^64 does not fit the 64-bit path.
  EXPECT_EQ(is_multiple_of("36893488147419103232", "18446744073709551616"), kYes);
  EXPECT_EQ(is_multiple_of("36893488147419103233", "18446744073709551616"), kNo);
}

TEST(MultipleOf, DivisorsBeyondSixtyFourBits) {
  const std::string d = "123456789012345678901234567";  // 27 digits
  EXPECT_EQ(is_multiple_of(d, d), kYes);
  EXPECT_EQ(is_multiple_of(d + "000", d), kYes);
  EXPECT_EQ(is_multiple_of("246913578024691357802469134", d), kYes);
  EXPECT_EQ(is_multiple_of("246913578024691357802469135", d), kNo);
  EXPECT_EQ(is_multiple_of("1", d), kNo);  // smaller than the divisor
  EXPECT_EQ(is_multiple_of("2.46913578024691357802469134", "1.23456789012345678901234567"), kYes);
  EXPECT_EQ(is_multiple_of("1e500", "1" + std::string(30, '0') + "1"), kNo);
  EXPECT_EQ(is_multiple_of("1e500", "2" + std::string(30, '0') + "0"), kYes);
}

TEST(MultipleOf, HugeExponentGapsAreStillExactFor64BitDivisors) {
  EXPECT_EQ(is_multiple_of("1e1000000", "0.5"), kYes);
  EXPECT_EQ(is_multiple_of("3e1000000", "7"), kNo);
  EXPECT_EQ(is_multiple_of("7e1000000000", "7"), kYes);
  EXPECT_EQ(is_multiple_of("1e400", "1e-400"), kYes);
  EXPECT_EQ(is_multiple_of("1e-400", "1e400"), kNo);
  EXPECT_EQ(is_multiple_of("21e99999999999999999999", "0.7"), kYes);  // k = +inf
  EXPECT_EQ(is_multiple_of("22e99999999999999999999", "0.7"), kNo);
  EXPECT_EQ(is_multiple_of("1e-99999999999999999999", "3"), kNo);  // k = -inf
  EXPECT_EQ(is_multiple_of("3", "1e-99999999999999999999"), kYes);
  EXPECT_EQ(is_multiple_of("3", "1e99999999999999999999"), kNo);
}

TEST(MultipleOf, UnknownWhenExactAnswerIsTooExpensive) {
  const std::string big_divisor = "1" + std::string(25, '0') + "7";
  EXPECT_EQ(is_multiple_of("1e20000", big_divisor), kUnknown);
  EXPECT_EQ(is_multiple_of("1e99999999999999999999", "1e99999999999999999998"), kUnknown);
  EXPECT_EQ(is_multiple_of(std::string(1'000'000, '9'), std::string(100'000, '9')), kUnknown);
}

TEST(MultipleOf, LongDigitStringsStayLinear) {
  // 999,999 nines = 10^999999 - 1, a multiple of 9 and of 999 (3 divides
  // 999999) but not of 2.
  const std::string nines(999'999, '9');
  EXPECT_EQ(is_multiple_of(nines, "9"), kYes);
  EXPECT_EQ(is_multiple_of(nines, "999"), kYes);
  EXPECT_EQ(is_multiple_of(nines, "2"), kNo);
  EXPECT_EQ(is_multiple_of(nines + "9", "999"), kNo);
  EXPECT_EQ(is_multiple_of("0." + nines, "0.1"), kNo);
  EXPECT_EQ(is_multiple_of(nines + ".0", "0.1"), kYes);
}

TEST(MultipleOf, MalformedInputOrZeroDivisorIsUnknown) {
  EXPECT_EQ(is_multiple_of("", "1"), kUnknown);
  EXPECT_EQ(is_multiple_of("1", ""), kUnknown);
  EXPECT_EQ(is_multiple_of("1.", "1"), kUnknown);
  EXPECT_EQ(is_multiple_of("1e", "1"), kUnknown);
  EXPECT_EQ(is_multiple_of("abc", "1"), kUnknown);
  EXPECT_EQ(is_multiple_of(std::string("1\0", 2), "1"), kUnknown);
  EXPECT_EQ(is_multiple_of("5", "0"), kUnknown);
  EXPECT_EQ(is_multiple_of("5", "0.000"), kUnknown);
}

}  // namespace
}  // namespace lotse::schema
