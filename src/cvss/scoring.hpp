// The per-version scorers behind score() (score.hpp). Internal to src/cvss.
//
// Thread safety: reentrant.
#pragma once

#include "cvss/score.hpp"
#include "cvss/vector.hpp"

namespace lotse::cvss::detail {

// REQUIRES: vector.version() is the version each scorer is named after
// (score_v3: v3.0 or v3.1).
Scores score_v2(const Vector& vector);
Scores score_v3(const Vector& vector);
Scores score_v4(const Vector& vector);

}  // namespace lotse::cvss::detail
