// Untrusted input: any bytes give a PackageUrl or an Error with a readable
// message, never a crash, and time stays linear (run under ASan/UBSan too).
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "purl/package_url.hpp"

namespace lotse::purl {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kMegabyte = 1u << 20;

// Parses in both modes; returns the strict result. Messages must be short
// and printable whatever the input.
tl::expected<PackageUrl, Error> parse_both(std::string_view text) {
  auto repaired = parse(text, Mode::repair);
  if (!repaired) {
    EXPECT_LT(repaired.error().message.size(), 400u);
    for (char c : repaired.error().message) {
      EXPECT_TRUE(c >= 0x20 && c < 0x7F) << "unprintable message byte";
    }
  }
  auto strict = parse(text, Mode::strict);
  if (!strict) {
    EXPECT_LT(strict.error().message.size(), 400u);
    for (char c : strict.error().message) EXPECT_TRUE(c >= 0x20 && c < 0x7F);
    if (strict.error().offset != Error::no_offset) {
      EXPECT_LE(strict.error().offset, text.size());
    }
  } else {
    // Whatever strict accepts, its canonical form is accepted and stable.
    const std::string canonical = to_string(*strict);
    auto again = parse(canonical);
    EXPECT_TRUE(again) << canonical;
    if (again) {
      EXPECT_EQ(to_string(*again), canonical);
    }
  }
  return strict;
}

TEST(PurlHostileInput, BrokenPercentEncoding) {
  for (std::string_view text :
       {"pkg:npm/foo%", "pkg:npm/foo%4", "pkg:npm/foo%G0", "pkg:npm/foo@1%", "pkg:npm/foo?a=%",
        "pkg:npm/foo?a=b%2", "pkg:npm/foo#%", "pkg:npm/foo#a/%x0", "%", "pkg:%", "pkg:npm/%%%"}) {
    auto purl = parse_both(text);
    ASSERT_FALSE(purl) << text;
    EXPECT_EQ(purl.error().kind, Error::Kind::syntax) << text;
  }
  EXPECT_EQ(parse("pkg:npm/foo%").error().describe(),
            "byte 11: '%' in the namespace or name is not followed by two hex digits: '%' (a "
            "literal '%' is written %25)");
}

TEST(PurlHostileInput, InvalidUtf8AfterDecoding) {
  for (std::string_view text :
       {"pkg:npm/%FF", "pkg:npm/%C0%AF", "pkg:npm/%ED%A0%80", "pkg:npm/%F4%90%80%80",
        "pkg:npm/%E2%82", "pkg:npm/x?a=%80", "pkg:npm/x#%C3"}) {
    auto purl = parse_both(text);
    ASSERT_FALSE(purl) << text;
    EXPECT_EQ(purl.error().kind, Error::Kind::syntax) << text;
    EXPECT_NE(purl.error().message.find("not valid UTF-8"), std::string::npos) << text;
  }
  EXPECT_EQ(parse("pkg:npm/ab%FF").error().offset, 10u);
}

TEST(PurlHostileInput, RawBytes) {
  const std::string nul("pkg:npm/a\0b", 11);
  EXPECT_EQ(parse_both(nul).error().offset, 9u);
  EXPECT_EQ(parse(nul, Mode::repair).error().offset, 9u);
  EXPECT_FALSE(parse_both("pkg:npm/a\x7F"));
  EXPECT_FALSE(parse_both("pkg:npm/a\nb"));
  EXPECT_FALSE(parse("pkg:npm/\xC3(", Mode::repair));  // invalid UTF-8
  EXPECT_FALSE(parse("pkg:npm/\xFF", Mode::repair));
  EXPECT_FALSE(parse_both("pkg:npm/\xF0\x9F\x98"));  // truncated sequence at the end
  EXPECT_FALSE(parse_both(""));
  EXPECT_FALSE(parse_both(std::string(1, '\0')));
}

TEST(PurlHostileInput, EveryByteAfterAValidPrefix) {
  for (int b = 0; b < 256; ++b) {
    for (std::string_view prefix : {"pkg:", "pkg:npm", "pkg:npm/", "pkg:npm/a@", "pkg:npm/a?",
                                    "pkg:npm/a?k=", "pkg:npm/a#", "pkg:npm/a%"}) {
      std::string text(prefix);
      text += static_cast<char>(b);
      (void)parse_both(text);
      text += "x/y@z?k=v#s";
      (void)parse_both(text);
    }
  }
}

TEST(PurlHostileInput, DecodedNulAndControlsAreEncodedAgain) {
  auto purl = parse_both("pkg:generic/a%00b@%0A?k=%7F#%01");
  ASSERT_TRUE(purl);
  EXPECT_EQ(purl->name, std::string("a\0b", 3));
  EXPECT_EQ(to_string(*purl), "pkg:generic/a%00b@%0A?k=%7F#%01");
}

TEST(PurlHostileInput, MegabyteInputsTakeLinearTime) {
  const auto start = Clock::now();
  const std::string big(kMegabyte, 'a');
  struct Case {
    std::string text;
    bool valid;
  };
  const Case cases[] = {
      {"pkg:generic/" + big, true},
      {"pkg:generic/" + big + "@" + big + "?k=" + big + "#" + big, true},
      {"pkg:generic/" + std::string(kMegabyte, '/') + "n", true},
      {"pkg:generic/n#" + std::string(kMegabyte, '/'), true},
      {"pkg:generic/n#" + std::string(kMegabyte, '.'), true},
      // The last '@' starts an empty version, the other '@'s are in the name.
      {"pkg:generic/n@" + std::string(kMegabyte, '@'), true},
      {"pkg:generic/" + std::string(kMegabyte, '@'), true},
      {"pkg:generic/n?" + std::string(kMegabyte, '&'), true},
      {"pkg:generic/n?" + std::string(kMegabyte, '='), false},
      {"pkg:generic/n?" + std::string(kMegabyte, '?'), false},
      {"pkg:" + std::string(kMegabyte, ':'), false},
      {"pkg:" + big, false},  // no '/' after the type
      {std::string(kMegabyte, '%'), false},
  };
  for (const Case& c : cases) {
    auto purl = parse_both(c.text);
    EXPECT_EQ(static_cast<bool>(purl), c.valid) << c.text.substr(0, 40);
  }
  std::string encoded = "pkg:generic/";
  for (std::size_t i = 0; i < kMegabyte / 3; ++i) encoded += "%41";
  auto purl = parse_both(encoded);
  ASSERT_TRUE(purl);
  EXPECT_EQ(purl->name.size(), kMegabyte / 3);

  // Many qualifiers and many segments: sorting, duplicate search, joining.
  std::string many = "pkg:generic/n?";
  for (int i = 0; i < 50000; ++i) many += "k" + std::to_string(50000 - i) + "=v&";
  purl = parse_both(many);
  ASSERT_TRUE(purl);
  EXPECT_EQ(purl->qualifiers.size(), 50000u);
  EXPECT_EQ(purl->qualifiers.front().first, "k1");
  std::string duplicate = many + "k1=again";
  EXPECT_EQ(parse(duplicate).error().message, "the qualifier key 'k1' appears more than once");
  std::string segments = "pkg:generic/";
  for (int i = 0; i < 100000; ++i) segments += "s/";
  segments += "n#";
  for (int i = 0; i < 100000; ++i) segments += "x/../";
  purl = parse_both(segments);
  ASSERT_TRUE(purl);
  std::string expected_subpath = "x";
  for (int i = 1; i < 100000; ++i) expected_subpath += "/x";
  EXPECT_EQ(purl->subpath, expected_subpath);  // '..' segments are dropped, not applied

  // A few seconds even with sanitizers; quadratic behaviour would take minutes.
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(30));
}

TEST(PurlHostileInput, QuotedInputIsTruncatedAndEscaped) {
  const std::string text = "pkg:" + std::string(1000, 'x') + "\x01";
  const Error error = parse(text).error();
  EXPECT_LT(error.describe().size(), 200u);
  const Error type = parse("pkg:a\x7Fz/n", Mode::repair).error();
  EXPECT_EQ(type.offset, 5u);
  const Error weird = parse("pkg:ty\xC3\xA9/n", Mode::repair).error();
  EXPECT_NE(weird.message.find("\\xC3\\xA9"), std::string::npos) << weird.message;
}

}  // namespace
}  // namespace lotse::purl
