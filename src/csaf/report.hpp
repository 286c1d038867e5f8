// Rendering validation results for people and for machines: one text line
// per finding (compiler style, so editors jump to the place) or one JSON
// object per document (JSON Lines). SARIF, one log for a whole run, is in
// sarif.hpp. Stateless and thread-safe.
#pragma once

#include <string>

#include "csaf/finding.hpp"

namespace lotse::csaf {

// "FILE:LINE:COLUMN: error [TEST] POINTER: MESSAGE\n" per finding, then
// "FILE: skipped [TEST]: REASON\n" per test that did not run, so a user
// sees what was not checked; nothing for a document without either.
std::string render_text(const DocumentResult& result);

// {"file": ..., "valid": bool, "results": [{"test", "severity", "pointer",
// "message", "line", "column", "schema_location"?}], "skipped": [{"test",
// "reason"}]} and a newline; "skipped" is always there (empty when every
// selected test ran), so consumers need not test for it.
std::string render_json_line(const DocumentResult& result);

}  // namespace lotse::csaf
