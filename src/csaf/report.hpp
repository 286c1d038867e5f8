// Rendering validation results for people and for machines: one text line
// per finding (compiler style, so editors jump to the place) or one JSON
// object per document (JSON Lines). SARIF joins here later.
// Stateless and thread-safe.
#pragma once

#include <string>

#include "csaf/finding.hpp"

namespace lotse::csaf {

// "FILE:LINE:COLUMN: error [TEST] POINTER: MESSAGE\n" per finding; nothing
// for a document without findings.
std::string render_text(const DocumentResult& result);

// {"file": ..., "valid": bool, "results": [{"test", "severity", "pointer",
// "message", "line", "column", "schema_location"?}]} and a newline.
std::string render_json_line(const DocumentResult& result);

}  // namespace lotse::csaf
