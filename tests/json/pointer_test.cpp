#include <gtest/gtest.h>

#include "json/parser.hpp"
#include "json/pointer.hpp"

#include <string>
#include <vector>

namespace lotse::json {
namespace {

TEST(JsonPointer, EscapesTildeAndSlash) {
  std::string p;
  append_pointer_token(p, "a/b~c");
  append_pointer_index(p, 12);
  EXPECT_EQ(p, "/a~1b~0c/12");
}

TEST(JsonPointer, ResolvesRfc6901Examples) {
  auto doc = parse(R"({"foo":["bar","baz"],"":0,"a/b":1,"c%d":2,"e^f":3,"g|h":4,"i\\j":5,"k\"l":6," ":7,"m~n":8})");
  ASSERT_TRUE(doc);
  const Value& root = doc->root();
  EXPECT_EQ(resolve_pointer(root, ""), &root);
  EXPECT_EQ(resolve_pointer(root, "/foo")->size(), 2u);
  EXPECT_EQ(resolve_pointer(root, "/foo/0")->as_string(), "bar");
  EXPECT_EQ(resolve_pointer(root, "/")->text(), "0");
  EXPECT_EQ(resolve_pointer(root, "/a~1b")->text(), "1");
  EXPECT_EQ(resolve_pointer(root, "/c%d")->text(), "2");
  EXPECT_EQ(resolve_pointer(root, "/i\\j")->text(), "5");
  EXPECT_EQ(resolve_pointer(root, "/ ")->text(), "7");
  EXPECT_EQ(resolve_pointer(root, "/m~0n")->text(), "8");
}

TEST(JsonPointer, RejectsMalformedAndMissing) {
  auto doc = parse(R"({"a":[1,2]})");
  ASSERT_TRUE(doc);
  EXPECT_EQ(resolve_pointer(doc->root(), "a"), nullptr);
  EXPECT_EQ(resolve_pointer(doc->root(), "/a/01"), nullptr);
  EXPECT_EQ(resolve_pointer(doc->root(), "/a/-"), nullptr);
  EXPECT_EQ(resolve_pointer(doc->root(), "/a/2"), nullptr);
  EXPECT_EQ(resolve_pointer(doc->root(), "/b"), nullptr);
  EXPECT_FALSE(parse_pointer("/a~2"));
  EXPECT_FALSE(parse_pointer("/a~"));
  auto tokens = parse_pointer("/x~1y/~0");
  ASSERT_TRUE(tokens);
  EXPECT_EQ((*tokens)[0], "x/y");
  EXPECT_EQ((*tokens)[1], "~");
}

// Every value of a document, in no particular order.
void collect(const Value& value, std::vector<const Value*>& out) {
  out.push_back(&value);
  if (value.is_array()) {
    for (const Value& item : value.items()) collect(item, out);
  } else if (value.is_object()) {
    for (const Member& m : value.members()) collect(m.value, out);
  }
}

TEST(JsonPointerTo, NamesEveryValueOfADocumentSoThatItResolvesBack) {
  auto doc = parse(R"({"a":[1,[2,[]],{"b/c":{"~":null}},"x"],"":{"":[{}]},"z":[[[[0]]]],
                       "s":"text with [brackets] and {braces}","n":-1.5e3})");
  ASSERT_TRUE(doc);
  std::vector<const Value*> values;
  collect(doc->root(), values);
  EXPECT_EQ(values.size(), 20u);
  for (const Value* v : values) {
    const std::string pointer = pointer_to(doc->root(), *v);
    EXPECT_EQ(resolve_pointer(doc->root(), pointer), v) << pointer;
  }
  EXPECT_EQ(pointer_to(doc->root(), doc->root()), "");
  EXPECT_EQ(pointer_to(doc->root(), *resolve_pointer(doc->root(), "/a/2/b~1c/~0")), "/a/2/b~1c/~0");
}

TEST(JsonPointerTo, CostsNoMemoryOnAHundredThousandItemArray) {
  std::string text = "[";
  for (int i = 0; i < 100000; ++i) text += (i ? ",[" : "[") + std::to_string(i) + "]";
  text += "]";
  auto doc = parse(text);
  ASSERT_TRUE(doc);
  const Value& last = doc->root().items().back().items().front();
  EXPECT_EQ(pointer_to(doc->root(), last), "/99999/0");
  EXPECT_EQ(pointer_to(doc->root(), doc->root().items()[4711]), "/4711");
}

}  // namespace
}  // namespace lotse::json
