// JSON Schema validation: compile a schema once, validate many instances.
//
// Dialects are taken from each schema resource's `$schema`: draft 2020-12
// (CSAF 2.0/2.1, provider and aggregator metadata), 2019-09 (SPDX 2.3,
// evaluated with the 2020-12 engine; docs/json-schema.md lists the
// differences), draft-07 (CVSS v3.1, CVE 5.x), draft-06 and draft-04
// (CVSS v2/v3.0). `$ref`s resolve only against a Registry: never over the
// network. Patterns run through RE2 in linear time.
//
// Every violation is reported, each with the instance pointer, the keyword
// location (absolute schema URI + JSON pointer) and a readable message.
//
// Thread safety: a compiled Schema is immutable; validate() may run on many
// threads at once.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "json/value.hpp"
#include "schema/registry.hpp"

namespace lotse::schema {

enum class Dialect { draft4, draft6, draft7, draft2019_09, draft2020_12 };

struct CompileOptions {
  // Dialect for schemas without `$schema`.
  Dialect default_dialect = Dialect::draft2020_12;
  // Treat `format` as an assertion. The specification makes it an
  // annotation by default; Lotse turns it on for CSAF, CVE and provider
  // documents. A meta-schema that enables the format-assertion vocabulary
  // turns it on as well.
  bool assert_formats = false;
  // Treat every object schema that has `properties` but no
  // `additionalProperties` as if it said `"additionalProperties": false`
  // (the "strict" CSAF schema of test 6.2.20).
  bool forbid_additional_properties = false;
};

struct Violation {
  std::string instance_pointer;  // RFC 6901, "" for the root
  std::string keyword_location;  // absolute schema URI + "#" + pointer
  std::string message;
  std::size_t instance_offset = 0;  // byte offset of the offending value
};

struct Graph;  // the compiled nodes, private to the engine

class Schema {
 public:
  // Compiles the schema registered under `uri` in `registry` (which must
  // outlive the Schema). Errors name the unresolvable `$ref`, the invalid
  // pattern or the malformed keyword, with its schema location.
  static tl::expected<Schema, std::string> compile(const Registry& registry, std::string_view uri,
                                                   const CompileOptions& options = {});

  // True when `instance` is valid. When `violations` is given, every
  // violation is appended to it; without it, evaluation stops at the first.
  bool validate(const json::Value& instance, std::vector<Violation>* violations = nullptr) const;

 private:
  std::shared_ptr<const Graph> graph_;
};

}  // namespace lotse::schema
