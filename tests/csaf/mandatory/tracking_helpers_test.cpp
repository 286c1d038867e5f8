// Unit tests of the helpers behind the tracking tests: version_t parsing and
// SemVer precedence, RFC 3339 instants, UTF-8 and character classes.
#include <gtest/gtest.h>

#include <string>

#include "csaf/date_time.hpp"
#include "csaf/text.hpp"
#include "csaf/version.hpp"

namespace lotse::csaf {
namespace {

// ---- version_t ------------------------------------------------------------

Version version(std::string_view text) {
  std::optional<Version> v = parse_version(text);
  EXPECT_TRUE(v.has_value()) << text;
  return v.value_or(Version{});
}

TEST(VersionTest, IntegerVersioningIsADecimalWithoutLeadingZero) {
  EXPECT_EQ(version("0").scheme, VersioningScheme::integer);
  EXPECT_EQ(version("12").major, "12");
  EXPECT_FALSE(parse_version("01"));
  EXPECT_FALSE(parse_version("-1"));
}

TEST(VersionTest, SemanticVersioningSplitsIntoItsParts) {
  Version v = version("1.4.3-rc.1+build.5");
  EXPECT_EQ(v.scheme, VersioningScheme::semantic);
  EXPECT_EQ(v.major, "1");
  EXPECT_EQ(v.minor, "4");
  EXPECT_EQ(v.patch, "3");
  EXPECT_EQ(v.pre_release, "rc.1");
  EXPECT_EQ(v.build, "build.5");
  EXPECT_EQ(v.without_build, "1.4.3-rc.1");
  EXPECT_TRUE(version("0.9.0").is_initial_development());
  EXPECT_FALSE(version("1.0.0").has_pre_release());
  // The spec's examples 23 and 24.
  for (const char* text : {"2.40.0+21AF26D3", "1.0.0-0.3.7", "1.0.0-alpha", "1.0.0-x-y-z.-",
                           "1.0.0-x.7.z.92", "1.0.0-0a"}) {
    EXPECT_TRUE(parse_version(text)) << text;
  }
}

TEST(VersionTest, RejectsWhatTheVersionPatternRejects) {
  for (const char* text : {"", "1.0", "v1", "1.0.0-", "1.0.0+", "1.0.0-01", "1.0.0-a..b",
                           "1.0.0+a..b", "01.0.0", "1.0.0 ", "1.0.0-ä", "1.0.0x", "1..0"}) {
    EXPECT_FALSE(parse_version(text)) << text;
  }
}

TEST(VersionTest, PrecedenceFollowsSemver) {
  // SemVer 2.0.0 section 11.4's chain, then numeric parts by value.
  const char* ascending[] = {"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
                             "1.0.0-beta",  "1.0.0-beta.2",  "1.0.0-beta.11",
                             "1.0.0-rc.1",  "1.0.0",         "1.9.0",
                             "1.10.0",      "2.0.0",         "99999999999999999999.0.0"};
  for (std::size_t i = 1; i < std::size(ascending); ++i) {
    EXPECT_TRUE(compare_precedence(version(ascending[i - 1]), version(ascending[i])) < 0)
        << ascending[i - 1] << " < " << ascending[i];
  }
  EXPECT_TRUE(compare_precedence(version("1.0.0+a"), version("1.0.0+b")) == 0);
}

TEST(VersionTest, IntegerVersionComparesAsMajorVersion) {
  EXPECT_TRUE(compare_precedence(version("2"), version("2.0.0")) == 0);
  EXPECT_TRUE(compare_precedence(version("2"), version("1.9.0")) > 0);
  EXPECT_TRUE(compare_precedence(version("10"), version("9")) > 0);
}

// ---- date-time ------------------------------------------------------------

DateTime instant(std::string_view text) {
  std::optional<DateTime> t = parse_date_time(text);
  EXPECT_TRUE(t.has_value()) << text;
  return t.value_or(DateTime{});
}

TEST(DateTimeTest, OffsetsDenoteTheSameInstant) {
  EXPECT_EQ(instant("2021-07-21T12:00:00+02:00"), instant("2021-07-21T10:00:00Z"));
  EXPECT_EQ(instant("2021-07-21T00:30:00-01:00"), instant("2021-07-21t01:30:00z"));
  EXPECT_LT(instant("2021-07-21T11:00:00+02:00"), instant("2021-07-21T10:00:00Z"));
}

TEST(DateTimeTest, FractionsCompareByValueWhateverTheirLength) {
  EXPECT_GT(instant("2021-07-21T10:00:00.00010Z"), instant("2021-07-21T10:00:00.000Z"));
  EXPECT_EQ(instant("2021-07-21T10:00:00.00000Z"), instant("2021-07-21T10:00:00Z"));
  EXPECT_EQ(instant("2021-07-21T10:00:00.5Z"), instant("2021-07-21T10:00:00.50Z"));
  EXPECT_LT(instant("2021-07-21T10:00:00.1Z"), instant("2021-07-21T10:00:00.10001Z"));
  EXPECT_LT(instant("2021-07-21T10:00:00.999Z"), instant("2021-07-21T10:00:01Z"));
}

TEST(DateTimeTest, CountsSecondsFromTheEpochAcrossCenturies) {
  EXPECT_EQ(instant("1970-01-01T00:00:00Z").utc_seconds, 0);
  EXPECT_EQ(instant("1969-12-31T23:59:59Z").utc_seconds, -1);
  EXPECT_EQ(instant("2000-03-01T00:00:00Z").utc_seconds, 951868800);
  EXPECT_LT(instant("0000-01-01T00:00:00Z"), instant("9999-12-31T23:59:59Z"));
}

TEST(DateTimeTest, LeapSecondSortsWithinItsMinuteOnlyAtTheEndOfAUtcDay) {
  DateTime leap = instant("2016-12-31T23:59:60.5Z");
  EXPECT_LT(instant("2016-12-31T23:59:59.9Z"), leap);
  EXPECT_LT(leap, instant("2017-01-01T00:00:00Z"));
  EXPECT_TRUE(parse_date_time("2017-01-01T00:59:60+01:00"));
  EXPECT_FALSE(parse_date_time("2016-12-31T22:59:60Z"));
}

TEST(DateTimeTest, RejectsWhatRfc3339Rejects) {
  for (const char* text :
       {"", "2021-07-21", "2021-07-21T10:00:00", "2021-07-21 10:00:00Z", "2021-02-29T10:00:00Z",
        "2021-13-01T10:00:00Z", "2021-07-21T24:00:00Z", "2021-07-21T10:00:00.Z",
        "2021-07-21T10:00:00+24:00", "2021-07-21T10:00:00+0200", "2021-07-21T10:00:00ZZ",
        "21-07-21T10:00:00Z"}) {
    EXPECT_FALSE(parse_date_time(text)) << text;
  }
  EXPECT_TRUE(parse_date_time("2020-02-29T10:00:00Z"));
}

// ---- text helpers ---------------------------------------------------------

TEST(TrackingTextTest, DecodesUtf8AndReplacesIllFormedBytes) {
  std::string_view text = "a\xE2\x80\x93\xFF\xC3";
  std::size_t pos = 0;
  EXPECT_EQ(next_code_point(text, pos), U'a');
  EXPECT_EQ(next_code_point(text, pos), U'\u2013');
  EXPECT_EQ(next_code_point(text, pos), U'\uFFFD');
  EXPECT_EQ(next_code_point(text, pos), U'\uFFFD');
  EXPECT_EQ(pos, text.size());
  EXPECT_TRUE(is_dash_or_underscore(U'\u2014'));
  EXPECT_TRUE(is_dash_or_underscore(U'\uFF3F'));
  EXPECT_TRUE(is_white_space(U'\u00A0'));
  EXPECT_FALSE(is_dash_or_underscore(U'a'));
  EXPECT_EQ(quote_text(std::string(100, 'x')).size(), 85u);  // 80 + quotes + "..."
}

}  // namespace
}  // namespace lotse::csaf
