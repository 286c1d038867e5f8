// Data that lotse needs at run time (JSON schemas now; later the CWE
// catalog, language subtags, CVSS v4.0 tables), embedded into the binary at
// build time from the copies under resources/ in the repository. lotse
// never opens ../shared or any other data file at run time, so a binary
// validates the same way wherever it is copied.
//
// The data is immutable static storage: thread-safe.
#pragma once

#include <span>
#include <string_view>

namespace lotse::resources {

struct Resource {
  std::string_view path;  // relative to resources/, e.g. "schemas/first/cvss-v3.1.json"
  std::string_view data;
};

// Every embedded file, in the order CMake lists them.
std::span<const Resource> all();

// The embedded file at `path` (relative to resources/), or nullptr.
const Resource* find(std::string_view path);

}  // namespace lotse::resources
