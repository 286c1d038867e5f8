// The compiled JSON schemas of each CSAF version, built on first use from the
// schemas embedded in the binary and then shared (compiling once is what
// makes validating thousands of documents cheap).
//
// Thread-safe: initialisation is guarded by C++ static-local semantics.
#pragma once

#include <string_view>

#include "schema/schema.hpp"

namespace lotse::csaf {

enum class SchemaFlavour {
  normal,  // the OASIS schema, formats asserted
  strict,  // additionally: no properties beyond the schema's (test 6.2.20)
};

// Compiles a schema embedded in the binary, formats asserted. The embedded
// schemas are part of the build and covered by the tests, so a failure is a
// broken build, not bad input: it aborts with the reason.
schema::Schema compile_embedded_schema(std::string_view uri, SchemaFlavour flavour);

// The schema for `csaf_version` ("2.0" or "2.1"), or nullptr for any other
// version.
const schema::Schema* document_schema(std::string_view csaf_version, SchemaFlavour flavour);

}  // namespace lotse::csaf
