// The CWE catalog: which weaknesses (id, name, status, usage) each release
// of MITRE's Common Weakness Enumeration defines, from 1.0 to the newest
// embedded release (resources/data/cwe/README.md). CSAF 2.0 test 6.1.11
// asks whether an id exists and its name matches; CSAF 2.1 names the
// release (`version`), so lookups are per release.
//
// The catalog holds weaknesses only: an id of a CWE category or view is not
// in it.
//
// Thread safety: a CweCatalog is immutable after construction;
// CweCatalog::embedded() is built once, on first use, and may then be read
// from any number of threads.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

namespace lotse::csaf {

class CweCatalog {
 public:
  struct Release {
    std::string_view version;  // "4.17"
    std::string_view date;     // "2025-04-03", "-" when unknown
  };

  // One weakness record, unchanged in releases [first, last] (indexes into
  // releases()).
  struct Record {
    std::string_view id;      // "CWE-79"
    std::string_view name;
    std::string_view status;  // "Stable", "Draft", "Deprecated", ...
    std::string_view usage;   // "Allowed", ... ("-" before release 4.12)
    std::size_t first = 0;
    std::size_t last = 0;
  };

  // The catalog embedded in the binary (resources/data/cwe/cwe_catalog.tsv).
  static const CweCatalog& embedded();

  // Reads the TSV format written by resources/data/cwe/convert.py. `text`
  // must outlive the catalog (records view into it). The error names the
  // line.
  static tl::expected<CweCatalog, std::string> parse(std::string_view text);

  // Every release, oldest first.
  std::span<const Release> releases() const { return releases_; }

  // The index of release `version` ("4.13"), or releases().size() when the
  // catalog does not know it.
  std::size_t release_index(std::string_view version) const;

  // Every record of `id` ("CWE-79"), oldest first; empty when no release
  // ever defined it. Logarithmic.
  std::span<const Record> history(std::string_view id) const;

  // The record of `id` in release `release` (an index), or nullptr.
  const Record* find(std::string_view id, std::size_t release) const;

  // The newest record of `id`, or nullptr.
  const Record* latest(std::string_view id) const;

 private:
  std::vector<Release> releases_;
  std::vector<Record> records_;  // by numeric id, then first
};

}  // namespace lotse::csaf
