// Any bytes as a JSON Schema, validated against the first element: hostile
// schemas (patterns, $refs, recursion) must compile to an error or a schema
// that evaluates without crashing; collecting and first-failure modes agree.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "json/parser.hpp"
#include "json/writer.hpp"
#include "schema/schema.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Input: [schema, instance] as one JSON array.
  lotse::json::ParseLimits limits;
  limits.max_depth = 64;
  auto doc = lotse::json::parse(std::string_view(reinterpret_cast<const char*>(data), size), limits);
  if (!doc || !doc->root().is_array() || doc->root().size() != 2) return 0;
  std::string schema_text;
  lotse::json::write_value(schema_text, *doc->root().at(0));
  lotse::schema::Registry registry;
  if (!registry.add("urn:lotse:fuzz", schema_text)) return 0;
  for (bool formats : {false, true}) {
    lotse::schema::CompileOptions options;
    options.assert_formats = formats;
    auto schema = lotse::schema::Schema::compile(registry, "urn:lotse:fuzz", options);
    if (!schema) continue;
    std::vector<lotse::schema::Violation> violations;
    bool collected = schema->validate(*doc->root().at(1), &violations);
    bool fast = schema->validate(*doc->root().at(1));
    if (collected != fast || collected != violations.empty()) std::abort();
  }
  return 0;
}
