// Maps vector metrics to FIRST JSON properties through the catalogue.
#include "cvss/json_names.hpp"

namespace lotse::cvss {
namespace {

JsonProperty property_of(const Vector& vector, std::size_t index) {
  const MetricInfo& metric = metrics(vector.version())[index];
  const std::string_view given = vector.value_at(index);
  const std::string_view value = given.empty() ? metric.not_defined : given;
  JsonProperty property{metric.json_name, {}, metric.abbreviation, !given.empty()};
  for (const ValueInfo& info : metric.values) {
    if (info.abbreviation == value) property.value = info.json;
  }
  return property;
}

}  // namespace

std::vector<JsonProperty> json_properties(const Vector& vector) {
  std::vector<JsonProperty> out;
  const std::size_t n = metrics(vector.version()).size();
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) out.push_back(property_of(vector, i));
  return out;
}

std::optional<std::string_view> json_value(const Vector& vector, std::string_view name) {
  std::span<const MetricInfo> all = metrics(vector.version());
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].json_name == name) return property_of(vector, i).value;
  }
  return std::nullopt;
}

}  // namespace lotse::cvss
