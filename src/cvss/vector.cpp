// Vector parsing: one pass over the '/'-separated components, each checked
// against the catalogue (metrics.hpp), then the base metrics counted. The
// first problem ends the parse.
//
// Messages quote input, so they escape it: hostile vectors contain NULs,
// control characters and megabytes; a message holds at most a few dozen
// printable bytes of them.
#include "cvss/vector.hpp"

#include <cstdio>
#include <optional>
#include <utility>

namespace lotse::cvss {
namespace {

constexpr std::size_t kQuoteLimit = 24;

// `text` in single quotes; bytes outside printable ASCII, quotes and
// backslashes as \xHH; cut after kQuoteLimit bytes.
std::string quote(std::string_view text) {
  std::string out = "'";
  const std::size_t n = text.size() < kQuoteLimit ? text.size() : kQuoteLimit;
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\') {
      out += static_cast<char>(c);
    } else {
      char buf[5];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    }
  }
  out += n < text.size() ? "'..." : "'";
  return out;
}

std::string at(std::size_t offset, std::string_view what) {
  return "offset " + std::to_string(offset) + ": " + std::string(what);
}

std::string label(Version version) { return "CVSS v" + std::string(version_text(version)); }

std::string allowed_values(const MetricInfo& metric) {
  std::string out;
  for (const ValueInfo& value : metric.values) {
    if (!out.empty()) out += ", ";
    out += value.abbreviation;
  }
  return out;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// The metric a wrongly cased name was probably meant to be, for a hint.
const MetricInfo* metric_ignoring_case(Version version, std::string_view name) {
  for (const MetricInfo& metric : metrics(version)) {
    if (equal_ignoring_case(metric.abbreviation, name)) return &metric;
  }
  return nullptr;
}

const ValueInfo* find_value(const MetricInfo& metric, std::string_view abbreviation) {
  for (const ValueInfo& value : metric.values) {
    if (value.abbreviation == abbreviation) return &value;
  }
  return nullptr;
}

// v2.0 and v4.0 fix the order of metrics; v3.x accepts any order.
bool order_is_fixed(Version version) {
  return version == Version::v2_0 || version == Version::v4_0;
}

struct Prefix {
  Version version;
  std::size_t metrics_start;  // offset of the first metric
};

tl::expected<Prefix, std::string> read_prefix(std::string_view text) {
  constexpr std::string_view kCvss = "CVSS:";
  if (text.substr(0, kCvss.size()) != kCvss) {
    if (equal_ignoring_case(text.substr(0, kCvss.size()), kCvss)) {
      return tl::unexpected(at(0, "the prefix must be written 'CVSS:' (case-sensitive), not " +
                                      quote(text.substr(0, kCvss.size()))));
    }
    return Prefix{Version::v2_0, 0};  // v2.0 vectors have no prefix
  }
  const std::size_t slash = text.find('/');
  const std::string_view prefix = text.substr(0, slash);
  std::optional<Version> version;
  for (Version v : {Version::v3_0, Version::v3_1, Version::v4_0}) {
    if (prefix.substr(kCvss.size()) == version_text(v)) version = v;
  }
  if (!version) {
    return tl::unexpected(at(0, "unknown CVSS version prefix " + quote(prefix) +
                                    " (known: CVSS:3.0, CVSS:3.1, CVSS:4.0; CVSS v2.0 vectors "
                                    "have no prefix)"));
  }
  if (slash == std::string_view::npos) {
    return tl::unexpected(at(prefix.size(), "no metrics after the prefix " + quote(prefix)));
  }
  return Prefix{*version, slash + 1};
}

// The names of `group`'s metrics missing from `values`, as "'E', 'RL'".
std::string missing_of_group(Version version, Group group,
                             const std::array<std::string_view, Vector::kMaxMetrics>& values) {
  std::string missing;
  std::span<const MetricInfo> all = metrics(version);
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].group != group || !values[i].empty()) continue;
    if (!missing.empty()) missing += ", ";
    missing += "'" + std::string(all[i].abbreviation) + "'";
  }
  return missing;
}

}  // namespace

std::string_view Vector::value(std::string_view abbreviation) const {
  std::optional<std::size_t> index = metric_index(version_, abbreviation);
  return index ? values_[*index] : std::string_view();
}

std::string_view Vector::effective(std::string_view abbreviation) const {
  std::optional<std::size_t> index = metric_index(version_, abbreviation);
  if (!index) return {};
  if (!values_[*index].empty()) return values_[*index];
  return metrics(version_)[*index].not_defined;
}

bool Vector::defines_group(Group group) const {
  std::span<const MetricInfo> all = metrics(version_);
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].group == group && !values_[i].empty() && values_[i] != all[i].not_defined) {
      return true;
    }
  }
  return false;
}

tl::expected<Vector, std::string> parse(std::string_view text) {
  if (text.empty()) return tl::unexpected(std::string("empty CVSS vector"));
  if (text.size() > kMaxVectorLength) {
    return tl::unexpected("vector of " + std::to_string(text.size()) +
                          " bytes; no valid CVSS vector is longer than " +
                          std::to_string(kMaxVectorLength));
  }
  auto prefix = read_prefix(text);
  if (!prefix) return tl::unexpected(std::move(prefix.error()));

  Vector vector;
  vector.version_ = prefix->version;
  const Version version = prefix->version;
  std::span<const MetricInfo> catalogue = metrics(version);
  std::array<std::size_t, Vector::kMaxMetrics> offsets{};
  std::optional<std::size_t> previous;  // catalogue index of the metric before

  std::size_t pos = prefix->metrics_start;
  for (;;) {
    std::size_t end = text.find('/', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view part = text.substr(pos, end - pos);
    if (part.empty()) {
      std::string_view why = end == text.size() ? " (trailing '/')"
                             : pos == 0         ? " (leading '/')"
                                                : " (doubled '/')";
      return tl::unexpected(at(pos, "empty metric" + std::string(why)));
    }
    const std::size_t colon = part.find(':');
    if (colon == std::string_view::npos) {
      return tl::unexpected(at(pos, quote(part) + " is not of the form metric:value"));
    }
    const std::string_view name = part.substr(0, colon);
    const std::string_view value = part.substr(colon + 1);

    std::optional<std::size_t> index = metric_index(version, name);
    if (!index) {
      std::string message = "unknown metric " + quote(name) + " for " + label(version);
      if (const MetricInfo* meant = metric_ignoring_case(version, name)) {
        message += " (names are case-sensitive: '" + std::string(meant->abbreviation) + "')";
      }
      return tl::unexpected(at(pos, message));
    }
    const MetricInfo& metric = catalogue[*index];
    if (!vector.values_[*index].empty()) {
      return tl::unexpected(at(pos, "metric '" + std::string(metric.abbreviation) +
                                        "' given twice (first at offset " +
                                        std::to_string(offsets[*index]) + ")"));
    }
    const ValueInfo* known = find_value(metric, value);
    if (!known) {
      return tl::unexpected(at(pos + colon + 1, quote(value) + " is not a value of metric '" +
                                                    std::string(metric.abbreviation) +
                                                    "' (allowed: " + allowed_values(metric) + ")"));
    }
    if (order_is_fixed(version) && previous && *index < *previous) {
      return tl::unexpected(at(pos, "metric '" + std::string(metric.abbreviation) +
                                        "' is out of order: " + label(version) +
                                        " fixes the order of metrics, and '" +
                                        std::string(metric.abbreviation) + "' comes before '" +
                                        std::string(catalogue[*previous].abbreviation) + "'"));
    }
    previous = index;
    vector.values_[*index] = known->abbreviation;  // view static storage, not the input
    offsets[*index] = pos;
    vector.order_[vector.count_++] = static_cast<std::uint8_t>(*index);

    if (end == text.size()) break;
    pos = end + 1;
  }

  const std::string missing = missing_of_group(version, Group::base, vector.values_);
  if (!missing.empty()) {
    return tl::unexpected("missing base metric" +
                          std::string(missing.find(',') == std::string::npos ? " " : "s ") +
                          missing + " (" + label(version) + " requires all base metrics)");
  }
  return vector;
}

tl::expected<Vector, std::string> parse(std::string_view text, Version expected) {
  auto vector = parse(text);
  if (vector && vector->version() != expected) {
    return tl::unexpected("the vector is " + label(vector->version()) + ", not " + label(expected));
  }
  return vector;
}

std::string to_string(const Vector& vector) {
  std::string out;
  if (vector.version() != Version::v2_0) {
    out = "CVSS:" + std::string(version_text(vector.version()));
  }
  std::span<const MetricInfo> all = metrics(vector.version());
  for (std::size_t i = 0; i < all.size(); ++i) {
    const std::string_view value = vector.value_at(i);
    if (value.empty()) continue;
    if (!out.empty()) out += '/';
    out += all[i].abbreviation;
    out += ':';
    out += value;
  }
  return out;
}

}  // namespace lotse::cvss
