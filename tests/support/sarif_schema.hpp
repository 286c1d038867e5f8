// Checking a SARIF log against the OASIS SARIF 2.1.0 schema (from the
// shared test suites) with Lotse's own schema engine, formats asserted (so
// every "uri" and "uri-reference" is checked too). Shared by the SARIF
// writer's unit tests and the CLI tests.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "json/value.hpp"
#include "schema/schema.hpp"
#include "support/testsuites.hpp"

namespace lotse::testing {

inline constexpr const char* kSarifSchemaId =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

// The compiled schema (once per process), or why it did not compile.
inline const tl::expected<schema::Schema, std::string>& sarif_schema() {
  static const schema::Registry registry = [] {
    schema::Registry r;
    r.add_embedded();
    auto added = r.add(kSarifSchemaId, read_text(testsuites_dir() / "sarif" / "sarif-schema-2.1.0.json"));
    EXPECT_TRUE(added) << added.error();
    return r;
  }();
  static const auto compiled = [] {
    schema::CompileOptions options;
    options.assert_formats = true;
    return schema::Schema::compile(registry, kSarifSchemaId, options);
  }();
  return compiled;
}

// Empty when `log` is valid SARIF 2.1.0, else the first violations.
inline std::string sarif_violations(const json::Value& log) {
  const auto& schema = sarif_schema();
  if (!schema) return "the SARIF schema did not compile: " + schema.error();
  std::vector<schema::Violation> violations;
  if (schema->validate(log, &violations)) return "";
  std::string out;
  for (std::size_t i = 0; i < violations.size() && i < 20; ++i) {
    out += violations[i].instance_pointer + ": " + violations[i].message + "\n";
  }
  return out;
}

inline std::string sarif_violations(const json::Document& log) { return sarif_violations(log.root()); }

}  // namespace lotse::testing
