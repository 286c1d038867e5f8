#include "schema/formats.hpp"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace lotse::schema {
namespace {

using namespace std::string_literals;

// ---------------------------------------------------------------------------
// Official JSON-Schema-Test-Suite, optional/format, read at run time.

std::filesystem::path testsuites_root() {
  if (const char* env = std::getenv("LOTSE_TESTSUITES"); env != nullptr && *env != '\0')
    return env;
  return std::filesystem::path(LOTSE_SOURCE_DIR) / ".." / "shared" / "testsuites";
}

struct SuiteFile {
  std::string draft;
  std::string format;  // file stem, e.g. "date-time"
};

// Every file of a format Lotse asserts, per draft (regex is the ECMA regex
// module's; idn-*, uri-template are not asserted and checked below).
std::vector<SuiteFile> suite_files() {
  const std::vector<std::pair<std::string, std::vector<std::string>>> drafts = {
      {"draft2020-12",
       {"date-time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "iri-reference",
        "iri", "json-pointer", "relative-json-pointer", "time", "unknown", "uri-reference", "uri",
        "uuid"}},
      {"draft7",
       {"date-time", "date", "email", "hostname", "ipv4", "ipv6", "iri-reference", "iri",
        "json-pointer", "relative-json-pointer", "time", "unknown", "uri-reference", "uri"}},
      {"draft4", {"date-time", "email", "hostname", "ipv4", "ipv6", "unknown", "uri"}},
  };
  std::vector<SuiteFile> files;
  for (const auto& [draft, formats] : drafts)
    for (const auto& f : formats) files.push_back({draft, f});
  return files;
}

class OfficialSuite : public ::testing::TestWithParam<SuiteFile> {};

TEST_P(OfficialSuite, EveryStringCaseMatchesExpectedValidity) {
  const SuiteFile& param = GetParam();
  const auto path = testsuites_root() / "json-schema-test-suite" / "tests" / param.draft /
                    "optional" / "format" / (param.format + ".json");
  std::ifstream in(path);
  ASSERT_TRUE(in) << "cannot open " << path << " (set LOTSE_TESTSUITES)";
  const auto groups = nlohmann::json::parse(in);
  int string_cases = 0;
  for (const auto& group : groups) {
    const std::string format = group.at("schema").at("format").get<std::string>();
    for (const auto& test : group.at("tests")) {
      if (!test.at("data").is_string()) continue;  // non-strings: the engine's job
      const std::string data = test.at("data").get<std::string>();
      const bool expected = test.at("valid").get<bool>();
      ++string_cases;
      EXPECT_EQ(check_format(format, data), expected)
          << param.draft << " " << format << ": " << test.at("description").get<std::string>()
          << "\n  data: " << test.at("data").dump();
    }
  }
  EXPECT_GT(string_cases, 0);
}

INSTANTIATE_TEST_SUITE_P(Formats, OfficialSuite, ::testing::ValuesIn(suite_files()),
                         [](const ::testing::TestParamInfo<SuiteFile>& info) {
                           std::string name = info.param.draft + "_" + info.param.format;
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

// ---------------------------------------------------------------------------
// Dispatch.

TEST(CheckFormat, UnknownFormatsAlwaysPass) {
  EXPECT_FALSE(is_known_format("idn-hostname"));
  EXPECT_FALSE(is_known_format("idn-email"));
  EXPECT_FALSE(is_known_format("uri-template"));
  EXPECT_FALSE(is_known_format("Date-Time"));
  EXPECT_TRUE(check_format("idn-hostname", "-not valid-"));
  EXPECT_TRUE(check_format("no-such-format", std::string("\xff\0", 2)));
}

TEST(CheckFormat, KnowsEveryAssertedFormat) {
  for (const char* name : {"date-time", "date", "time", "duration", "email", "hostname", "ipv4",
                           "ipv6", "uri", "uri-reference", "iri", "iri-reference", "uuid",
                           "json-pointer", "relative-json-pointer", "regex"})
    EXPECT_TRUE(is_known_format(name)) << name;
  EXPECT_FALSE(check_format("date", "2020-13-01"));
  EXPECT_TRUE(check_format("ipv4", "10.0.0.1"));
}

TEST(CheckFormat, RegexIsForwardedToTheEcmaRegexModule) {
  EXPECT_TRUE(check_format("regex", "^[a-z]+$"));
  EXPECT_FALSE(check_format("regex", "^(abc]"));
}

// ---------------------------------------------------------------------------
// Date and time.

TEST(DateTime, RejectsLeapSecondNotAtUtcMidnight) {
  EXPECT_FALSE(is_date_time("1998-12-31T23:59:60+01:00"));
  EXPECT_FALSE(is_date_time("1998-12-31T22:59:60Z"));
  EXPECT_FALSE(is_time("23:59:60+00:01"));
}

TEST(DateTime, AcceptsLeapSecondThatIsUtcMidnightAfterOffset) {
  EXPECT_TRUE(is_date_time("1998-12-31T23:59:60Z"));
  EXPECT_TRUE(is_date_time("1999-01-01T00:59:60+01:00"));
  EXPECT_TRUE(is_date_time("1998-12-31T15:59:60.123-08:00"));
  EXPECT_TRUE(is_time("00:29:60-23:30"));
}

TEST(DateTime, AcceptsLowerCaseTAndZOnly) {
  EXPECT_TRUE(is_date_time("1963-06-19t08:30:06z"));
  EXPECT_FALSE(is_date_time("1963-06-19 08:30:06Z"));
  EXPECT_FALSE(is_date_time("1963-06-19_08:30:06Z"));
}

TEST(DateTime, RequiresOffsetAndFractionDigits) {
  EXPECT_FALSE(is_date_time("1963-06-19T08:30:06"));
  EXPECT_FALSE(is_date_time("1963-06-19T08:30:06.Z"));
  EXPECT_FALSE(is_time("08:30:06.5"));
  EXPECT_FALSE(is_time("08:30:06+0100"));
  EXPECT_TRUE(is_time("08:30:06.000000000000000000001-00:00"));
  EXPECT_FALSE(is_time("08:30:06+23:60"));
  EXPECT_TRUE(is_time("08:30:06+23:59"));
}

TEST(Date, HonoursGregorianLeapYears) {
  EXPECT_TRUE(is_date("2000-02-29"));
  EXPECT_FALSE(is_date("1900-02-29"));
  EXPECT_TRUE(is_date("2024-02-29"));
  EXPECT_FALSE(is_date("2023-02-29"));
  EXPECT_TRUE(is_date("0000-02-29"));
  EXPECT_FALSE(is_date("2023-00-10"));
}

TEST(Date, RejectsEmbeddedNulAndTrailingBytes) {
  EXPECT_FALSE(is_date(std::string("2020-01-01\0", 11)));
  EXPECT_FALSE(is_date(std::string("2020\0-01-01", 11)));
  EXPECT_FALSE(is_date_time("2020-01-01T00:00:00Z\xff"));
}

TEST(Duration, FollowsRfc3339AppendixAOrdering) {
  EXPECT_TRUE(is_duration("P1Y2M3DT4H5M6S"));
  EXPECT_TRUE(is_duration("P1MT1M"));
  EXPECT_TRUE(is_duration("PT1M"));
  EXPECT_FALSE(is_duration("P1M1Y"));
  EXPECT_FALSE(is_duration("P1Y1Y"));
  EXPECT_FALSE(is_duration("PT1S1M"));
  EXPECT_FALSE(is_duration("P1W1D"));
  EXPECT_FALSE(is_duration("PT1W"));
}

TEST(Duration, RejectsLowerCaseDesignators) {
  EXPECT_FALSE(is_duration("p1d"));
  EXPECT_FALSE(is_duration("P1d"));
  EXPECT_FALSE(is_duration("P1Dt1H"));
}

// ---------------------------------------------------------------------------
// URI / IRI.

TEST(Uri, AcceptsEmptyPortAndEmptyHost) {
  EXPECT_TRUE(is_uri("http://example.com:/"));
  EXPECT_TRUE(is_uri("file:///etc/hosts"));
  EXPECT_TRUE(is_uri("a:"));
  EXPECT_TRUE(is_uri("a+b-c.d:x"));
}

TEST(Uri, ChecksIpLiterals) {
  EXPECT_TRUE(is_uri("http://[::1]:8080/"));
  EXPECT_TRUE(is_uri("http://[v7.a:b]/"));
  EXPECT_FALSE(is_uri("http://[v7.]/"));
  EXPECT_FALSE(is_uri("http://[vz.a]/"));
  EXPECT_FALSE(is_uri("http://[::1/"));
  EXPECT_FALSE(is_uri("http://[::1]x/"));
  EXPECT_FALSE(is_uri("http://[fe80::1%25eth0]/"));  // RFC 6874 zone ids not supported
}

TEST(Uri, RejectsNulAndNonAsciiBytes) {
  EXPECT_FALSE(is_uri(std::string("http://a/\0", 10)));
  EXPECT_FALSE(is_uri_reference(std::string("\0", 1)));
  EXPECT_FALSE(is_uri("http://a/\xc3\xa9"));
  EXPECT_FALSE(is_uri("http://a/%"));
}

TEST(UriReference, RejectsColonInFirstRelativeSegment) {
  EXPECT_TRUE(is_uri_reference("a:b:c/d"));  // scheme "a", rootless path
  EXPECT_TRUE(is_uri_reference("a/b:c"));
  EXPECT_FALSE(is_uri_reference(":a"));
  EXPECT_FALSE(is_uri_reference("1a:b"));
  EXPECT_TRUE(is_uri_reference("?a:b"));
  EXPECT_TRUE(is_uri_reference("#a:b?/"));
}

TEST(Iri, AcceptsPrivateUseOnlyInQuery) {
  EXPECT_TRUE(is_iri("http://a/?\xee\x80\x80"));     // U+E000
  EXPECT_FALSE(is_iri("http://a/\xee\x80\x80"));     // U+E000 in path
  EXPECT_FALSE(is_iri("http://a/#\xee\x80\x80"));    // U+E000 in fragment
  EXPECT_TRUE(is_iri("http://\xc3\xa9.example/"));   // ucschar in host
  EXPECT_FALSE(is_iri("h\xc3\xa9ttp://a/"));         // not in the scheme
  EXPECT_FALSE(is_iri("http://[\xc3\xa9]/"));        // not in an IP literal
  EXPECT_FALSE(is_iri("http://a:\xd9\xa1/"));        // not in the port
}

TEST(Iri, RejectsNonCharactersAndControls) {
  EXPECT_FALSE(is_iri("http://a/\xef\xbf\xbe"));     // U+FFFE
  EXPECT_FALSE(is_iri("http://a/\xf0\x9f\xbf\xbf")); // U+1FFFF
  EXPECT_FALSE(is_iri("http://a/\xc2\x85"));         // U+0085 (C1 control)
  EXPECT_TRUE(is_iri("http://a/\xc2\xa0"));          // U+00A0
  EXPECT_FALSE(is_iri("http://a/\xf3\xa0\x80\x80")); // U+E0000 (tags plane start)
  EXPECT_TRUE(is_iri("http://a/\xf3\xa1\x80\x80"));  // U+E1000
}

TEST(Iri, RejectsInvalidUtf8) {
  for (const char* bad : {"\xc0\x80", "\xc1\xbf", "\x80", "\xbf", "\xe0\x80\x80", "\xed\xa0\x80",
                          "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff", "\xc3", "\xe2\x82",
                          "\xf0\x9f\x98", "\xc3\x28"}) {
    EXPECT_FALSE(is_iri("http://a/x"s + bad)) << bad;
    EXPECT_FALSE(is_iri("http://a/x"s + bad + "y")) << bad;
    EXPECT_FALSE(is_iri_reference(bad)) << bad;
  }
}

// ---------------------------------------------------------------------------
// Hostnames, addresses, email.

TEST(Hostname, EnforcesLengthLimits) {
  const std::string label63(63, 'a');
  const std::string name253 = label63 + "." + label63 + "." + label63 + "." + std::string(61, 'b');
  ASSERT_EQ(name253.size(), 253u);
  EXPECT_TRUE(is_hostname(name253));
  EXPECT_FALSE(is_hostname(name253 + "b"));
  EXPECT_FALSE(is_hostname(label63 + "a"));
}

TEST(Hostname, ValidatesALabelsCaseInsensitively) {
  EXPECT_TRUE(is_hostname("XN--9N2BP8Q.Xn--9T4B11YI5A"));
  EXPECT_FALSE(is_hostname("xn--"));
  EXPECT_FALSE(is_hostname("xn--abc-"));  // would decode to plain ASCII
  EXPECT_FALSE(is_hostname("xn--zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"));
  EXPECT_FALSE(is_hostname("xn--99999999999999999999999999999999999999999999999999999999999"));
  EXPECT_TRUE(is_hostname("ab--cd"));  // reserved but not an A-label
}

TEST(Hostname, AppliesTheBidiRuleToRightToLeftALabels) {
  EXPECT_TRUE(is_hostname("xn--4dbc"));      // Hebrew only
  EXPECT_TRUE(is_hostname("xn--1-zhc"));     // Hebrew then European digit
  EXPECT_TRUE(is_hostname("xn--mgb0j"));     // Arabic then Arabic-Indic digit
  EXPECT_FALSE(is_hostname("xn--a-0hc"));    // Latin first, then Hebrew
  EXPECT_FALSE(is_hostname("xn--a-zhc"));    // Hebrew first, ends in Latin
  EXPECT_FALSE(is_hostname("xn--1-0hc"));    // starts with a digit
  EXPECT_FALSE(is_hostname("xn--1-ymc8o"));  // mixes Arabic-Indic and European digits
}

TEST(Hostname, ContextRulesSeeTheScriptOfContextCodePoints) {
  EXPECT_TRUE(is_hostname("xn--9db6da"));  // U+05F4 after U+05F4 (itself Hebrew)
}

TEST(Hostname, RejectsPunycodeThatNoEncoderProduces) {
  EXPECT_FALSE(is_hostname("xn---puo6a"));  // '-' with no basic code points before it
  EXPECT_FALSE(is_hostname("xn--a-"));      // all-ASCII "decoding"
}

TEST(Hostname, RejectsNonAsciiAndNul) {
  EXPECT_FALSE(is_hostname("\xc3\xa9xample.com"));
  EXPECT_FALSE(is_hostname(std::string("a\0b", 3)));
  EXPECT_FALSE(is_hostname("a..b"));
}

TEST(Ipv4, RejectsLeadingZerosAndOverflow) {
  EXPECT_FALSE(is_ipv4("01.2.3.4"));
  EXPECT_FALSE(is_ipv4("1.2.3.0255"));
  EXPECT_FALSE(is_ipv4("1.2.3.1000"));
  EXPECT_TRUE(is_ipv4("0.0.0.0"));
}

TEST(Ipv6, HandlesCompressionEdgeCases) {
  EXPECT_TRUE(is_ipv6("1:2:3:4:5:6:7::"));
  EXPECT_TRUE(is_ipv6("::2:3:4:5:6:7:8"));
  EXPECT_FALSE(is_ipv6("1:2:3:4::5:6:7:8"));
  EXPECT_FALSE(is_ipv6("1::2::3"));
  EXPECT_FALSE(is_ipv6(":::"));
  EXPECT_FALSE(is_ipv6(""));
  EXPECT_TRUE(is_ipv6("::1.2.3.4"));
  EXPECT_FALSE(is_ipv6("1.2.3.4::"));
  EXPECT_FALSE(is_ipv6("::1.2.3.4:1"));
  EXPECT_TRUE(is_ipv6("ABCD:ef01::"));
}

TEST(Email, AcceptsQuotedPairsAndAddressLiterals) {
  EXPECT_TRUE(is_email(R"("a\"b"@example.com)"));
  EXPECT_TRUE(is_email("x@[ipv6:2001:db8::1]"));
  EXPECT_FALSE(is_email("x@[IPv6:1.2.3.4]"));
  EXPECT_FALSE(is_email("x@[tag:value]"));
  EXPECT_FALSE(is_email(R"("a\"@example.com)"));
  EXPECT_FALSE(is_email("\"a\nb\"@example.com"));
}

TEST(Email, EnforcesLocalPartLength) {
  EXPECT_TRUE(is_email(std::string(64, 'a') + "@example.com"));
  EXPECT_FALSE(is_email(std::string(65, 'a') + "@example.com"));
  EXPECT_FALSE(is_email("a@example.com."));
  EXPECT_FALSE(is_email("a@"));
}

TEST(Uuid, RequiresHyphenatedHex) {
  EXPECT_TRUE(is_uuid("AbCdEf01-2345-6789-aBcD-ef0123456789"));
  EXPECT_FALSE(is_uuid("{2eb8aa08-aa98-11ea-b4aa-73b441d16380}"));
  EXPECT_FALSE(is_uuid(std::string("2eb8aa08-aa98-11ea-b4aa-73b441d1638\0", 36)));
}

TEST(JsonPointer, AllowsAnyUnicodeButRejectsBadUtf8) {
  EXPECT_TRUE(is_json_pointer(std::string("/a\0b", 4)));
  EXPECT_TRUE(is_json_pointer("/\xf0\x9f\x98\x8e"));
  EXPECT_FALSE(is_json_pointer("/\xff"));
  EXPECT_FALSE(is_json_pointer("/~"));
}

TEST(RelativeJsonPointer, AcceptsIndexManipulationOfDraft2020) {
  EXPECT_TRUE(is_relative_json_pointer("0"));
  EXPECT_TRUE(is_relative_json_pointer("0+1/a"));
  EXPECT_TRUE(is_relative_json_pointer("2-10"));
  EXPECT_TRUE(is_relative_json_pointer("1-1#"));
  EXPECT_FALSE(is_relative_json_pointer("0+/a"));
  EXPECT_FALSE(is_relative_json_pointer("0+01/a"));
  EXPECT_FALSE(is_relative_json_pointer("0+-1/a"));
  EXPECT_FALSE(is_relative_json_pointer("0++1"));
  EXPECT_FALSE(is_relative_json_pointer("1#/"));
  EXPECT_FALSE(is_relative_json_pointer("-1"));
}

// ---------------------------------------------------------------------------
// Hostile input: huge strings and random bytes must neither crash nor blow
// up (every checker is linear; the suite runs these under ASan/UBSan).

TEST(HostileInput, MegabyteStringsAreHandledLinearly) {
  const std::size_t mb = 1u << 20;
  const std::vector<std::string> inputs = {
      std::string(mb, 'a'),
      std::string(mb, ':'),
      std::string(mb, '1'),
      std::string(mb, '%'),
      std::string(mb, '\0'),
      std::string(mb, '\xe9'),
      "http://a/" + std::string(mb, 'a'),
      "/" + std::string(mb, '~'),
      "P" + std::string(mb, '9') + "D",
  };
  for (const auto& s : inputs) {
    for (const char* f : {"date-time", "date", "time", "duration", "email", "hostname", "ipv4",
                          "ipv6", "uri", "uri-reference", "iri", "iri-reference", "uuid",
                          "json-pointer", "relative-json-pointer"})
      (void)check_format(f, s);
  }
  EXPECT_TRUE(is_uri_reference(std::string(mb, 'a')));
  EXPECT_TRUE(is_duration("P" + std::string(mb, '9') + "D"));
  EXPECT_FALSE(is_hostname(std::string(mb, 'a')));
  std::string pointer;
  for (std::size_t i = 0; i < mb / 4; ++i) pointer += "/~0~";
  EXPECT_FALSE(is_json_pointer(pointer));
  EXPECT_TRUE(is_relative_json_pointer(std::string(mb, '7')));
  std::string utf8;
  while (utf8.size() < mb) utf8 += "\xf0\x90\x8c\x80";  // U+10300
  EXPECT_TRUE(is_iri("http://a/" + utf8));
  EXPECT_TRUE(is_email("a@" + std::string(63, 'b')));
}

TEST(HostileInput, RandomBytesNeverCrash) {
  std::mt19937 rng(12345);
  const std::string alphabet = "0123456789abcdefxnXN-.:/?#[]@%~TZ+PYMDWHS\"\\ \0\xc3\xa9\xff\xf0"s;
  for (int round = 0; round < 20000; ++round) {
    std::string s(rng() % 40, '\0');
    for (char& c : s)
      c = (rng() % 4 == 0) ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
    for (const char* f : {"date-time", "date", "time", "duration", "email", "hostname", "ipv4",
                          "ipv6", "uri", "uri-reference", "iri", "iri-reference", "uuid",
                          "json-pointer", "relative-json-pointer"})
      (void)check_format(f, s);
    (void)is_hostname("xn--" + s.substr(0, 20));
  }
}

}  // namespace
}  // namespace lotse::schema
