// The CVSS vector that a CSAF `cvss_v2` or `cvss_v3` object stands for when
// its metrics are read from both places they can be given: the
// `vectorString` and the FIRST JSON metric properties
// (`modifiedIntegrityImpact`, `targetDistribution`, ...). Test 6.2.19 needs
// this: a document may set the environmental metrics that bring a fixed
// product's score to 0 as properties only (CSAF TC's valid example
// 6-2-19-12 does), and the score must then count them.
//
// Where both give a metric the vector wins (they should agree; test 6.1.10
// reports when they do not), as csaf-validator-lib also reads them. Metric
// properties with values the FIRST schema does not allow are ignored (6.1.8
// reports them).
//
// Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "cvss/vector.hpp"
#include "json/value.hpp"

namespace lotse::csaf::optional {

// The vector of `object`, a `cvss_v2` (when `v2`) or `cvss_v3` object, with
// the metrics its vectorString omits taken from its properties. The CVSS
// v3 version comes from the `version` property, else from the vector's
// prefix. The error says why no vector can be formed (no usable version,
// a vectorString that does not parse, a base metric given nowhere).
tl::expected<cvss::Vector, std::string> vector_of_cvss_object(const json::Value& object, bool v2);

}  // namespace lotse::csaf::optional
