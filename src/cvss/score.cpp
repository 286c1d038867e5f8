// score(), severities and the v4.0 nomenclature: the version-independent
// face of the scorers in cvss2.cpp, cvss3.cpp and cvss4.cpp.
#include "cvss/score.hpp"

#include "cvss/scoring.hpp"

namespace lotse::cvss {

Scores score(const Vector& vector) {
  switch (vector.version()) {
    case Version::v2_0:
      return detail::score_v2(vector);
    case Version::v3_0:
    case Version::v3_1:
      return detail::score_v3(vector);
    case Version::v4_0:
      return detail::score_v4(vector);
  }
  return {};
}

std::string_view nomenclature(const Vector& vector) {
  if (vector.version() != Version::v4_0) return "";
  const bool threat = vector.defines_group(Group::threat);
  const bool environmental = vector.defines_group(Group::environmental);
  if (threat && environmental) return "CVSS-BTE";
  if (threat) return "CVSS-BT";
  if (environmental) return "CVSS-BE";
  return "CVSS-B";
}

std::optional<Severity> severity(Version version, double score) {
  if (version == Version::v2_0) return std::nullopt;
  // Scores have one decimal; compare half-way between the boundaries so
  // that 3.9 and 4.0 are safe from representation error.
  if (score < 0.05) return Severity::none;
  if (score < 3.95) return Severity::low;
  if (score < 6.95) return Severity::medium;
  if (score < 8.95) return Severity::high;
  return Severity::critical;
}

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::none:
      return "None";
    case Severity::low:
      return "Low";
    case Severity::medium:
      return "Medium";
    case Severity::high:
      return "High";
    case Severity::critical:
      return "Critical";
  }
  return "?";
}

std::string_view severity_json(Severity severity) {
  switch (severity) {
    case Severity::none:
      return "NONE";
    case Severity::low:
      return "LOW";
    case Severity::medium:
      return "MEDIUM";
    case Severity::high:
      return "HIGH";
    case Severity::critical:
      return "CRITICAL";
  }
  return "?";
}

}  // namespace lotse::cvss
