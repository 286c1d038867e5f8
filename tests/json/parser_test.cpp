#include <gtest/gtest.h>

#include "json/parser.hpp"
#include "json/writer.hpp"

namespace lotse::json {
namespace {

ParseError parse_error(std::string_view text, const ParseLimits& limits = {}) {
  auto doc = parse(text, limits);
  EXPECT_FALSE(doc) << "accepted: " << text;
  return doc ? ParseError{} : doc.error();
}

TEST(Parser, ParsesAllTypesAndKeepsMemberOrder) {
  auto doc = parse(R"({"z": 1, "a": [true, false, null, "x", -1.5e2], "m": {}})");
  ASSERT_TRUE(doc);
  const Value& root = doc->root();
  ASSERT_TRUE(root.is_object());
  ASSERT_EQ(root.size(), 3u);
  EXPECT_EQ(root.members()[0].key, "z");
  EXPECT_EQ(root.members()[1].key, "a");
  EXPECT_EQ(root.members()[2].key, "m");
  const Value* a = root.find("a");
  ASSERT_TRUE(a && a->is_array());
  EXPECT_TRUE(a->at(0)->as_bool());
  EXPECT_FALSE(a->at(1)->as_bool());
  EXPECT_TRUE(a->at(2)->is_null());
  EXPECT_EQ(a->at(3)->as_string(), "x");
  EXPECT_DOUBLE_EQ(a->at(4)->as_double(), -150.0);
  EXPECT_EQ(a->at(4)->text(), "-1.5e2");
  EXPECT_TRUE(a->at(4)->is_integer());
}

TEST(Parser, DecodesEscapesAndSurrogatePairs) {
  auto doc = parse(R"(["a\"b\\c\/\n\u00e9\ud83d\ude00"])");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->root().at(0)->as_string(), "a\"b\\c/\n\xC3\xA9\xF0\x9F\x98\x80");
}

TEST(Parser, IntegerDetectionIsExact) {
  auto doc = parse("[1, 1.0, 1.5, 1e2, 12.5e1, 1.25e1, 0.0, 1e400, 100e-2, 100e-3]");
  ASSERT_TRUE(doc);
  bool expected[] = {true, true, false, true, true, false, true, true, true, false};
  for (std::size_t i = 0; i < 10; ++i) {
    EXPECT_EQ(doc->root().at(i)->is_integer(), expected[i]) << i;
  }
}

TEST(Parser, ReportsLineAndColumnOfSyntaxErrors) {
  ParseError e = parse_error("{\n  \"a\": 1,\n  \"b\" 2\n}");
  EXPECT_EQ(e.where.line, 3u);
  EXPECT_EQ(e.where.column, 7u);
  EXPECT_NE(e.message.find("expected ':'"), std::string::npos) << e.message;
}

TEST(Parser, RejectsDuplicateKeysNamingBothPlaces) {
  ParseError e = parse_error("{\"id\": 1,\n \"id\": 2}");
  EXPECT_EQ(e.kind, ParseError::Kind::duplicate_key);
  EXPECT_EQ(e.where.line, 2u);
  ASSERT_TRUE(e.first);
  EXPECT_EQ(e.first->line, 1u);
  EXPECT_EQ(e.first->column, 2u);
}

TEST(Parser, RejectsDuplicateKeysInLargeObjects) {
  std::string text = "{";
  for (int i = 0; i < 100; ++i) text += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
  text += "\"k42\":0}";
  EXPECT_EQ(parse_error(text).kind, ParseError::Kind::duplicate_key);
}

TEST(Parser, RejectsInvalidUtf8AtItsOffset) {
  ParseError e = parse_error("[\"ab\xC3\x28\"]");
  EXPECT_EQ(e.kind, ParseError::Kind::invalid_utf8);
  EXPECT_EQ(e.where.offset, 4u);
  EXPECT_EQ(parse_error("\"\xED\xA0\x80\"").kind, ParseError::Kind::invalid_utf8);  // surrogate
  EXPECT_EQ(parse_error("\"\xC0\xAF\"").kind, ParseError::Kind::invalid_utf8);      // overlong
  EXPECT_EQ(parse_error("\"\xF4\x90\x80\x80\"").kind, ParseError::Kind::invalid_utf8);
}

TEST(Parser, RejectsLoneSurrogateEscapes) {
  EXPECT_EQ(parse_error(R"(["\ud800"])").kind, ParseError::Kind::invalid_escape);
  EXPECT_EQ(parse_error(R"(["\udc00"])").kind, ParseError::Kind::invalid_escape);
  EXPECT_EQ(parse_error(R"(["\ud800\u0041"])").kind, ParseError::Kind::invalid_escape);
}

TEST(Parser, RejectsWhatRfc8259Forbids) {
  EXPECT_EQ(parse_error("").kind, ParseError::Kind::empty_input);
  EXPECT_EQ(parse_error("  \n").kind, ParseError::Kind::empty_input);
  EXPECT_EQ(parse_error("\xEF\xBB\xBF{}").kind, ParseError::Kind::byte_order_mark);
  EXPECT_EQ(parse_error("{} x").kind, ParseError::Kind::trailing_content);
  EXPECT_EQ(parse_error("[1] [2]").kind, ParseError::Kind::trailing_content);
  EXPECT_NE(parse_error("[NaN]").message.find("NaN"), std::string::npos);
  EXPECT_NE(parse_error("[Infinity]").message.find("Infinity"), std::string::npos);
  EXPECT_NE(parse_error("[-Infinity]").message.find("Infinity"), std::string::npos);
  parse_error("[01]");
  parse_error("[1.]");
  parse_error("[.5]");
  parse_error("[1e]");
  parse_error("[+1]");
  parse_error("[\"a\tb\"]");
  parse_error("[\"\\x\"]");
  parse_error("{\"a\":1,}");
  parse_error("[1,]");
  parse_error("{'a':1}");
  parse_error("[tru]");
  parse_error("\"unterminated");
}

TEST(Parser, EnforcesLimits) {
  ParseLimits limits;
  limits.max_depth = 10;
  EXPECT_EQ(parse_error(std::string(11, '[') + std::string(11, ']'), limits).kind,
            ParseError::Kind::too_deep);
  EXPECT_TRUE(parse(std::string(10, '[') + std::string(10, ']'), limits));
  limits.max_size = 5;
  EXPECT_EQ(parse_error("[1,2,3]", limits).kind, ParseError::Kind::too_large);
  limits = {};
  limits.max_string_length = 3;
  EXPECT_EQ(parse_error("[\"abcd\"]", limits).kind, ParseError::Kind::string_too_long);
  EXPECT_EQ(parse_error("[\"ab\\ncd\"]", limits).kind, ParseError::Kind::string_too_long);
}

TEST(Parser, SurvivesHundredThousandDeepNestingWithAClearError) {
  std::string deep(100000, '[');
  ParseError e = parse_error(deep);
  EXPECT_EQ(e.kind, ParseError::Kind::too_deep);
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
  EXPECT_EQ(parse_error(objects).kind, ParseError::Kind::too_deep);
}

TEST(Writer, RoundTripsAndReplacesInvalidUtf8) {
  auto doc = parse(R"({"a":[1,"x\ty",{"b":null}],"c":-0.5e3})");
  ASSERT_TRUE(doc);
  std::string out;
  write_value(out, doc->root());
  EXPECT_EQ(out, R"({"a":[1,"x\ty",{"b":null}],"c":-0.5e3})");
  out.clear();
  write_string(out, "a\xFF" "b\x01");
  EXPECT_EQ(out, "\"a\xEF\xBF\xBD" "b\\u0001\"");
}

TEST(Equality, NumbersCompareByValueAndObjectsIgnoreOrder) {
  auto a = parse(R"([1, {"x":1,"y":[2]}])");
  auto b = parse(R"([1.0, {"y":[2.0],"x":1}])");
  ASSERT_TRUE(a && b);
  EXPECT_TRUE(equal(a->root(), b->root()));
  EXPECT_EQ(hash(a->root()), hash(b->root()));
  auto c = parse(R"([1, {"x":1,"y":[3]}])");
  EXPECT_FALSE(equal(a->root(), c->root()));
}

}  // namespace
}  // namespace lotse::json

namespace lotse::json {
namespace {

// The string and whitespace scanners work 16 bytes at a time: put the
// interesting byte at every position around the block boundaries.
TEST(Parser, FindsQuotesEscapesAndControlBytesAtEveryOffset) {
  for (std::size_t pad = 0; pad < 40; ++pad) {
    std::string plain(pad, 'x');
    auto doc = parse("[\"" + plain + "\"]");
    ASSERT_TRUE(doc) << pad;
    EXPECT_EQ(doc->root().at(0)->as_string(), plain);
    auto escaped = parse("[\"" + plain + "\\n" + plain + "\\u00e9\"]");
    ASSERT_TRUE(escaped) << pad;
    EXPECT_EQ(escaped->root().at(0)->as_string(), plain + "\n" + plain + "\xC3\xA9");
    auto control = parse("[\"" + plain + "\x01" + "\"]");
    ASSERT_FALSE(control) << pad;
    EXPECT_EQ(control.error().where.offset, pad + 2);
    auto del = parse("[\"" + plain + "\x7F\xC3\xA9\"]");  // DEL and non-ASCII are allowed
    ASSERT_TRUE(del) << pad;
    auto spaced = parse(std::string(pad, ' ') + "[" + std::string(pad, '\n') + "1" + std::string(pad, '\t') + "]" +
                        std::string(pad, ' '));
    ASSERT_TRUE(spaced) << pad;
    EXPECT_EQ(spaced->root().at(0)->text(), "1");
    auto unterminated = parse("[\"" + plain + "\\");
    EXPECT_FALSE(unterminated) << pad;
  }
}

}  // namespace
}  // namespace lotse::json
