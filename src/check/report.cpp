#include "check/report.hpp"

#include <cstdio>

#include "json/writer.hpp"

namespace lotse::check {

std::string render_text(const Report& report) {
  std::string out = "lotse check " + report.input + "\n";
  out += "provider-metadata: " + (report.metadata_url.empty() ? std::string("(none found)") : report.metadata_url) + "\n";
  out += "role: " + (report.role.empty() ? std::string("(unknown)") : report.role) + "\n";
  for (const RequirementResult& r : report.requirements) {
    char number[8];
    std::snprintf(number, sizeof number, "%2d", r.number);
    std::string verdict(verdict_name(r.verdict));
    verdict.resize(15, ' ');
    out += std::string("requirement ") + number + " " + verdict + (r.required ? "required  " : "optional  ") + r.title +
           ": " + r.summary + "\n";
    for (const Evidence& e : r.evidence) {
      out += "    " + e.url + "\n      expected: " + e.expected + "\n      found:    " + e.found + "\n";
    }
    if (r.more_evidence) out += "    ... and " + std::to_string(r.more_evidence) + " more\n";
  }
  for (const std::string& note : report.notes) out += "note: " + note + "\n";
  out += report.role_satisfied ? "result: meets the requirements of " : "result: does not meet the requirements of ";
  out += (report.role.empty() ? std::string("csaf_provider") : report.role) + "\n";
  return out;
}

std::string render_json(const Report& report) {
  std::string out = "{\"input\":";
  json::write_string(out, report.input);
  out += ",\"metadata_url\":";
  json::write_string(out, report.metadata_url);
  out += ",\"role\":";
  json::write_string(out, report.role);
  out += ",\"role_satisfied\":";
  out += report.role_satisfied ? "true" : "false";
  out += ",\"notes\":[";
  for (std::size_t i = 0; i < report.notes.size(); ++i) {
    if (i) out += ',';
    json::write_string(out, report.notes[i]);
  }
  out += "],\"requirements\":[";
  for (std::size_t i = 0; i < report.requirements.size(); ++i) {
    const RequirementResult& r = report.requirements[i];
    if (i) out += ',';
    out += "{\"number\":" + std::to_string(r.number) + ",\"title\":";
    json::write_string(out, r.title);
    out += ",\"verdict\":";
    json::write_string(out, verdict_name(r.verdict));
    out += ",\"required\":";
    out += r.required ? "true" : "false";
    out += ",\"summary\":";
    json::write_string(out, r.summary);
    out += ",\"evidence\":[";
    for (std::size_t j = 0; j < r.evidence.size(); ++j) {
      if (j) out += ',';
      out += "{\"url\":";
      json::write_string(out, r.evidence[j].url);
      out += ",\"expected\":";
      json::write_string(out, r.evidence[j].expected);
      out += ",\"found\":";
      json::write_string(out, r.evidence[j].found);
      out += '}';
    }
    out += "],\"more_evidence\":" + std::to_string(r.more_evidence) + "}";
  }
  out += "]}\n";
  return out;
}

}  // namespace lotse::check
