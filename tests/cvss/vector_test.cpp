// Vector parsing: the specifications' valid and invalid examples, the order
// rules of each version, and hostile input (megabytes, NULs, repeats, wrong
// case, stray slashes, random bytes and mutations of valid vectors), which
// must be refused with a message naming the metric, never crash.
#include "cvss/vector.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "cvss/score.hpp"

namespace lotse::cvss {
namespace {

using namespace std::string_literals;

constexpr std::string_view kV31 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
constexpr std::string_view kV40 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
constexpr std::string_view kV2 = "AV:N/AC:L/Au:N/C:P/I:P/A:P";

// The error parse() gives; "" when it accepts.
std::string error_of(std::string_view text) {
  auto v = parse(text);
  return v ? std::string() : v.error();
}

#define EXPECT_REJECTED(text, fragment)                                   \
  do {                                                                    \
    const std::string e = error_of(text);                                 \
    EXPECT_NE(e, "") << "accepted: " << (text);                           \
    EXPECT_NE(e.find(fragment), std::string::npos) << "error was: " << e; \
  } while (0)

TEST(CvssVector, DetectsTheVersionFromThePrefix) {
  EXPECT_EQ(parse(kV2)->version(), Version::v2_0);
  EXPECT_EQ(parse("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")->version(), Version::v3_0);
  EXPECT_EQ(parse(kV31)->version(), Version::v3_1);
  EXPECT_EQ(parse(kV40)->version(), Version::v4_0);
  EXPECT_REJECTED("CVSS:3.2/AV:N", "offset 0: unknown CVSS version prefix 'CVSS:3.2'");
  EXPECT_REJECTED("CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P", "v2.0 vectors have no prefix");
  EXPECT_REJECTED("CVSS:3.1", "no metrics after the prefix");
  EXPECT_REJECTED("cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "'CVSS:' (case-sensitive)");
  EXPECT_REJECTED("AV:N/CVSS:3.1/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "unknown metric 'CVSS'");
}

TEST(CvssVector, ParseWithExpectedVersion) {
  EXPECT_TRUE(parse(kV31, Version::v3_1));
  auto v = parse(kV31, Version::v3_0);
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error(), "the vector is CVSS v3.1, not CVSS v3.0");
}

TEST(CvssVector, ReadsValuesAndNotDefined) {
  auto v = parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/CR:X");
  ASSERT_TRUE(v) << v.error();
  EXPECT_EQ(v->value("AV"), "N");
  EXPECT_EQ(v->value("E"), "P");
  EXPECT_EQ(v->value("RL"), "");
  EXPECT_EQ(v->effective("RL"), "X");
  EXPECT_EQ(v->value("CR"), "X");
  EXPECT_EQ(v->value("Nope"), "");
  EXPECT_TRUE(v->defines_group(Group::temporal));
  EXPECT_FALSE(v->defines_group(Group::environmental));  // CR:X is Not Defined
  EXPECT_EQ(v->written().size(), 10u);
  EXPECT_EQ(parse(kV2)->effective("E"), "ND");
}

// CVSS v4.0 specification, section 7: the valid examples.
TEST(CvssVector, V40SpecificationExamplesAreValid) {
  for (std::string_view text : {
           "CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N",
           "CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/E:A",
           "CVSS:4.0/AV:A/AC:H/AT:P/PR:L/UI:P/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L/E:P",
           "CVSS:4.0/AV:L/AC:H/AT:N/PR:N/UI:A/VC:N/VI:N/VA:L/SC:H/SI:H/SA:H/CR:H/IR:H/AR:M/MAV:N/"
           "MAC:L/MAT:P/MPR:L/MUI:A/MVC:N/MVI:H/MVA:L/MSC:L/MSI:S/MSA:H",
           "CVSS:4.0/AV:P/AC:H/AT:P/PR:L/UI:P/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L/E:A/S:P/AU:Y/R:A/V:D/"
           "RE:L/U:Red",
           "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:U/CR:L/IR:X/AR:L/"
           "MAV:A/MAC:H/MAT:N/MPR:N/MUI:P/MVC:X/MVI:N/MVA:H/MSC:N/MSI:L/MSA:S/S:N/AU:N/R:I/V:C/"
           "RE:H/U:Green",
       }) {
    EXPECT_EQ(error_of(text), "") << text;
  }
}

// CVSS v4.0 specification, section 7: the invalid examples, each for its reason.
TEST(CvssVector, V40SpecificationCounterExamplesAreInvalid) {
  EXPECT_REJECTED("CVSS:4.0/AV:F/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N",
                  "offset 12: 'F' is not a value of metric 'AV' (allowed: N, A, L, P)");
  EXPECT_REJECTED("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/E:A/E:X",
                  "offset 68: metric 'E' given twice (first at offset 64)");
  EXPECT_REJECTED("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/ui:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N",
                  "offset 29: unknown metric 'ui' for CVSS v4.0 (names are case-sensitive: 'UI')");
  // Without the prefix the text reads as CVSS v2.0, which has no AT.
  EXPECT_REJECTED("AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N",
                  "offset 10: unknown metric 'AT' for CVSS v2.0");
  EXPECT_REJECTED("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/SC:N/SI:N/SA:N",
                  "missing base metric 'VA'");
  EXPECT_REJECTED(
      "CVSS:4.0/AC:L/AV:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/CR:L/IR:X/AR:L/RE:H/"
      "MAV:A/MAC:H/MAT:N/MUI:P/AT:N/MVC:X/MVI:N/MVA:H/MSC:N/MSI:L/MSA:S/E:U/S:N/AU:N/"
      "R:I/V:C/U:Green",
      "offset 14: metric 'AV' is out of order");
}

TEST(CvssVector, V40OptionalMetricsMustKeepTableOrder) {
  const std::string base(kV40);
  EXPECT_EQ(error_of(base + "/E:A/CR:H/MAV:N/S:P/U:Clear"), "");
  EXPECT_REJECTED(base + "/CR:H/E:A", "metric 'E' is out of order: CVSS v4.0 fixes the order");
  EXPECT_REJECTED(base + "/U:Red/S:P", "'S' comes before 'U'");
  EXPECT_REJECTED(base + "/U:red", "'red' is not a value of metric 'U'");
  EXPECT_REJECTED(base + "/SI:S", "metric 'SI' given twice");
  EXPECT_REJECTED(base + "/MSC:S", "'S' is not a value of metric 'MSC'");
}

// CVSS v3.1 specification, section 6: "Programs reading CVSS v3.1 vector
// strings must accept metrics in any order".
TEST(CvssVector, V3AcceptsAnyOrderAfterThePrefix) {
  auto shuffled = parse(
      "CVSS:3.0/S:C/C:H/I:H/A:N/AV:P/AC:H/PR:H/UI:R/E:H/RL:O/RC:R/CR:H/IR:X/"
      "AR:X/MAC:H/MPR:X/MUI:X/MC:L/MA:X");
  ASSERT_TRUE(shuffled) << shuffled.error();
  EXPECT_EQ(to_string(*shuffled),
            "CVSS:3.0/AV:P/AC:H/PR:H/UI:R/S:C/C:H/I:H/A:N/E:H/RL:O/RC:R/CR:H/IR:X/AR:X/MAC:H/"
            "MPR:X/MUI:X/MC:L/MA:X");
  EXPECT_EQ(shuffled->written().front(), 4u);  // S, as written
  auto canonical = parse(to_string(*shuffled));
  EXPECT_EQ(score(*shuffled).environmental, score(*canonical).environmental);
  EXPECT_REJECTED("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", "missing base metric 'A'");
  EXPECT_REJECTED("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/C:H", "missing base metrics 'S', 'I', 'A'");
  EXPECT_REJECTED("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MS:S",
                  "not a value of metric 'MS'");
  EXPECT_REJECTED("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AT:N", "unknown metric 'AT'");
}

// Complete Guide to CVSS v2.0, section 2.4.1: metrics in a predetermined
// order; an omitted temporal or environmental metric reads as "ND" (the
// CSAF TC's valid test documents write "AV:N/AC:L/Au:N/C:C/I:C/A:C/E:POC").
TEST(CvssVector, V2OrderAndOmissions) {
  const std::string base(kV2);
  EXPECT_EQ(error_of(base + "/E:POC/RL:OF/RC:C"), "");
  EXPECT_EQ(error_of(base + "/CDP:LM/TD:H/CR:ND/IR:ND/AR:H"), "");
  EXPECT_EQ(error_of(base + "/E:ND/RL:ND/RC:ND/CDP:ND/TD:ND/CR:ND/IR:ND/AR:ND"), "");
  EXPECT_REJECTED("AC:L/AV:N/Au:N/C:P/I:P/A:P", "offset 5: metric 'AV' is out of order");
  EXPECT_EQ(error_of("AV:N/AC:L/Au:N/C:C/I:C/A:C/E:POC"), "");
  EXPECT_EQ(error_of(base + "/RL:OF/TD:L/AR:H"), "");
  EXPECT_EQ(parse(base + "/E:F")->effective("RC"), "ND");
  EXPECT_REJECTED(base + "/TD:L/CDP:H", "metric 'CDP' is out of order");
  EXPECT_REJECTED(base + "/RC:C/E:F/RL:U", "metric 'E' is out of order");
  EXPECT_REJECTED(base + "/E:X/RL:X/RC:X", "'X' is not a value of metric 'E'");
  EXPECT_REJECTED("AV:N/AC:L/AU:N/C:P/I:P/A:P", "(names are case-sensitive: 'Au')");
}

TEST(CvssVector, StraySlashesAndSeparators) {
  const std::string v31(kV31);
  EXPECT_REJECTED(v31 + "/", "offset 45: empty metric (trailing '/')");
  EXPECT_REJECTED("CVSS:3.1//AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                  "offset 9: empty metric (doubled '/')");
  EXPECT_REJECTED("/" + std::string(kV2), "offset 0: empty metric (leading '/')");
  EXPECT_REJECTED("CVSS:3.1/AV:N/AC/PR:N", "offset 14: 'AC' is not of the form metric:value");
  EXPECT_REJECTED("CVSS:3.1/AV:N:X/AC:L", "'N:X' is not a value of metric 'AV'");
  EXPECT_REJECTED("CVSS:3.1/AV:/AC:L", "offset 12: '' is not a value of metric 'AV'");
  EXPECT_REJECTED(v31 + " ", "'H ' is not a value of metric 'A'");
  EXPECT_REJECTED(" " + v31, "unknown metric ' CVSS'");
  EXPECT_REJECTED(std::string_view(), "empty CVSS vector");
}

TEST(CvssVector, RepeatedAndLowercaseMetrics) {
  EXPECT_REJECTED("CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                  "offset 14: metric 'AV' given twice (first at offset 9)");
  EXPECT_REJECTED("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L", "metric 'AV' given twice");
  EXPECT_REJECTED("CVSS:3.1/av:n/ac:l/pr:n/ui:n/s:u/c:h/i:h/a:h",
                  "(names are case-sensitive: 'AV')");
  EXPECT_REJECTED("CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                  "'n' is not a value of metric 'AV'");
  EXPECT_REJECTED("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:CLEAR",
                  "'CLEAR' is not a value of metric 'U' (allowed: X, Clear, Green, Amber, Red)");
  std::string many(kV31);
  for (int i = 0; i < 100; ++i) many += "/E:X";
  EXPECT_REJECTED(many, "metric 'E' given twice");
}

TEST(CvssVector, MegabyteInputIsRefusedUnread) {
  EXPECT_REJECTED(std::string(1 << 20, 'A'), "vector of 1048576 bytes");
  std::string huge(kV31);
  while (huge.size() < (1 << 20)) huge += "/AV:N";
  EXPECT_REJECTED(huge, "no valid CVSS vector is longer than 1024");
  // Just under the cap: long garbage inside one component is quoted, cut short.
  std::string long_value = "CVSS:3.1/AV:" + std::string(1000, 'N');
  const std::string e = error_of(long_value);
  EXPECT_NE(e.find("'NNNNNNNNNNNNNNNNNNNNNNNN'... is not a value of metric 'AV'"),
            std::string::npos)
      << e;
  EXPECT_LT(e.size(), 200u);
}

TEST(CvssVector, NulsAndControlBytesAreEscapedInMessages) {
  const std::string nul_value = "CVSS:3.1/AV:N\0/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"s;
  EXPECT_REJECTED(nul_value, "'N\\x00' is not a value of metric 'AV'");
  const std::string nul_name = "CVSS:3.1/\0AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"s;
  EXPECT_REJECTED(nul_name, "unknown metric '\\x00AV'");
  EXPECT_REJECTED("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:\xC3\xA9",
                  "'\\xC3\\xA9' is not a value");
  EXPECT_REJECTED("CVSS:3.1/A'V:N", "unknown metric 'A\\x27V'");
  EXPECT_REJECTED("\n", "offset 0: '\\x0A' is not of the form metric:value");
}

TEST(CvssVector, LongestValidVectorFitsTheCap) {
  auto v = parse(
      "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:X/CR:X/IR:X/AR:X/MAV:X/"
      "MAC:X/MAT:X/MPR:X/MUI:X/MVC:X/MVI:X/MVA:X/MSC:X/MSI:X/MSA:X/S:X/AU:X/R:X/V:X/RE:X/U:Clear");
  ASSERT_TRUE(v) << v.error();
  EXPECT_EQ(v->written().size(), 32u);
  EXPECT_LE(to_string(*v).size(), kMaxVectorLength);
}

// Deterministic pseudo-random input: any bytes, and valid vectors with bytes
// deleted, inserted, replaced or components swapped. Nothing may crash (the
// sanitizer build checks memory), and whatever parses must score within
// 0..10 and print back to a vector that parses to the same scores.
TEST(CvssVector, RandomAndMutatedInputNeverCrashes) {
  std::uint64_t state = 0x9E3779B97F4A7C15u;
  auto next = [&state] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  const std::string alphabet = "CVSS:3.14.0/AVNLPHRUXEIOWTMDYSG:/\0aclear"s;
  const std::string_view seeds[] = {
      kV2,
      kV31,
      kV40,
      "AV:N/AC:L/Au:N/C:P/I:P/A:P/E:POC/RL:OF/RC:C/CDP:LM/TD:H/CR:ND/IR:ND/AR:H",
      "CVSS:3.0/AV:P/AC:H/PR:H/UI:R/S:C/C:H/I:H/A:N/E:H/RL:O/RC:R/CR:H/MAC:H/MS:U/MC:L",
      "CVSS:4.0/AV:L/AC:H/AT:N/PR:N/UI:A/VC:N/VI:N/VA:L/SC:H/SI:H/SA:H/E:P/CR:H/MSI:S/MSA:H/U:Red"};
  int accepted = 0;
  for (int round = 0; round < 200000; ++round) {
    std::string text;
    if (round % 4 == 0) {
      const std::size_t n = next() % 64;
      for (std::size_t i = 0; i < n; ++i) text += alphabet[next() % alphabet.size()];
    } else {
      text = std::string(seeds[next() % std::size(seeds)]);
      const int edits = 1 + static_cast<int>(next() % 3);
      for (int k = 0; k < edits && !text.empty(); ++k) {
        const std::size_t at = next() % text.size();
        switch (next() % 4) {
          case 0:
            text.erase(at, 1);
            break;
          case 1:
            text.insert(at, 1, alphabet[next() % alphabet.size()]);
            break;
          case 2:
            text[at] = alphabet[next() % alphabet.size()];
            break;
          default: {
            const std::size_t slash = text.find('/', at);
            if (slash != std::string::npos)
              text = text.substr(slash + 1) + "/" + text.substr(0, slash);
          }
        }
      }
    }
    auto v = parse(text);
    if (!v) {
      EXPECT_FALSE(v.error().empty());
      continue;
    }
    ++accepted;
    const Scores s = score(*v);
    for (double x : {s.base, s.temporal, s.environmental}) {
      ASSERT_TRUE(x >= 0 && x <= 10) << text;
    }
    auto again = parse(to_string(*v));
    ASSERT_TRUE(again) << text << ": " << again.error();
    EXPECT_EQ(score(*again).environmental, s.environmental) << text;
  }
  EXPECT_GT(accepted, 1000);  // the mutations do reach the scorers
}

}  // namespace
}  // namespace lotse::cvss
