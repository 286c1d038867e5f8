// Behaviour of parse(), build() and to_string() beyond the purl-spec suite:
// error kinds and offsets, the two modes, encoding details, type rules.
#include <gtest/gtest.h>

#include "purl/package_url.hpp"

namespace lotse::purl {
namespace {

Error parse_error(std::string_view text, Mode mode = Mode::strict) {
  auto purl = parse(text, mode);
  EXPECT_FALSE(purl) << "accepted: " << text;
  return purl ? Error{} : purl.error();
}

std::string canonical(std::string_view text, Mode mode = Mode::strict) {
  auto result = canonicalize(text, mode);
  EXPECT_TRUE(result) << text << ": " << (result ? "" : result.error().describe());
  return result ? *result : std::string();
}

TEST(PurlParse, SplitsAllComponents) {
  auto purl = parse("pkg:maven/org.apache/batik-anim@1.9.1?type=pom&classifier=dist#sub/dir");
  ASSERT_TRUE(purl);
  EXPECT_EQ(purl->type, "maven");
  EXPECT_EQ(purl->ns, "org.apache");
  EXPECT_EQ(purl->name, "batik-anim");
  EXPECT_EQ(purl->version, "1.9.1");
  ASSERT_EQ(purl->qualifiers.size(), 2u);
  EXPECT_EQ(purl->qualifiers[0].first, "classifier");  // sorted
  EXPECT_EQ(*purl->qualifier("type"), "pom");
  EXPECT_EQ(purl->qualifier("missing"), nullptr);
  EXPECT_EQ(purl->subpath, "sub/dir");
  EXPECT_EQ(to_string(*purl),
            "pkg:maven/org.apache/batik-anim@1.9.1?classifier=dist&type=pom#sub/dir");
}

TEST(PurlParse, SchemeIsCaseInsensitiveAndSlashesAfterItAreIgnored) {
  EXPECT_EQ(canonical("PKG:npm/foo"), "pkg:npm/foo");
  EXPECT_EQ(canonical("pkg:////npm/foo"), "pkg:npm/foo");
  EXPECT_EQ(parse_error("http://npm/foo").kind, Error::Kind::syntax);
  EXPECT_EQ(parse_error("npm/foo").message, "the scheme 'pkg:' is missing");
}

TEST(PurlParse, ErrorsSayWhatAndWhere) {
  Error e = parse_error("pkg:3nginx/nginx");
  EXPECT_EQ(e.kind, Error::Kind::component);
  EXPECT_EQ(e.offset, 4u);
  EXPECT_EQ(e.describe(), "byte 4: the type '3nginx' must start with an ASCII letter");

  e = parse_error("pkg:npm/foo?in%20production=true");
  EXPECT_EQ(e.kind, Error::Kind::component);
  EXPECT_EQ(e.offset, 14u);  // the '%'

  e = parse_error("pkg:npm/fo%zzo");
  EXPECT_EQ(e.kind, Error::Kind::syntax);
  EXPECT_EQ(e.offset, 10u);

  e = parse_error("pkg:maven/io@1.0");
  EXPECT_EQ(e.kind, Error::Kind::type_rule);
  EXPECT_EQ(e.message, "type 'maven' requires a namespace");

  e = parse_error("pkg:julia/Dates@1.9.0");
  EXPECT_EQ(e.kind, Error::Kind::type_rule);
  EXPECT_EQ(e.offset, 21u);  // where the qualifiers would start
}

TEST(PurlParse, QualifierRules) {
  // Empty values are the same as no qualifier; pairs without '=' too.
  EXPECT_EQ(canonical("pkg:npm/foo?b=&a=1&c&&"), "pkg:npm/foo?a=1");
  EXPECT_EQ(parse_error("pkg:npm/foo?a=1&a=2").message,
            "the qualifier key 'a' appears more than once");
  EXPECT_EQ(parse_error("pkg:npm/foo?=1").message, "a qualifier has an empty key");
  EXPECT_EQ(parse_error("pkg:npm/foo?1a=1").kind, Error::Kind::component);
  EXPECT_EQ(parse_error("pkg:npm/foo?Arch=x86").message,
            "the qualifier key 'Arch' must be lowercase");
  EXPECT_EQ(canonical("pkg:npm/foo?Arch=x86", Mode::repair), "pkg:npm/foo?arch=x86");
  EXPECT_EQ(parse_error("pkg:npm/foo?Arch=x86&arch=y", Mode::repair).message,
            "the qualifier key 'arch' appears more than once");
  // Values keep '=', '?', '@' and '/'; '+' is not a space.
  auto purl = parse("pkg:npm/foo?url=https://x.org/a?b=c@d&v=a+b");
  ASSERT_TRUE(purl);
  EXPECT_EQ(*purl->qualifier("url"), "https://x.org/a?b=c@d");
  EXPECT_EQ(*purl->qualifier("v"), "a+b");
  EXPECT_EQ(to_string(*purl), "pkg:npm/foo?url=https:%2F%2Fx.org%2Fa%3Fb%3Dc%40d&v=a%2Bb");
}

TEST(PurlParse, PercentEncodingIsNormalized) {
  // Unneeded encoding removed, needed encoding added, hex uppercase.
  EXPECT_EQ(canonical("pkg:generic/%61bc@1%2e0%3a1"), "pkg:generic/abc@1.0:1");
  EXPECT_EQ(canonical("pkg:generic/a%2fb"), "pkg:generic/a%2Fb");  // '/' in a name
  EXPECT_EQ(canonical("pkg:generic/%E2%82%AC"), "pkg:generic/%E2%82%AC");
  EXPECT_EQ(canonical("pkg:generic/a%20b@1%2B2"), "pkg:generic/a%20b@1%2B2");
  EXPECT_EQ(parse_error("pkg:generic/ns%2Fx/name").message,
            "a namespace segment 'ns/x' contains '/'");
  EXPECT_EQ(parse_error("pkg:generic/name#a%2Fb").message,
            "a subpath segment 'a/b' contains '/'");
}

TEST(PurlParse, SlashesAndDotSegments) {
  EXPECT_EQ(canonical("pkg:generic//a//b/name#/./x/../y//"), "pkg:generic/a/b/name#x/y");
  EXPECT_EQ(canonical("pkg:generic/name#%2E%2E/."), "pkg:generic/name");
  // A trailing '/' leaves the name empty (strict) or is dropped (repair).
  EXPECT_EQ(parse_error("pkg:swift/github.com/Alamofire/@5.4.3").message,
            "the name is required");
  EXPECT_EQ(parse_error("pkg:maven/org/io/").message, "the name is required");
  EXPECT_EQ(canonical("pkg:maven/org/io/", Mode::repair), "pkg:maven/org/io");
}

TEST(PurlParse, VersionSeparatorIsTheLastAt) {
  auto purl = parse("pkg:brew/node@20@20.10.0");
  ASSERT_TRUE(purl);
  EXPECT_EQ(purl->name, "node@20");
  EXPECT_EQ(purl->version, "20.10.0");
  // An '@' followed by '/' is an unencoded npm scope: an error when strict,
  // repaired otherwise.
  EXPECT_EQ(parse_error("pkg:npm/@babel/core").kind, Error::Kind::syntax);
  EXPECT_EQ(canonical("pkg:npm/@babel/core@7.0.0", Mode::repair), "pkg:npm/%40babel/core@7.0.0");
  EXPECT_EQ(canonical("pkg:npm/@babel/core", Mode::repair), "pkg:npm/%40babel/core");
}

TEST(PurlParse, StrictRejectsCharactersThatMustBeEncoded) {
  EXPECT_EQ(parse_error("pkg:generic/a b").message, "' ' must be percent-encoded as %20");
  EXPECT_EQ(parse_error("pkg:generic/caf\xC3\xA9").offset, 15u);
  EXPECT_EQ(parse_error("pkg:generic/a#b#c").offset, 15u);
  EXPECT_EQ(canonical("pkg:generic/a b", Mode::repair), "pkg:generic/a%20b");
  EXPECT_EQ(canonical("pkg:generic/caf\xC3\xA9", Mode::repair), "pkg:generic/caf%C3%A9");
  EXPECT_EQ(canonical("pkg:generic/a#b#c", Mode::repair), "pkg:generic/a#b%23c");
}

TEST(PurlParse, TypeRules) {
  EXPECT_EQ(canonical("pkg:PYPI/Django_Package@1.0RC1"), "pkg:pypi/django-package@1.0rc1");
  EXPECT_EQ(canonical("pkg:github/Package-URL/Purl-Spec"), "pkg:github/package-url/purl-spec");
  EXPECT_EQ(canonical("pkg:maven/Org/IO"), "pkg:maven/Org/IO");  // case-sensitive
  EXPECT_EQ(parse_error("pkg:cargo/ns/rand").kind, Error::Kind::type_rule);
  EXPECT_EQ(parse_error("pkg:pub/foo-bar").kind, Error::Kind::type_rule);
  EXPECT_EQ(parse_error("pkg:cpan/drolsky/DateTime").kind, Error::Kind::type_rule);
  EXPECT_EQ(canonical("pkg:cpan/drolsky/DateTime", Mode::repair), "pkg:cpan/DROLSKY/DateTime");
  EXPECT_EQ(parse_error("pkg:swid/a/b/c/name?tag_id=x").kind, Error::Kind::type_rule);
  EXPECT_EQ(canonical("pkg:chrome-extension/DLPNGALGNEFJEIEFHMPKLPFIOHADPGLK@1.2"),
            "pkg:chrome-extension/dlpngalgnefjeiefhmpklpfiohadpglk@1.2");
  EXPECT_EQ(parse_error("pkg:chrome-extension/dlpngalgnefjeiefhmpklpfiohadpglk@1..2").kind,
            Error::Kind::type_rule);
  // Unregistered types get the generic rules only.
  EXPECT_FALSE(is_registered_type("bintray"));
  EXPECT_TRUE(is_registered_type("maven"));
  EXPECT_EQ(canonical("pkg:bintray/Apache/CouchDB@2.3.0"), "pkg:bintray/Apache/CouchDB@2.3.0");
}

TEST(PurlParse, GitNameIsAPathAfterTheHost) {
  auto purl = parse("pkg:git/codeberg.org/forgejo/forgejo@a72d2c0#options/x.md");
  ASSERT_TRUE(purl);
  EXPECT_EQ(purl->ns, "codeberg.org");
  EXPECT_EQ(purl->name, "forgejo/forgejo");
  EXPECT_EQ(to_string(*purl), "pkg:git/codeberg.org/forgejo/forgejo@a72d2c0#options/x.md");
  EXPECT_EQ(parse_error("pkg:git/host/a%2Fb").kind, Error::Kind::component);
  EXPECT_EQ(parse_error("pkg:git/forgejo").kind, Error::Kind::type_rule);
}

TEST(PurlBuild, NormalizesLikeParse) {
  PackageUrl in;
  in.type = "PyPI";
  in.name = "Django_Package";
  in.version = "1.0";
  in.qualifiers = {{"z", "1"}, {"a", ""}, {"b", "x y"}};
  in.subpath = "/a/./b/";
  auto purl = build(in);
  ASSERT_TRUE(purl);
  EXPECT_EQ(to_string(*purl), "pkg:pypi/django-package@1.0?b=x%20y&z=1#a/b");
  EXPECT_EQ(*parse(to_string(*purl)), *purl);

  in = PackageUrl{};
  in.type = "git";
  in.ns = "codeberg.org/forgejo";  // a namespace of two segments moves into the name
  in.name = "forgejo";
  purl = build(in);
  ASSERT_TRUE(purl);
  EXPECT_EQ(purl->ns, "codeberg.org");
  EXPECT_EQ(purl->name, "forgejo/forgejo");
}

TEST(PurlBuild, Rejects) {
  PackageUrl in;
  in.type = "npm";
  EXPECT_EQ(build(in).error().message, "the name is required");
  in.name = "/";
  EXPECT_EQ(build(in).error().message, "the name is required");
  in.name = "x";
  in.qualifiers = {{"in production", "true"}};
  EXPECT_EQ(build(in).error().kind, Error::Kind::component);
  EXPECT_EQ(build(in).error().offset, Error::no_offset);
  in.qualifiers.clear();
  in.version = "\xFF";
  EXPECT_EQ(build(in).error().message, "the version is not valid UTF-8");
  in = PackageUrl{};
  in.name = "x";
  EXPECT_EQ(build(in).error().message, "the type is missing");
}

TEST(PurlFormat, HandMadeValuesGetTheGenericRules) {
  PackageUrl purl;
  purl.type = "NPM";
  purl.ns = "/@scope//";
  purl.name = "a/b";
  purl.qualifiers = {{"Z", "1"}, {"a", ""}, {"b", "&="}};
  purl.subpath = "../x/.";
  EXPECT_EQ(to_string(purl), "pkg:npm/%40scope/a%2Fb?b=%26%3D&z=1#x");
}

}  // namespace
}  // namespace lotse::purl
