// Validating CSAF documents: the entry point of `lotse validate`, and later
// of publishing and fetching (a provider must not publish, and a consumer
// should not accept, an advisory that fails).
//
// A preset chooses which checks run. `schema` checks the JSON schema of the
// document's `csaf_version` (2.0 or 2.1), with formats asserted; `strict`
// additionally forbids properties the schema does not define (the schema
// part of CSAF test 6.2.20); `basic` is `schema` plus every mandatory test
// (6.1.x), as the conformance clauses define it; `extended` is `basic`
// plus every optional test (6.2.x) and `full` is `extended` plus every
// informative test (6.3.x). Instead of a preset, a list of test ids
// ("schema", "6.1.13", ...) runs exactly those.
//
// Thread safety: validate_document() may run on many threads at once; the
// compiled schemas are built once and shared read-only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "csaf/finding.hpp"
#include "csaf/test_registry.hpp"
#include "json/parser.hpp"

namespace lotse::csaf {

enum class Preset { schema, strict, basic, extended, full };

// "schema" -> Preset::schema ...; an error message listing the valid names.
tl::expected<Preset, std::string> parse_preset(std::string_view name);

struct ValidateOptions {
  Preset preset = Preset::schema;
  // When not empty: run exactly these tests ("schema" or a registered id)
  // instead of the preset.
  std::vector<std::string> tests;
  json::ParseLimits limits;
  // What the tests may use beyond the document (network access ...).
  TestOptions test_options;
};

// Whether `options` runs `test` (by its preset, or by the list of ids):
// the one definition of what each preset includes, for the validator and
// for reports that list the rules of a run (SARIF).
bool selects(const ValidateOptions& options, const TestDefinition& test);

// Checks that every id in `tests` is "schema" or a registered test; the
// error names the unknown id.
tl::expected<void, std::string> check_test_ids(const std::vector<std::string>& tests);

// Validates one document given as text (taken over, not copied: inputs may
// be large). `file` is only copied into the result. Never throws on any
// input.
DocumentResult validate_document(std::string text, std::string file,
                                 const ValidateOptions& options);

// The result for a document refused before parsing (e.g. over the size
// limit): invalid, with one "json" finding carrying `message`.
DocumentResult refused_document(std::string file, std::string message);

// Validates an already parsed document (the text must be what `document`
// was parsed from, for line numbers).
void validate_parsed(const json::Document& document, const ValidateOptions& options,
                     DocumentResult& result);

}  // namespace lotse::csaf
