// Rendering a check Report for people (one line per requirement, then its
// evidence) and for programs (one JSON object).
//
// Stateless and thread-safe.
#pragma once

#include <string>

#include "check/checker.hpp"

namespace lotse::check {

// Text: a heading, "  7 pass     provider-metadata.json: ..." lines, each
// followed by its evidence, and the role's verdict last.
std::string render_text(const Report& report);

// One JSON object: input, metadata_url, role, role_satisfied, notes,
// requirements [{number, title, verdict, required, summary, evidence
// [{url, expected, found}], more_evidence}].
std::string render_json(const Report& report);

}  // namespace lotse::check
