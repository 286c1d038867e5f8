// The FIRST CVSS JSON view of a vector: which property values
// (`attackVector: "NETWORK"`, v2 `accessVector: "NETWORK"`, v4
// `vulnConfidentialityImpact: "HIGH"`, ...) a vector stands for.
//
// CSAF test 6.1.10 ("Inconsistent CVSS") compares the properties of a
// cvss_v2/cvss_v3/cvss_v4 object with its vectorString; CVE and advisory
// authoring writes them. Both read the mapping from here, and the names come
// from the metric catalogue (metrics.hpp), checked against the FIRST schemas.
//
// An omitted optional metric means Not Defined, so its property reads
// "NOT_DEFINED": a property that states NOT_DEFINED for a metric the vector
// omits is consistent, any other value is not.
//
// Thread safety: reentrant; results view static storage.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "cvss/vector.hpp"

namespace lotse::cvss {

struct JsonProperty {
  std::string_view name;    // FIRST JSON property, e.g. "attackVector"
  std::string_view value;   // FIRST JSON enum value, e.g. "NETWORK"
  std::string_view metric;  // vector abbreviation, e.g. "AV"
  bool in_vector = false;   // false: omitted, value is the Not Defined value
};

// One property per metric of the vector's version, in the specification's
// order. Why: lets a caller compare all of an object's metric properties, or
// write them, in one loop.
std::vector<JsonProperty> json_properties(const Vector& vector);

// The value `vector` implies for FIRST JSON property `name`; nullopt when
// `name` is not a metric property of that version (e.g. "baseScore",
// "vectorString", or "attackVector" in v2). Why: test 6.1.10 walks an
// object's members and asks this for each.
std::optional<std::string_view> json_value(const Vector& vector, std::string_view name);

}  // namespace lotse::cvss
