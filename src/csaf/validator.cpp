#include "csaf/validator.hpp"

#include <algorithm>

#include "csaf/schemas.hpp"
#include "csaf/test_registry.hpp"

namespace lotse::csaf {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "error";
}

tl::expected<Preset, std::string> parse_preset(std::string_view name) {
  if (name == "schema") return Preset::schema;
  if (name == "strict") return Preset::strict;
  if (name == "basic") return Preset::basic;
  if (name == "extended") return Preset::extended;
  if (name == "full") return Preset::full;
  return tl::unexpected("unknown preset \"" + std::string(name) +
                        "\" (available: schema, strict, basic, extended, full)");
}

tl::expected<void, std::string> check_test_ids(const std::vector<std::string>& tests) {
  for (const std::string& id : tests) {
    if (id != "schema" && !find_test(id)) {
      return tl::unexpected("unknown test \"" + id +
                            "\" (ids: schema, 6.1.1 ... 6.1.33, 6.2.1 ... 6.2.20, 6.3.1 ... 6.3.11)");
    }
  }
  return {};
}

namespace {

// Whether `preset` includes the tests of this severity (mandatory tests
// are errors, optional ones warnings, informative ones info).
bool preset_includes(Preset preset, Severity severity) {
  switch (severity) {
    case Severity::error: return preset >= Preset::basic;
    case Severity::warning: return preset >= Preset::extended;
    case Severity::info: return preset == Preset::full;
  }
  return false;
}

}  // namespace

bool selects(const ValidateOptions& options, const TestDefinition& test) {
  if (!options.tests.empty()) {
    return std::find(options.tests.begin(), options.tests.end(), test.id) != options.tests.end();
  }
  return preset_includes(options.preset, test.severity);
}

namespace {

void add_finding(DocumentResult& result, const json::LineIndex& lines, Finding finding,
                 std::size_t offset) {
  json::Location where = lines.locate(offset);
  finding.line = where.line;
  finding.column = where.column;
  if (finding.severity == Severity::error) result.valid = false;
  result.findings.push_back(std::move(finding));
}

}  // namespace

void validate_parsed(const json::Document& document, const ValidateOptions& options,
                     DocumentResult& result) {
  const json::Value& root = document.root();
  const json::LineIndex lines(document.source());
  std::string_view version = "2.0";
  const json::Value* version_value = nullptr;
  if (const json::Value* doc = root.find("document")) version_value = doc->find("csaf_version");
  if (version_value && version_value->is_string()) version = version_value->as_string();
  const auto flavour = options.preset == Preset::strict ? SchemaFlavour::strict : SchemaFlavour::normal;
  const schema::Schema* schema = document_schema(version, flavour);
  if (!schema) {
    // Unknown versions are reported, then checked against 2.0 so that the
    // user still sees every other problem.
    add_finding(result, lines,
                Finding{"schema", Severity::error, "/document/csaf_version",
                        "unsupported csaf_version \"" + std::string(version) +
                            "\" (supported: 2.0, 2.1)",
                        {}, 0, 0},
                version_value ? version_value->offset() : 0);
    schema = document_schema("2.0", flavour);
  }
  const bool run_schema = options.tests.empty() ||
                          std::find(options.tests.begin(), options.tests.end(), "schema") != options.tests.end();
  std::vector<schema::Violation> violations;
  if (run_schema) schema->validate(root, &violations);
  for (schema::Violation& v : violations) {
    add_finding(result, lines,
                Finding{"schema", Severity::error, std::move(v.instance_pointer),
                        std::move(v.message), std::move(v.keyword_location), 0, 0},
                v.instance_offset);
  }
  // The CSAF tests run whether or not the schema passed: a user fixing a
  // document wants every problem at once. They are those of the document's
  // CSAF version; versions without registered tests fall back to 2.0's
  // (an unknown version was reported above).
  const std::string_view tests_version = version == "2.1" ? "2.1" : "2.0";
  bool any_for_version = false;
  for (const TestDefinition& test : all_tests()) any_for_version |= test.csaf_version == tests_version;
  if (options.preset >= Preset::basic && options.tests.empty() && !any_for_version) {
    Finding note{"preset", Severity::info, "/document/csaf_version",
                 "the tests of CSAF " + std::string(tests_version) +
                     " section 6 are not implemented yet: only the schema was checked",
                 {}, 0, 0};
    add_finding(result, lines, std::move(note), version_value ? version_value->offset() : 0);
  }
  DocumentIndexes indexes(document);
  for (const TestDefinition& test : all_tests()) {
    if (test.csaf_version != tests_version) continue;
    if (selects(options, test)) run_test(test, document, lines, result, options.test_options, indexes);
  }
}

DocumentResult refused_document(std::string file, std::string message) {
  DocumentResult result;
  result.file = std::move(file);
  result.valid = false;
  result.findings.push_back(Finding{"json", Severity::error, "", std::move(message), {}, 0, 0});
  return result;
}

DocumentResult validate_document(std::string text, std::string file,
                                 const ValidateOptions& options) {
  DocumentResult result;
  result.file = std::move(file);
  auto document = json::parse(std::move(text), options.limits);
  if (!document) {
    const json::ParseError& e = document.error();
    std::string message = e.message;
    if (e.first) {
      message += " (first at line " + std::to_string(e.first->line) + ", column " +
                 std::to_string(e.first->column) + ")";
    }
    result.valid = false;
    result.findings.push_back(
        Finding{"json", Severity::error, "", std::move(message), {}, e.where.line, e.where.column});
    return result;
  }
  validate_parsed(*document, options, result);
  return result;
}

}  // namespace lotse::csaf
