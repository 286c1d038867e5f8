#include "csaf/report.hpp"

#include "json/writer.hpp"

namespace lotse::csaf {

std::string render_text(const DocumentResult& result) {
  std::string out;
  for (const Finding& f : result.findings) {
    out += result.file;
    if (f.line > 0) out += ":" + std::to_string(f.line) + ":" + std::to_string(f.column);
    out += ": ";
    out += severity_name(f.severity);
    out += " [" + f.test + "] ";
    out += f.pointer.empty() ? std::string("(document)") : f.pointer;
    out += ": ";
    out += f.message;
    out += '\n';
  }
  for (const SkippedTest& s : result.skipped) {
    out += result.file + ": skipped [" + s.test + "]: " + s.reason + '\n';
  }
  return out;
}

std::string render_json_line(const DocumentResult& result) {
  std::string out = "{\"file\":";
  json::write_string(out, result.file);
  out += ",\"valid\":";
  out += result.valid ? "true" : "false";
  out += ",\"results\":[";
  bool first = true;
  for (const Finding& f : result.findings) {
    if (!first) out += ',';
    first = false;
    out += "{\"test\":";
    json::write_string(out, f.test);
    out += ",\"severity\":";
    json::write_string(out, severity_name(f.severity));
    out += ",\"pointer\":";
    json::write_string(out, f.pointer);
    out += ",\"message\":";
    json::write_string(out, f.message);
    if (f.line > 0) {
      out += ",\"line\":" + std::to_string(f.line) + ",\"column\":" + std::to_string(f.column);
    }
    if (!f.schema_location.empty()) {
      out += ",\"schema_location\":";
      json::write_string(out, f.schema_location);
    }
    out += '}';
  }
  out += "],\"skipped\":[";
  first = true;
  for (const SkippedTest& s : result.skipped) {
    if (!first) out += ',';
    first = false;
    out += "{\"test\":";
    json::write_string(out, s.test);
    out += ",\"reason\":";
    json::write_string(out, s.reason);
    out += '}';
  }
  out += "]}\n";
  return out;
}

}  // namespace lotse::csaf
