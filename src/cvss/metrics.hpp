// The catalogue of CVSS metrics: for each version (2.0, 3.0, 3.1, 4.0) every
// metric a vector may carry, in the order the specification lists them, with
// the values it allows and the names the FIRST JSON schemas give both.
//
// One table drives everything else in the module: the vector parser checks
// names and values against it, the scorers read values through it, and the
// CSAF consistency tests (6.1.9, 6.1.10) map vector metrics to FIRST JSON
// properties with it. Keeping the abbreviations and the JSON spellings in one
// row means they cannot drift apart.
//
// Thread safety: the catalogue is immutable static data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace lotse::cvss {

enum class Version : std::uint8_t { v2_0, v3_0, v3_1, v4_0 };

// "2.0", "3.0", "3.1", "4.0": the `version` property of a FIRST CVSS object.
std::string_view version_text(Version version);
// The version a FIRST CVSS object's `version` property names, if any.
std::optional<Version> version_from_text(std::string_view text);

// The metric groups of the specifications (v2/v3 "temporal" is v4 "threat").
enum class Group : std::uint8_t { base, temporal, threat, environmental, supplemental };

std::string_view group_name(Group group);

struct ValueInfo {
  std::string_view abbreviation;  // as written in vectors, e.g. "N", "POC", "Clear"
  std::string_view json;          // FIRST JSON enum value, e.g. "NETWORK"
};

struct MetricInfo {
  std::string_view abbreviation;  // as written in vectors, e.g. "AV", "Au", "MSI"
  Group group;
  std::span<const ValueInfo> values;  // in the specification's order
  std::string_view json_name;         // FIRST JSON property, e.g. "attackVector"
  // The value meaning "Not Defined" ("X", v2 "ND"), or empty for base metrics.
  std::string_view not_defined;
};

// Every metric of `version`, in the specification's vector order (the
// order v2 and v4.0 require and v3.x recommends).
std::span<const MetricInfo> metrics(Version version);

// Position of metric `abbreviation` (case-sensitive) in metrics(version), or
// nullopt. Why: vectors store values by catalogue position.
std::optional<std::size_t> metric_index(Version version, std::string_view abbreviation);

// The metric whose FIRST JSON property is `json_name`, or nullptr (also for
// non-metric properties such as "baseScore").
const MetricInfo* metric_for_json(Version version, std::string_view json_name);

}  // namespace lotse::cvss
