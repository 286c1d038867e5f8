// Scores of known examples from the specifications and their guides, the
// version differences (v3.0/v3.1 Roundup and modified impact), the v4.0
// score groups and nomenclature, severities, and the embedded v4.0 tables.
#include "cvss/score.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "cvss/cvss4_tables.hpp"
#include "cvss/metrics.hpp"

namespace lotse::cvss {
namespace {

Scores scores_of(std::string_view text) {
  auto v = parse(text);
  EXPECT_TRUE(v) << text << ": " << v.error();
  return v ? score(*v) : Scores{-1, -1, -1};
}

// Compares to the tenth, which is what a score is.
#define EXPECT_SCORE(actual, expected) \
  EXPECT_EQ(std::llround((actual)*10), std::llround((expected)*10))

// Complete Guide to CVSS v2.0, section 3.3 (worked examples).
TEST(CvssScore, V2GuideExamples) {
  // CVE-2002-0392 (Apache chunked encoding).
  Scores s = scores_of("AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C");
  EXPECT_SCORE(s.base, 7.8);
  EXPECT_SCORE(s.temporal, 6.4);
  s = scores_of("AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H");
  EXPECT_SCORE(s.environmental, 9.2);
  s = scores_of("AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:N/TD:N/CR:M/IR:M/AR:H");
  EXPECT_SCORE(s.environmental, 0.0);
  // CVE-2003-0818 (Microsoft ASN.1).
  s = scores_of("AV:N/AC:L/Au:N/C:C/I:C/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:L");
  EXPECT_SCORE(s.base, 10.0);
  EXPECT_SCORE(s.temporal, 8.3);
  EXPECT_SCORE(s.environmental, 9.0);
  // CVE-2003-0062 (NOD32 buffer overflow).
  s = scores_of("AV:L/AC:H/Au:N/C:C/I:C/A:C/E:POC/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:M");
  EXPECT_SCORE(s.base, 6.2);
  EXPECT_SCORE(s.temporal, 4.9);
  EXPECT_SCORE(s.environmental, 7.5);
}

// The OASIS CSAF TC's test documents for 6.1.9 (valid ones: 6-1-09-1x) and
// the CVE 5.x style scores of 6.1.56: a v4.0 `baseScore` is the score of the
// vector as written, `threatScore` CVSS-BT, `environmentalScore` all metrics.
TEST(CvssScore, CsafTestDocumentExamples) {
  EXPECT_SCORE(scores_of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H").base, 10.0);
  EXPECT_SCORE(scores_of("AV:N/AC:L/Au:N/C:C/I:C/A:C").base, 10.0);
  EXPECT_SCORE(scores_of("AV:N/AC:L/Au:N/C:C/I:C/A:C/E:POC").temporal, 9.0);
  Scores s = scores_of("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:P");
  EXPECT_SCORE(s.environmental, 9.3);  // 6-1-09-15 (valid); 6-1-09-05 states 10.0: invalid
  EXPECT_SCORE(s.base, 10.0);
  EXPECT_SCORE(scores_of("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N").base,
               5.3);
  s = scores_of(
      "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:P/MAV:A/MPR:L/MUI:P/MVI:N/"
      "MVA:N");
  EXPECT_SCORE(s.temporal, 9.3);
  EXPECT_SCORE(s.environmental, 5.4);
}

TEST(CvssScore, V2WithoutOptionalGroups) {
  const Scores s = scores_of("AV:N/AC:L/Au:N/C:P/I:P/A:P");
  EXPECT_SCORE(s.base, 7.5);
  EXPECT_SCORE(s.temporal, 7.5);
  EXPECT_SCORE(s.environmental, 7.5);  // all environmental metrics Not Defined
  EXPECT_SCORE(scores_of("AV:N/AC:L/Au:N/C:N/I:N/A:N").base, 0.0);
}

// CVSS v3.1 specification / examples document, and FIRST's calculator.
TEST(CvssScore, V31KnownVectors) {
  EXPECT_SCORE(scores_of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").base, 9.8);
  EXPECT_SCORE(scores_of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H").base, 10.0);
  // CVE-2013-1937 (phpMyAdmin reflected XSS), examples document.
  EXPECT_SCORE(scores_of("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N").base, 6.1);
  // CVE-2014-0160 (Heartbleed).
  EXPECT_SCORE(scores_of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N").base, 7.5);
  EXPECT_SCORE(scores_of("CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N").base, 0.0);
}

// v3.0 Round up is ceil(x * 10) / 10 in floating point (FIRST's v3.0
// calculator); v3.1's Roundup rounds x * 100000 to an integer first.
// 10.0 x 0.92 is 9.200000000000001 in binary: v3.0 gives 9.3, v3.1 9.2.
TEST(CvssScore, V30AndV31RoundupDiffer) {
  EXPECT_SCORE(scores_of("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/RC:U").temporal, 9.3);
  EXPECT_SCORE(scores_of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/RC:U").temporal, 9.2);
}

// v3.1 changed the modified impact under a Changed scope, so with no
// environmental metric at all the environmental score can fall below the
// temporal one (v3.0: equal).
TEST(CvssScore, V31ModifiedImpactDiffersFromV30) {
  Scores s30 = scores_of("CVSS:3.0/AV:L/AC:L/PR:L/UI:R/S:C/C:N/I:H/A:H/E:F");
  Scores s31 = scores_of("CVSS:3.1/AV:L/AC:L/PR:L/UI:R/S:C/C:N/I:H/A:H/E:F");
  EXPECT_SCORE(s30.base, 7.9);
  EXPECT_SCORE(s30.temporal, 7.7);
  EXPECT_SCORE(s30.environmental, 7.7);
  EXPECT_SCORE(s31.temporal, 7.7);
  EXPECT_SCORE(s31.environmental, 7.6);
}

TEST(CvssScore, V3EnvironmentalOverrides) {
  // Modified scope Changed raises PR's weight (MPR:L 0.68), MISS caps at 0.915.
  Scores s = scores_of("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H/CR:H/IR:H/AR:H/MS:C");
  EXPECT_SCORE(s.base, 8.8);
  EXPECT_SCORE(s.environmental, 10.0);
  s = scores_of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MC:N/MI:N/MA:N");
  EXPECT_SCORE(s.environmental, 0.0);
}

// FIRST's v4.0 calculator and the specification's examples.
TEST(CvssScore, V40KnownVectors) {
  auto v4 = [](std::string_view text) {
    auto v = parse(text);
    EXPECT_TRUE(v) << v.error();
    return v ? score_v4(*v) : -1;
  };
  EXPECT_SCORE(v4("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H"), 10.0);
  EXPECT_SCORE(v4("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"), 9.3);
  EXPECT_SCORE(v4("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N"), 6.9);
  EXPECT_SCORE(v4("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N"), 0.0);
  // Modified metrics can restore an impact the base metrics deny.
  EXPECT_GT(v4("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/MVC:H"), 0);
  // MSI:S (Safety) reaches EQ4 level 0, above any base vector.
  EXPECT_SCORE(v4("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/MSI:S"), 10.0);
  // Supplemental metrics never change the score.
  EXPECT_EQ(v4("CVSS:4.0/AV:A/AC:H/AT:P/PR:L/UI:P/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L/E:P"),
            v4("CVSS:4.0/AV:A/AC:H/AT:P/PR:L/UI:P/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L/E:P/S:P/AU:Y/R:I/"
               "V:C/RE:H/U:Red"));
}

// Half-way interpolations: exact severity distances give 2.4 - 0.65 = 1.75
// -> 1.8 (levels of 0.1 in binary would give 1.7499999999999998 -> 1.7).
TEST(CvssScore, V40HalfWayRoundsUp) {
  auto v = parse("CVSS:4.0/AV:N/AC:H/AT:P/PR:H/UI:A/VC:N/VI:H/VA:H/SC:L/SI:N/SA:L/E:U");
  ASSERT_TRUE(v);
  EXPECT_SCORE(score_v4(*v), 1.8);
}

TEST(CvssScore, V40GroupsAndNomenclature) {
  const std::string base = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
  auto v = parse(base + "/E:U/CR:L/IR:L/AR:L");
  ASSERT_TRUE(v) << v.error();
  const Scores s = score(*v);
  EXPECT_EQ(nomenclature(*v), "CVSS-BTE");
  EXPECT_SCORE(s.base, scores_of(base).environmental);               // CVSS-B
  EXPECT_SCORE(s.temporal, scores_of(base + "/E:U").environmental);  // CVSS-BT
  EXPECT_SCORE(s.environmental, score_v4(*v));                       // as written
  EXPECT_LT(s.environmental, s.temporal);
  EXPECT_LT(s.temporal, s.base);
  EXPECT_EQ(nomenclature(*parse(base)), "CVSS-B");
  EXPECT_EQ(nomenclature(*parse(base + "/E:A")), "CVSS-BT");
  EXPECT_EQ(nomenclature(*parse(base + "/E:X/MAV:A")), "CVSS-BE");
  EXPECT_EQ(nomenclature(*parse(base + "/E:X/CR:X/S:P")), "CVSS-B");
  EXPECT_EQ(nomenclature(*parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")), "");
}

TEST(CvssScore, Severities) {
  EXPECT_EQ(severity(Version::v2_0, 7.5), std::nullopt);
  EXPECT_EQ(severity(Version::v3_1, 0.0), Severity::none);
  EXPECT_EQ(severity(Version::v3_1, 0.1), Severity::low);
  EXPECT_EQ(severity(Version::v3_1, 3.9), Severity::low);
  EXPECT_EQ(severity(Version::v3_0, 4.0), Severity::medium);
  EXPECT_EQ(severity(Version::v4_0, 6.9), Severity::medium);
  EXPECT_EQ(severity(Version::v4_0, 7.0), Severity::high);
  EXPECT_EQ(severity(Version::v4_0, 8.9), Severity::high);
  EXPECT_EQ(severity(Version::v4_0, 9.0), Severity::critical);
  EXPECT_EQ(severity(Version::v4_0, 10.0), Severity::critical);
  EXPECT_EQ(severity_name(Severity::critical), "Critical");
  EXPECT_EQ(severity_json(Severity::none), "NONE");
}

TEST(CvssScore, V40TablesMatchTheSpecification) {
  const v4::Tables& t = v4::tables();
  EXPECT_DOUBLE_EQ(t.macro_score({0, 0, 0, 0, 0, 0}), 10.0);
  EXPECT_DOUBLE_EQ(t.macro_score({2, 1, 2, 2, 2, 1}), 0.1);
  EXPECT_TRUE(std::isnan(t.macro_score({0, 0, 2, 0, 0, 0})));  // EQ3 2 with EQ6 0: impossible
  EXPECT_TRUE(std::isnan(t.macro_score({3, 0, 0, 0, 0, 0})));
  EXPECT_EQ(t.depth(0, 2), 4);
  EXPECT_EQ(t.depth_eq3_eq6(2, 1), 9);
  EXPECT_EQ(t.highest(0, 1).size(), 3u);
  EXPECT_EQ(t.severity_index("SI", "S"), 0);
  EXPECT_EQ(t.severity_index("SC", "N"), 2);
  // The tables' "table23" is the specification's Table 23: the catalogue's
  // v4.0 metrics and values, in the same order.
  std::span<const MetricInfo> catalogue = metrics(Version::v4_0);
  ASSERT_EQ(t.table23.size(), catalogue.size());
  for (std::size_t i = 0; i < catalogue.size(); ++i) {
    EXPECT_EQ(t.table23[i].first, catalogue[i].abbreviation);
    ASSERT_EQ(t.table23[i].second.size(), catalogue[i].values.size()) << t.table23[i].first;
    for (std::size_t k = 0; k < catalogue[i].values.size(); ++k) {
      EXPECT_EQ(t.table23[i].second[k], catalogue[i].values[k].abbreviation);
    }
  }
}

}  // namespace
}  // namespace lotse::cvss
