// Loads resources/data/cvss/cvss-v4.0-tables.json (embedded) into Tables.
// Every shape the scorer relies on is checked here, once, so that scoring
// itself can index without checks.
#include "cvss/cvss4_tables.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "json/parser.hpp"
#include "resources/resources.hpp"

namespace lotse::cvss::v4 {
namespace {

constexpr std::string_view kPath = "data/cvss/cvss-v4.0-tables.json";
constexpr int kLevels[6] = {3, 2, 3, 3, 3, 2};  // levels of EQ1..EQ6

[[noreturn]] void broken(const std::string& what) {
  throw std::logic_error("embedded " + std::string(kPath) + ": " + what);
}

const json::Value& member(const json::Value& object, std::string_view key) {
  const json::Value* value = object.find(key);
  if (value == nullptr) broken("missing \"" + std::string(key) + "\"");
  return *value;
}

int level_key(std::string_view key, int levels) {
  if (key.size() != 1 || key[0] < '0' || key[0] >= '0' + levels) {
    broken("bad level \"" + std::string(key) + "\"");
  }
  return key[0] - '0';
}

std::size_t macro_index(const MacroVector& eq) {
  std::size_t index = 0;
  for (int i = 0; i < 6; ++i) index = index * kLevels[i] + static_cast<std::size_t>(eq[i]);
  return index;
}

bool in_range(const MacroVector& eq) {
  for (int i = 0; i < 6; ++i) {
    if (eq[i] < 0 || eq[i] >= kLevels[i]) return false;
  }
  return true;
}

Fragment parse_fragment(std::string_view text) {
  Fragment fragment;
  while (!text.empty()) {
    std::size_t slash = text.find('/');
    std::string_view part = text.substr(0, slash);
    std::size_t colon = part.find(':');
    if (colon == std::string_view::npos) broken("bad fragment \"" + std::string(part) + "\"");
    fragment.emplace_back(std::string(part.substr(0, colon)), std::string(part.substr(colon + 1)));
    text = slash == std::string_view::npos ? std::string_view() : text.substr(slash + 1);
  }
  return fragment;
}

std::vector<Fragment> parse_fragments(const json::Value& array) {
  if (!array.is_array() || array.size() == 0) broken("expected a non-empty array of vectors");
  std::vector<Fragment> out;
  for (const json::Value& item : array.items()) {
    if (!item.is_string()) broken("expected a vector string");
    out.push_back(parse_fragment(item.as_string()));
  }
  return out;
}

int parse_depth(const json::Value& value) {
  if (!value.is_number() || !value.is_integer() || value.as_double() < 0 ||
      value.as_double() > 100) {
    broken("bad depth");
  }
  return static_cast<int>(value.as_double());
}

std::vector<std::pair<std::string, std::vector<std::string>>> parse_value_lists(
    const json::Value& object) {
  if (!object.is_object()) broken("expected an object of value lists");
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const json::Member& m : object.members()) {
    if (!m.value.is_array()) broken("expected a value list for " + std::string(m.key));
    std::vector<std::string> values;
    for (const json::Value& v : m.value.items()) {
      if (!v.is_string()) broken("expected value strings for " + std::string(m.key));
      values.emplace_back(v.as_string());
    }
    out.emplace_back(std::string(m.key), std::move(values));
  }
  return out;
}

Tables load() {
  const resources::Resource* resource = resources::find(kPath);
  if (resource == nullptr) broken("not embedded");
  auto document = json::parse(resource->data);
  if (!document) broken(document.error().describe());
  const json::Value& root = document->root();

  Tables t;
  t.scores.fill(std::numeric_limits<double>::quiet_NaN());
  const json::Value& mvs = member(root, "mvs");
  if (!mvs.is_object()) broken("\"mvs\" is not an object");
  for (const json::Member& m : mvs.members()) {
    MacroVector eq{};
    if (m.key.size() != 6) broken("bad macrovector \"" + std::string(m.key) + "\"");
    for (int i = 0; i < 6; ++i) eq[i] = level_key(m.key.substr(i, 1), kLevels[i]);
    if (!m.value.is_number()) broken("bad macrovector score");
    t.scores[macro_index(eq)] = m.value.as_double();
  }
  if (mvs.size() != 270) broken("expected 270 macrovectors");

  const json::Value& highest = member(root, "highestSeverityVectors");
  const json::Value& depth = member(root, "depth");
  for (auto& row : t.depths) row.fill(-1);
  for (auto& row : t.depths_eq3_eq6) row.fill(-1);
  for (int eq_index : {0, 1, 3, 4}) {
    const std::string key(1, static_cast<char>('1' + eq_index));
    for (const json::Member& m : member(highest, key).members()) {
      int level = level_key(m.key, kLevels[eq_index]);
      t.fragments[eq_index][level] = parse_fragments(m.value);
      t.depths[eq_index][level] = parse_depth(member(member(depth, key), m.key));
    }
  }
  for (const json::Member& m3 : member(highest, "3").members()) {
    int eq3 = level_key(m3.key, 3);
    for (const json::Member& m6 : m3.value.members()) {
      int eq6 = level_key(m6.key, 2);
      t.fragments_eq3_eq6[eq3][eq6] = parse_fragments(m6.value);
      t.depths_eq3_eq6[eq3][eq6] = parse_depth(member(member(member(depth, "3"), m3.key), m6.key));
    }
  }
  t.severity_order = parse_value_lists(member(root, "sevIdx"));
  t.table23 = parse_value_lists(member(root, "table23"));

  // Every MacroVector that has a score needs fragments and depths.
  for (std::size_t i = 0; i < t.scores.size(); ++i) {
    if (std::isnan(t.scores[i])) continue;
    MacroVector eq{};
    std::size_t rest = i;
    for (int k = 5; k >= 0; --k) {
      eq[k] = static_cast<int>(rest % kLevels[k]);
      rest /= kLevels[k];
    }
    for (int eq_index : {0, 1, 3, 4}) {
      if (t.fragments[eq_index][eq[eq_index]].empty() || t.depths[eq_index][eq[eq_index]] < 0) {
        broken("no highest-severity vectors for EQ" + std::to_string(eq_index + 1));
      }
    }
    if (t.fragments_eq3_eq6[eq[2]][eq[5]].empty() || t.depths_eq3_eq6[eq[2]][eq[5]] < 0) {
      broken("no highest-severity vectors for EQ3+EQ6");
    }
  }
  return t;
}

const std::vector<Fragment> kNone;

}  // namespace

double Tables::macro_score(const MacroVector& eq) const {
  if (!in_range(eq)) return std::numeric_limits<double>::quiet_NaN();
  return scores[macro_index(eq)];
}

const std::vector<Fragment>& Tables::highest(int eq_index, int level) const {
  if (eq_index < 0 || eq_index >= 5 || level < 0 || level >= 3) return kNone;
  return fragments[eq_index][level];
}

const std::vector<Fragment>& Tables::highest_eq3_eq6(int eq3, int eq6) const {
  if (eq3 < 0 || eq3 >= 3 || eq6 < 0 || eq6 >= 2) return kNone;
  return fragments_eq3_eq6[eq3][eq6];
}

int Tables::depth(int eq_index, int level) const {
  if (eq_index < 0 || eq_index >= 5 || level < 0 || level >= 3) return -1;
  return depths[eq_index][level];
}

int Tables::depth_eq3_eq6(int eq3, int eq6) const {
  if (eq3 < 0 || eq3 >= 3 || eq6 < 0 || eq6 >= 2) return -1;
  return depths_eq3_eq6[eq3][eq6];
}

int Tables::severity_index(std::string_view metric, std::string_view value) const {
  for (const auto& [name, values] : severity_order) {
    if (name != metric) continue;
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (values[i] == value) return static_cast<int>(i);
    }
    return -1;
  }
  return -1;
}

const Tables& tables() {
  static const Tables instance = load();
  return instance;
}

}  // namespace lotse::cvss::v4
