// 6.1.8 Invalid CVSS, 6.1.9 Invalid CVSS computation, 6.1.10 Inconsistent
// CVSS: the CVSS objects of /vulnerabilities[]/scores[].
#include <cmath>
#include <cstdio>

#include "csaf/mandatory/mandatory_tests.hpp"
#include "csaf/schemas.hpp"
#include "csaf/text.hpp"
#include "cvss/json_names.hpp"
#include "cvss/score.hpp"
#include "cvss/vector.hpp"
#include "json/pointer.hpp"
#include "schema/schema.hpp"

namespace lotse::csaf::mandatory {

namespace {

const schema::Schema& first_schema(std::string_view uri) {
  auto compile = [](std::string_view u) { return compile_embedded_schema(u, SchemaFlavour::normal); };
  if (uri == "v2") {
    static const schema::Schema schema = compile("https://www.first.org/cvss/cvss-v2.0.json");
    return schema;
  }
  if (uri == "v3.0") {
    static const schema::Schema schema = compile("https://www.first.org/cvss/cvss-v3.0.json");
    return schema;
  }
  static const schema::Schema schema = compile("https://www.first.org/cvss/cvss-v3.1.json");
  return schema;
}

// Calls `visit(score object, pointer to it)` for every scores[] entry.
template <typename Visit>
void for_each_score(const json::Value& root, Visit&& visit) {
  const json::Value* vulnerabilities = root.find("vulnerabilities");
  if (!vulnerabilities || !vulnerabilities->is_array()) return;
  for (std::size_t v = 0; v < vulnerabilities->size(); ++v) {
    const json::Value* scores = vulnerabilities->at(v)->find("scores");
    if (!scores || !scores->is_array()) continue;
    for (std::size_t s = 0; s < scores->size(); ++s) {
      std::string pointer = "/vulnerabilities";
      json::append_pointer_index(pointer, v);
      pointer += "/scores";
      json::append_pointer_index(pointer, s);
      visit(*scores->at(s), pointer);
    }
  }
}

void report_violations(TestContext& context, const schema::Schema& schema, const json::Value& cvss,
                       const std::string& pointer, std::string_view what) {
  std::vector<schema::Violation> violations;
  if (schema.validate(cvss, &violations)) return;
  for (const schema::Violation& v : violations) {
    context.report(pointer + v.instance_pointer,
                   std::string(what) + " is not valid against its FIRST schema: " + v.message);
  }
}

}  // namespace

void invalid_cvss(TestContext& context) {
  for_each_score(context.root(), [&](const json::Value& score, const std::string& pointer) {
    if (const json::Value* v2 = score.find("cvss_v2")) {
      report_violations(context, first_schema("v2"), *v2, pointer + "/cvss_v2", "cvss_v2");
    }
    const json::Value* v3 = score.find("cvss_v3");
    if (!v3) return;
    const json::Value* version = v3->find("version");
    std::string_view text = version && version->is_string() ? version->as_string() : "";
    if (text == "3.0" || text == "3.1") {
      report_violations(context, first_schema(text == "3.0" ? "v3.0" : "v3.1"), *v3,
                        pointer + "/cvss_v3", "cvss_v3");
    } else if (!first_schema("v3.0").validate(*v3) && !first_schema("v3.1").validate(*v3)) {
      // No usable version: the CSAF schema allows either, so report against
      // the current one.
      report_violations(context, first_schema("v3.1"), *v3, pointer + "/cvss_v3", "cvss_v3");
    }
  });
}

namespace {

// The vector of a CVSS object, parsed for the version the object claims (or
// the vector's own prefix when `version` is absent); nullopt when either is
// unusable (6.1.8 reports that).
std::optional<cvss::Vector> object_vector(const json::Value& cvss_object) {
  const json::Value* vector = cvss_object.find("vectorString");
  if (!vector || !vector->is_string()) return std::nullopt;
  auto parsed = cvss::parse(vector->as_string());
  if (!parsed) return std::nullopt;
  return *parsed;
}

std::string format_score(double score) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f", score);
  return buf;
}

// Scores are given with one decimal: compare in tenths.
bool same_score(double a, double b) { return std::llround(a * 10) == std::llround(b * 10); }

void check_score(TestContext& context, const json::Value& object, const std::string& pointer,
                 std::string_view property, double expected) {
  const json::Value* given = object.find(property);
  if (!given || !given->is_number()) return;
  if (same_score(given->as_double(), expected)) return;
  context.report(pointer + "/" + std::string(property),
                 std::string(property) + " is " + std::string(given->text()) + ", but the vector " +
                     "computes to " + format_score(expected));
}

void check_severity(TestContext& context, const json::Value& object, const std::string& pointer,
                    std::string_view property, cvss::Version version, double score) {
  const json::Value* given = object.find(property);
  if (!given || !given->is_string()) return;
  auto severity = cvss::severity(version, score);
  if (!severity) return;
  std::string_view expected = cvss::severity_json(*severity);
  if (given->as_string() == expected) return;
  context.report(pointer + "/" + std::string(property),
                 std::string(property) + " is " + quote_text(given->as_string()) + ", but a score of " +
                     format_score(score) + " has severity \"" + std::string(expected) + "\"");
}

template <typename Visit>
void for_each_cvss_object(const json::Value& root, Visit&& visit) {
  for_each_score(root, [&](const json::Value& score, const std::string& pointer) {
    for (std::string_view key : {"cvss_v2", "cvss_v3"}) {
      const json::Value* object = score.find(key);
      if (object && object->is_object()) visit(*object, pointer + "/" + std::string(key));
    }
  });
}

}  // namespace

void invalid_cvss_computation(TestContext& context) {
  for_each_cvss_object(context.root(), [&](const json::Value& object, const std::string& pointer) {
    auto vector = object_vector(object);
    if (!vector) return;
    const cvss::Scores scores = cvss::score(*vector);
    check_score(context, object, pointer, "baseScore", scores.base);
    check_score(context, object, pointer, "temporalScore", scores.temporal);
    check_score(context, object, pointer, "environmentalScore", scores.environmental);
    if (vector->version() == cvss::Version::v2_0) return;
    check_severity(context, object, pointer, "baseSeverity", vector->version(), scores.base);
    check_severity(context, object, pointer, "temporalSeverity", vector->version(), scores.temporal);
    check_severity(context, object, pointer, "environmentalSeverity", vector->version(),
                   scores.environmental);
  });
}

void inconsistent_cvss(TestContext& context) {
  for_each_cvss_object(context.root(), [&](const json::Value& object, const std::string& pointer) {
    auto vector = object_vector(object);
    if (!vector) return;
    if (const json::Value* version = object.find("version"); version && version->is_string()) {
      std::string_view from_vector = cvss::version_text(vector->version());
      if (version->as_string() != from_vector) {
        context.report(pointer + "/version", "version is " + quote_text(version->as_string()) +
                                                 ", but the vector is CVSS " + std::string(from_vector));
      }
    }
    for (const json::Member& member : object.members()) {
      auto expected = cvss::json_value(*vector, member.key);
      if (!expected || !member.value.is_string() || member.value.as_string() == *expected) continue;
      context.report(pointer + "/" + std::string(member.key),
                     std::string(member.key) + " is " + quote_text(member.value.as_string()) +
                         ", but the vector says \"" + std::string(*expected) + "\"");
    }
  });
}

}  // namespace lotse::csaf::mandatory
