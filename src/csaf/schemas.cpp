#include "csaf/schemas.hpp"

#include <cstdlib>
#include <cstdio>

namespace lotse::csaf {

schema::Schema compile_embedded_schema(std::string_view uri, SchemaFlavour flavour) {
  schema::CompileOptions options;
  options.assert_formats = true;
  options.forbid_additional_properties = flavour == SchemaFlavour::strict;
  auto compiled = schema::Schema::compile(schema::embedded_registry(), uri, options);
  if (!compiled) {
    // The embedded schemas are part of the build and covered by the tests;
    // failing to compile them is a broken build, not bad input.
    std::fprintf(stderr, "lotse: internal error: %s\n", compiled.error().c_str());
    std::abort();
  }
  return std::move(*compiled);
}

namespace {

schema::Schema compile_or_die(std::string_view uri, bool strict) {
  return compile_embedded_schema(uri, strict ? SchemaFlavour::strict : SchemaFlavour::normal);
}

constexpr std::string_view kCsaf20 = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";
constexpr std::string_view kCsaf21 = "https://docs.oasis-open.org/csaf/csaf/v2.1/schema/csaf.json";

}  // namespace

const schema::Schema* document_schema(std::string_view csaf_version, SchemaFlavour flavour) {
  const bool strict = flavour == SchemaFlavour::strict;
  // Each schema is compiled on first use only: start-up stays fast.
  if (csaf_version == "2.0") {
    if (strict) {
      static const schema::Schema schema = compile_or_die(kCsaf20, true);
      return &schema;
    }
    static const schema::Schema schema = compile_or_die(kCsaf20, false);
    return &schema;
  }
  if (csaf_version == "2.1") {
    if (strict) {
      static const schema::Schema schema = compile_or_die(kCsaf21, true);
      return &schema;
    }
    static const schema::Schema schema = compile_or_die(kCsaf21, false);
    return &schema;
  }
  return nullptr;
}

}  // namespace lotse::csaf
