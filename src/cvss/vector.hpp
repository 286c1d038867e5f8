// A CVSS vector string (v2.0, v3.0, v3.1, v4.0), parsed and validated.
//
// Vectors come from advisories that strangers wrote, so parse() is the one
// validation boundary of the module: it accepts exactly what the
// specification of each version allows and names the offending metric and
// its byte offset otherwise. Past it, a Vector is known to be well formed and
// the scorers need no error paths.
//
// Rules enforced (docs: src/cvss/README.md):
//   - names and values are case-sensitive and must be in metrics(version);
//   - every base metric is present, no metric appears twice, no empty
//     component (so no leading, doubled or trailing '/'), no whitespace;
//   - v3.x: "CVSS:3.x/" first, then metrics in any order (v3.1 section 6:
//     "Programs reading CVSS v3.1 vector strings must accept metrics in any
//     order"; v3.0 vectors are read by the same rule);
//   - v4.0: "CVSS:4.0/" first, then metrics in the order of Table 23 ("every
//     other ordering is invalid");
//   - v2.0: no prefix, metrics in the predetermined order of the Complete
//     Guide (section 2.4.1). The guide writes "ND" for a temporal or
//     environmental metric not used; omitting it is read the same way, as
//     the CSAF TC's own valid test documents do ("AV:N/.../A:C/E:POC").
//
// Thread safety: parse() is reentrant; a Vector is an immutable value whose
// strings view static storage, so it may outlive the parsed text.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <tl/expected.hpp>

#include "cvss/metrics.hpp"

namespace lotse::cvss {

// No valid vector of any version is longer (the longest v4.0 vector, with
// every metric given, has 178 bytes); longer input is refused unread.
inline constexpr std::size_t kMaxVectorLength = 1024;

class Vector {
 public:
  static constexpr std::size_t kMaxMetrics = 32;

  Version version() const { return version_; }

  // The value given for metric `abbreviation` ("AV", "Au", ...), or "" when
  // the vector does not give it (or the version has no such metric).
  std::string_view value(std::string_view abbreviation) const;
  // Same, by position in metrics(version()).
  std::string_view value_at(std::size_t index) const {
    return index < kMaxMetrics ? values_[index] : std::string_view();
  }
  // The value with omissions filled in: an absent optional metric reads as
  // its Not Defined value ("X", v2 "ND"). Why: the specifications define
  // an omitted metric as Not Defined, and scorers and JSON mapping need that.
  std::string_view effective(std::string_view abbreviation) const;

  bool has(std::string_view abbreviation) const { return !value(abbreviation).empty(); }

  // Positions in metrics(version()) of the metrics given, in written order.
  std::span<const std::uint8_t> written() const { return {order_.data(), count_}; }

  // Whether the vector gives any metric of `group` other than Not Defined.
  bool defines_group(Group group) const;

 private:
  friend tl::expected<Vector, std::string> parse(std::string_view text);
  Vector() = default;

  Version version_ = Version::v3_1;
  std::array<std::string_view, kMaxMetrics> values_{};  // views into the catalogue
  std::array<std::uint8_t, kMaxMetrics> order_{};
  std::uint8_t count_ = 0;
};

// Parses and validates `text`; the version comes from the prefix ("CVSS:3.0/",
// "CVSS:3.1/", "CVSS:4.0/"; none means v2.0). The error reads
// "offset N: <what is wrong>", naming the metric.
tl::expected<Vector, std::string> parse(std::string_view text);

// Same, and the vector must be of `expected` version. Why: a CSAF `cvss_v3`
// object says "version": "3.1" next to its vectorString; both must agree.
tl::expected<Vector, std::string> parse(std::string_view text, Version expected);

// The vector with the metrics given, in the specification's order (v3.x
// vectors may have been written in another order); prefix included.
std::string to_string(const Vector& vector);

}  // namespace lotse::cvss
