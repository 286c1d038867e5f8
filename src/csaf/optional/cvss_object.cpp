#include "csaf/optional/cvss_object.hpp"

#include <optional>

#include "csaf/optional/members.hpp"
#include "csaf/text.hpp"

namespace lotse::csaf::optional {

namespace {

// The CVSS v3 version of `object`: its `version` property when that names
// 3.0 or 3.1, else the prefix of its vectorString.
std::optional<cvss::Version> v3_version(const json::Value& object) {
  if (const json::Value* version = string_member(&object, "version")) {
    if (version->as_string() == "3.0") return cvss::Version::v3_0;
    if (version->as_string() == "3.1") return cvss::Version::v3_1;
  }
  if (const json::Value* vector = string_member(&object, "vectorString")) {
    if (vector->as_string().starts_with("CVSS:3.0/")) return cvss::Version::v3_0;
    if (vector->as_string().starts_with("CVSS:3.1/")) return cvss::Version::v3_1;
  }
  return std::nullopt;
}

// The vector abbreviation of the value that `object` states for `metric`
// as a property, or "" when it states none the FIRST schema allows.
std::string_view property_value(const json::Value& object, const cvss::MetricInfo& metric) {
  const json::Value* property = string_member(&object, metric.json_name);
  if (!property) return {};
  for (const cvss::ValueInfo& value : metric.values) {
    if (value.json == property->as_string()) return value.abbreviation;
  }
  return {};
}

}  // namespace

tl::expected<cvss::Vector, std::string> vector_of_cvss_object(const json::Value& object, bool v2) {
  std::optional<cvss::Version> version = v2 ? std::optional(cvss::Version::v2_0) : v3_version(object);
  if (!version) return tl::unexpected(std::string("neither version nor vectorString names CVSS 3.0 or 3.1"));
  std::optional<cvss::Vector> written;
  if (const json::Value* vector = string_member(&object, "vectorString")) {
    auto parsed = cvss::parse(vector->as_string(), *version);
    if (!parsed) return tl::unexpected("its vectorString " + quote_text(vector->as_string()) + " is not valid (" +
                                       parsed.error() + ")");
    written = *parsed;
  }
  // Every metric given somewhere, in the specification's order (which
  // every version accepts).
  std::string text = *version == cvss::Version::v2_0 ? "" : "CVSS:" + std::string(cvss::version_text(*version)) + "/";
  const std::size_t prefix = text.size();
  for (const cvss::MetricInfo& metric : cvss::metrics(*version)) {
    std::string_view value = written ? written->value(metric.abbreviation) : std::string_view{};
    if (value.empty()) value = property_value(object, metric);
    if (value.empty()) {
      if (metric.group == cvss::Group::base) {
        return tl::unexpected("the base metric " + std::string(metric.abbreviation) + " (" +
                              std::string(metric.json_name) + ") is given neither in vectorString nor as property");
      }
      continue;
    }
    if (text.size() > prefix) text += '/';
    text += metric.abbreviation;
    text += ':';
    text += value;
  }
  auto merged = cvss::parse(text, *version);
  if (!merged) return tl::unexpected("its metrics do not form a valid vector (" + merged.error() + ")");
  return *merged;
}

}  // namespace lotse::csaf::optional
