#include <gtest/gtest.h>

#include "schema/uri.hpp"

namespace lotse::schema {
namespace {

TEST(ResolveUri, FollowsRfc3986Examples) {
  const std::string base = "http://a/b/c/d;p?q";
  EXPECT_EQ(resolve_uri(base, "g"), "http://a/b/c/g");
  EXPECT_EQ(resolve_uri(base, "./g"), "http://a/b/c/g");
  EXPECT_EQ(resolve_uri(base, "g/"), "http://a/b/c/g/");
  EXPECT_EQ(resolve_uri(base, "/g"), "http://a/g");
  EXPECT_EQ(resolve_uri(base, "//g"), "http://g");
  EXPECT_EQ(resolve_uri(base, "?y"), "http://a/b/c/d;p?y");
  EXPECT_EQ(resolve_uri(base, "#s"), "http://a/b/c/d;p?q#s");
  EXPECT_EQ(resolve_uri(base, ""), "http://a/b/c/d;p?q");
  EXPECT_EQ(resolve_uri(base, "../g"), "http://a/b/g");
  EXPECT_EQ(resolve_uri(base, "../../g"), "http://a/g");
  EXPECT_EQ(resolve_uri(base, "../../../g"), "http://a/g");
  EXPECT_EQ(resolve_uri(base, "g;x=1/../y"), "http://a/b/c/y");
}

TEST(ResolveUri, KeepsUrnsAndAppendsFragments) {
  EXPECT_EQ(resolve_uri("urn:uuid:deadbeef-1234", "#foo"), "urn:uuid:deadbeef-1234#foo");
  EXPECT_EQ(resolve_uri("http://x/y.json", "urn:example:a"), "urn:example:a");
}

TEST(PercentDecode, DecodesEscapesAndLeavesBrokenOnes) {
  EXPECT_EQ(percent_decode("/a%25b/%22"), "/a%b/\"");
  EXPECT_EQ(percent_decode("%zz%4"), "%zz%4");
}

}  // namespace
}  // namespace lotse::schema
