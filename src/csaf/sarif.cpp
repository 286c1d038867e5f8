#include "csaf/sarif.hpp"

#include <algorithm>
#include <span>

#include "csaf/test_registry.hpp"
#include "json/writer.hpp"
#include "util/string_map.hpp"

namespace lotse::csaf {

namespace {

// The SARIF 2.1.0 schema as published by OASIS (errata 01).
constexpr std::string_view kSarifSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
// Lotse has no home page of its own yet: point at the specification whose
// section 6 defines the tests it runs.
constexpr std::string_view kInformationUri =
    "https://docs.oasis-open.org/csaf/csaf/v2.0/os/csaf-v2.0-os.html";

// ASCII only, whatever the locale.
bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

std::string_view sarif_level(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "error";
}

std::string_view group_name(Severity severity) {
  switch (severity) {
    case Severity::error: return "mandatory";
    case Severity::warning: return "optional";
    case Severity::info: return "informative";
  }
  return "mandatory";
}

// "Multiple Scores with same Version per Product" ->
// "MultipleScoresWithSameVersionPerProduct" (SARIF wants an identifier).
std::string pascal_case(std::string_view title) {
  std::string out;
  bool word_start = true;
  for (char c : title) {
    if (!is_ascii_alnum(static_cast<unsigned char>(c))) {
      word_start = true;
      continue;
    }
    out += word_start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    word_start = false;
  }
  return out;
}

SarifRule rule_for_test(const TestDefinition& test) {
  return SarifRule{std::string(test.id), pascal_case(test.name), std::string(test.name),
                   "CSAF " + std::string(test.csaf_version) + " section " + std::string(test.id) +
                       ", " + std::string(group_name(test.severity)) + " test: " +
                       std::string(test.name),
                   test.severity};
}

void append_text_message(std::string& out, std::string_view key, std::string_view text) {
  out += '"';
  out += key;
  out += "\":{\"text\":";
  json::write_string(out, text);
  out += '}';
}

}  // namespace

std::vector<SarifRule> sarif_rules(const ValidateOptions& options) {
  std::vector<SarifRule> rules;
  rules.push_back({"json", "JsonSyntax", "Well-formed JSON within the size and depth limits",
                   "The document parses as RFC 8259 JSON (no duplicate keys, valid UTF-8) within "
                   "--max-size and --max-depth.",
                   Severity::error});
  const bool tests_listed = !options.tests.empty();
  const bool schema_selected =
      !tests_listed || std::find(options.tests.begin(), options.tests.end(), "schema") != options.tests.end();
  if (schema_selected) {
    rules.push_back({"schema", "JsonSchema", "Valid against the CSAF JSON schema",
                     "The document is valid against the JSON schema of its csaf_version (formats "
                     "asserted; with --preset strict no properties the schema does not define).",
                     Severity::error});
  }
  if (!tests_listed && options.preset >= Preset::basic) {
    rules.push_back({"preset", "PresetCoverage", "Tests of the preset not implemented for this version",
                     "Notes that the CSAF tests of the document's csaf_version are not implemented "
                     "yet, so that only part of the preset was checked.",
                     Severity::info});
  }
  for (const TestDefinition& test : all_tests()) {
    if (!selects(options, test)) continue;
    // Tests of several CSAF versions may share an id: one rule per id.
    auto same_id = [&](const SarifRule& r) { return r.id == test.id; };
    if (std::none_of(rules.begin(), rules.end(), same_id)) rules.push_back(rule_for_test(test));
  }
  return rules;
}

std::string uri_reference_for_path(std::string_view path) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  std::size_t i = 0;
  if (!path.empty() && path[0] == '/') {
    while (i < path.size() && path[i] == '/') ++i;
    out += '/';
  }
  for (; i < path.size(); ++i) {
    const auto c = static_cast<unsigned char>(path[i]);
    if (is_ascii_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  return out;
}

bool columns_need_conversion(std::string_view source) {
  return std::any_of(source.begin(), source.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

void to_utf16_columns(DocumentResult& result, std::string_view source) {
  if (!columns_need_conversion(source)) return;
  std::vector<std::size_t> line_starts{0};
  for (std::size_t i = 0; i < source.size(); ++i) {
    if (source[i] == '\n') line_starts.push_back(i + 1);
  }
  for (Finding& finding : result.findings) {
    if (finding.line == 0 || finding.line > line_starts.size() || finding.column == 0) continue;
    const std::size_t start = line_starts[finding.line - 1];
    const std::size_t end = std::min(source.size(), start + finding.column - 1);
    std::size_t units = 0;
    for (std::size_t i = start; i < end; ++i) {
      const auto byte = static_cast<unsigned char>(source[i]);
      if ((byte & 0xC0) == 0x80) continue;  // continuation byte: counted with its lead
      units += byte >= 0xF0 ? 2 : 1;        // four-byte sequences are surrogate pairs
    }
    finding.column = units + 1;
  }
}

SarifWriter::SarifWriter(std::vector<SarifRule> rules, const std::vector<std::string>& files,
                         std::string tool_version, std::string working_directory)
    : rules_(std::move(rules)),
      tool_version_(std::move(tool_version)),
      working_directory_(std::move(working_directory)) {
  // SARIF requires the artifacts to be unique: a file given twice is one
  // artifact that both inputs point at.
  util::StringViewMap<std::size_t> seen;
  artifact_of_input_.reserve(files.size());
  for (const std::string& file : files) {
    auto [it, inserted] = seen.try_emplace(file, artifact_files_.size());
    if (inserted) artifact_files_.push_back(file);
    artifact_of_input_.push_back(it->second);
  }
}

long SarifWriter::rule_index(std::string_view id) const {
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    if (rules_[i].id == id) return static_cast<long>(i);
  }
  return -1;
}

std::string SarifWriter::begin() const {
  std::string out = "{\"$schema\":";
  json::write_string(out, kSarifSchema);
  out += ",\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"lotse\",\"version\":";
  json::write_string(out, tool_version_);
  out += ",\"informationUri\":";
  json::write_string(out, kInformationUri);
  out += ",\"rules\":[";
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    const SarifRule& rule = rules_[i];
    out += i ? ",\n" : "\n";
    out += "{\"id\":";
    json::write_string(out, rule.id);
    out += ",\"name\":";
    json::write_string(out, rule.name);
    out += ',';
    append_text_message(out, "shortDescription", rule.title);
    out += ',';
    append_text_message(out, "fullDescription", rule.description);
    out += ",\"defaultConfiguration\":{\"level\":\"";
    out += sarif_level(rule.severity);
    out += "\"}}";
  }
  out += "]}},\n";
  if (!working_directory_.empty()) {
    std::string base = uri_reference_for_path(working_directory_);
    if (!base.ends_with('/')) base += '/';
    out += "\"originalUriBaseIds\":{\"CWD\":{\"uri\":";
    json::write_string(out, "file://" + base);
    out += "}},\n";
  }
  out += "\"columnKind\":\"utf16CodeUnits\",\"artifacts\":[";
  for (std::size_t i = 0; i < artifact_files_.size(); ++i) {
    const std::string& file = artifact_files_[i];
    out += i ? ",\n" : "\n";
    if (file == "-") {
      out += "{\"location\":{\"description\":{\"text\":\"standard input\"}},"
             "\"roles\":[\"analysisTarget\",\"standardStream\"],\"mimeType\":\"application/json\"}";
    } else {
      out += "{\"location\":{\"uri\":";
      json::write_string(out, uri_reference_for_path(file));
      out += ",\"uriBaseId\":\"CWD\"},\"roles\":[\"analysisTarget\"],\"mimeType\":\"application/json\"}";
    }
  }
  out += "],\n\"results\":[\n";
  return out;
}

void SarifWriter::write_artifact_location(std::string& out, std::size_t file_index) const {
  const std::size_t artifact = artifact_of_input_.at(file_index);
  const std::string& file = artifact_files_[artifact];
  out += "\"artifactLocation\":{";
  if (file == "-") {
    out += "\"description\":{\"text\":\"standard input\"}";
  } else {
    out += "\"uri\":";
    json::write_string(out, uri_reference_for_path(file));
    out += ",\"uriBaseId\":\"CWD\"";
  }
  out += ",\"index\":" + std::to_string(artifact) + "}";
}

std::string SarifWriter::render(const DocumentResult& result, std::size_t file_index) const {
  std::string out;
  auto open_result = [&](std::string_view rule_id) {
    if (!out.empty()) out += ",\n";
    out += "{\"ruleId\":";
    json::write_string(out, rule_id);
    if (long index = rule_index(rule_id); index >= 0) out += ",\"ruleIndex\":" + std::to_string(index);
  };
  for (const Finding& f : result.findings) {
    open_result(f.test);
    out += ",\"level\":\"";
    out += sarif_level(f.severity);
    out += "\",";
    append_text_message(out, "message", f.message);
    out += ",\"locations\":[{\"physicalLocation\":{";
    write_artifact_location(out, file_index);
    if (f.line > 0) {
      out += ",\"region\":{\"startLine\":" + std::to_string(f.line);
      if (f.column > 0) out += ",\"startColumn\":" + std::to_string(f.column);
      out += '}';
    }
    out += '}';
    if (!f.pointer.empty()) {
      out += ",\"logicalLocations\":[{\"fullyQualifiedName\":";
      json::write_string(out, f.pointer);
      out += '}';
      out += ']';
    }
    out += "}],\"properties\":{\"jsonPointer\":";
    json::write_string(out, f.pointer);
    if (!f.schema_location.empty()) {
      out += ",\"schemaLocation\":";
      json::write_string(out, f.schema_location);
    }
    out += "}}";
  }
  for (const SkippedTest& skipped : result.skipped) {
    open_result(skipped.test);
    out += ",\"kind\":\"notApplicable\",\"level\":\"none\",";
    append_text_message(out, "message", "skipped: " + skipped.reason);
    out += ",\"locations\":[{\"physicalLocation\":{";
    write_artifact_location(out, file_index);
    out += "}}]}";
  }
  return out;
}

std::string SarifWriter::add(std::string rendered) {
  if (rendered.empty()) return rendered;
  if (any_result_) rendered.insert(0, ",\n");
  any_result_ = true;
  return rendered;
}

void SarifWriter::note_error(std::size_t file_index, std::string message) {
  std::string out = "{\"level\":\"error\",";
  append_text_message(out, "message", message);
  if (file_index != npos) {
    out += ",\"locations\":[{\"physicalLocation\":{";
    write_artifact_location(out, file_index);
    out += "}}]";
  }
  out += '}';
  notifications_.push_back(std::move(out));
}

std::string SarifWriter::end(int exit_code) const {
  std::string out = any_result_ ? "\n" : "";
  out += "],\n\"invocations\":[{\"executionSuccessful\":";
  out += exit_code == 2 ? "false" : "true";
  out += ",\"exitCode\":" + std::to_string(exit_code);
  out += ",\"toolExecutionNotifications\":[";
  for (std::size_t i = 0; i < notifications_.size(); ++i) {
    out += i ? ",\n" : "\n";
    out += notifications_[i];
  }
  out += "]}]}]}\n";
  return out;
}

}  // namespace lotse::csaf
