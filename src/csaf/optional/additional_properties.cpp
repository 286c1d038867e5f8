// 6.2.20 Additional Properties: the document is validated against the
// "strict" CSAF 2.0 schema (csaf/schemas.hpp, SchemaFlavour::strict: every
// object schema with `properties` forbids other properties), the check the
// section deems sufficient. Only the violations of `additionalProperties`
// are this test's; every other violation is the schema's (preset `schema`).
#include <string>
#include <vector>

#include "csaf/optional/optional_tests.hpp"
#include "csaf/schemas.hpp"
#include "schema/schema.hpp"
#include "util/string_map.hpp"

namespace lotse::csaf::optional {

// Properties the schema does not define are invisible to every consumer
// that follows the schema, and are often typos of defined ones.
void additional_properties(TestContext& context) {
  const schema::Schema* strict = document_schema("2.0", SchemaFlavour::strict);
  if (!strict) return;
  std::vector<schema::Violation> violations;
  if (strict->validate(context.root(), &violations)) return;
  // A property that fails several alternatives of a oneOf/anyOf (e.g. the
  // CVSS v3.0 and v3.1 schemas of cvss_v3) is reported by each: once is
  // enough.
  util::StringSet reported;
  for (schema::Violation& violation : violations) {
    if (!violation.keyword_location.ends_with("/additionalProperties")) continue;
    if (!reported.insert(violation.instance_pointer).second) continue;
    context.report(std::move(violation.instance_pointer),
                   violation.message + " (the CSAF 2.0 JSON schema does not define it); expected only the "
                                       "properties the schema defines");
  }
}

}  // namespace lotse::csaf::optional
