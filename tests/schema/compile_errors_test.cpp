// Malformed schemas compile to a clear error, never a crash (found by the
// schema fuzzer).
#include <gtest/gtest.h>

#include "schema/schema.hpp"

namespace lotse::schema {
namespace {

std::string compile_error(std::string_view text) {
  Registry registry;
  EXPECT_TRUE(registry.add("urn:lotse:test", text));
  auto schema = Schema::compile(registry, "urn:lotse:test");
  EXPECT_FALSE(schema) << text;
  return schema ? std::string() : schema.error();
}

TEST(SchemaCompile, RejectsArrayWhereASubschemaBelongs) {
  EXPECT_NE(compile_error(R"({"unevaluatedProperties":[{"properties":{"a":true}}]})")
                .find("must be an object or a boolean"),
            std::string::npos);
  EXPECT_NE(compile_error(R"({"not":[1]})").find("/not"), std::string::npos);
}

TEST(SchemaCompile, NamesUnresolvableReferencesWithoutFetching) {
  EXPECT_NE(compile_error(R"({"$ref":"https://attacker.example/s.json"})").find("never fetches"),
            std::string::npos);
  EXPECT_NE(compile_error(R"({"$ref":"#/$defs/missing"})").find("names nothing"), std::string::npos);
}

TEST(SchemaCompile, RejectsBadPatternsAndKeywordValues) {
  EXPECT_FALSE(compile_error(R"({"pattern":"(a"})").empty());
  EXPECT_NE(compile_error(R"({"minLength":-1})").find("non-negative integer"), std::string::npos);
  EXPECT_NE(compile_error(R"({"type":"strin"})").find("type"), std::string::npos);
}

TEST(SchemaValidate, StopsRefCyclesThatConsumeNoInput) {
  Registry registry;
  ASSERT_TRUE(registry.add("urn:lotse:test", R"({"anyOf":[{"$ref":"#"},{"$ref":"#"}]})"));
  auto schema = Schema::compile(registry, "urn:lotse:test");
  ASSERT_TRUE(schema) << schema.error();
  Registry instance_registry;
  ASSERT_TRUE(instance_registry.add("urn:i", "1"));
  std::vector<Violation> violations;
  EXPECT_FALSE(schema->validate(instance_registry.find("urn:i")->root(), &violations));
  EXPECT_FALSE(violations.empty());
}

}  // namespace
}  // namespace lotse::schema
