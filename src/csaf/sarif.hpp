// SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format) for
// `lotse validate --format sarif`: one log with one run for all documents of
// an invocation, so that code-scanning services and editors show CSAF
// findings beside those of other analysers.
//
// The log is written as a stream: begin() returns everything up to the
// opening of the results array (the tool with its rules, the artifacts),
// add() returns one document's results as documents finish in input order,
// end() closes the array and adds the invocation (exit code, I/O errors).
// The writer holds the file list and the rare I/O error messages, never
// results, so memory does not grow with the number of findings.
//
// How Lotse's findings map onto SARIF:
//  - rules: "json" (parse and size limits), "schema", "preset" (the info
//    finding that a CSAF version's tests are not implemented yet) and every
//    registered test the options select; rule id = test id ("6.1.13").
//  - level: error -> "error", warning -> "warning", info -> "note".
//  - artifacts: every input once, uri = the path as given, percent-encoded
//    as a relative reference against uriBaseId "CWD" (whose absolute file
//    URI is in originalUriBaseIds); standard input has only a description.
//  - region: startLine and startColumn, columns in UTF-16 code units
//    (SARIF's default columnKind). Findings count columns in bytes;
//    to_utf16_columns() converts them when the source is at hand.
//  - the JSON pointer of a finding: logicalLocations[0].fullyQualifiedName
//    (omitted for the document root, "") and always properties.jsonPointer.
//  - skipped tests (DocumentResult::skipped): results of kind
//    "notApplicable", level "none", message "skipped: REASON". Chosen over
//    toolExecutionNotifications because a skip belongs to one document and
//    streams with it; notifications live in the invocation object, which is
//    only written after the last result.
//
// Thread safety: render() is const and may run on many threads at once;
// begin(), add(), note_error() and end() belong to one thread, in order.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "csaf/finding.hpp"
#include "csaf/validator.hpp"

namespace lotse::csaf {

// One SARIF reportingDescriptor: a test, or one of Lotse's own checks.
struct SarifRule {
  std::string id;           // "6.1.13", "schema"
  std::string name;         // identifier-like: "Purl", "JsonSchema"
  std::string title;        // shortDescription: the specification's title
  std::string description;  // fullDescription: what and where it is defined
  Severity severity = Severity::error;
};

// The rules of a run with `options`: "json", "schema" when the schema is
// checked, "preset" for presets beyond schema, then every registered test
// that the preset or the --test list selects, in specification order.
std::vector<SarifRule> sarif_rules(const ValidateOptions& options);

// `path` as an RFC 3986 relative reference: every byte except unreserved
// characters and "/" percent-encoded (so a ":" cannot be read as a scheme),
// leading slashes collapsed to one (so "//x" is not an authority).
std::string uri_reference_for_path(std::string_view path);

// Whether byte columns in `source` can differ from SARIF's UTF-16 columns
// (it holds non-ASCII bytes): only then must the source be kept for
// to_utf16_columns().
bool columns_need_conversion(std::string_view source);

// Rewrites the byte columns of `result`'s findings into UTF-16 code units,
// as SARIF counts them; `source` is the text the findings were located in.
void to_utf16_columns(DocumentResult& result, std::string_view source);

class SarifWriter {
 public:
  // `files`: every input in input order (duplicates share one artifact);
  // "-" is standard input. `working_directory`: absolute, for the "CWD"
  // base URI; empty leaves the base unresolved.
  SarifWriter(std::vector<SarifRule> rules, const std::vector<std::string>& files,
              std::string tool_version, std::string working_directory);

  // The log up to and including the opening of the results array.
  std::string begin() const;

  // The results of one document (its findings, then its skipped tests) as
  // comma-separated SARIF result objects, one per line; empty when there
  // are none. `file_index` is the document's position in `files`.
  std::string render(const DocumentResult& result, std::size_t file_index) const;

  // `rendered` (from render()) with the separator it needs after what was
  // added before: call once per document, in output order.
  std::string add(std::string rendered);

  // Records an error that is not a finding (an unreadable file or
  // directory) for the invocation's notifications; `file_index` names the
  // input it concerns, or npos for none.
  void note_error(std::size_t file_index, std::string message);

  // Closes the results array and the log: the invocation with `exit_code`
  // (executionSuccessful unless it is 2, an I/O or usage error) and the
  // notes from note_error().
  std::string end(int exit_code) const;

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  void write_artifact_location(std::string& out, std::size_t file_index) const;
  // The index of the rule with this id in rules_, or -1.
  long rule_index(std::string_view id) const;

  std::vector<SarifRule> rules_;
  std::vector<std::string> artifact_files_;        // distinct inputs, first-seen order
  std::vector<std::size_t> artifact_of_input_;     // input position -> artifact index
  std::string tool_version_;
  std::string working_directory_;
  std::vector<std::string> notifications_;  // rendered notification objects
  bool any_result_ = false;
};

}  // namespace lotse::csaf
