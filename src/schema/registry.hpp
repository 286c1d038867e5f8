// The set of schema documents a compilation may reference.
//
// `$ref`s are resolved only against documents registered here: never by a
// network fetch, so validating a hostile document cannot make Lotse reach
// out to an attacker's server or to a slow third party. The embedded
// schemas (CSAF, FIRST CVSS, CVE, the JSON Schema meta-schemas) are added
// with add_embedded(); tests add the test suite's remotes with add().
//
// Thread safety: fill it on one thread, then share it read-only.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "json/value.hpp"

namespace lotse::schema {

class Registry {
 public:
  // Parses `json_text` and registers it under `uri` and under its own `$id`
  // (or draft-04 `id`), when that differs. Errors: the text is not JSON.
  tl::expected<void, std::string> add(std::string_view uri, std::string_view json_text);

  // Registers every schema embedded in the binary (resources/schemas), with
  // the aliases documents use to reference them (e.g. the FIRST CVSS schemas
  // are referenced without the "?20170531" their `$id` carries).
  void add_embedded();

  // The document registered under `uri` (fragment ignored), or nullptr.
  const json::Document* find(std::string_view uri) const;

 private:
  std::map<std::string, std::shared_ptr<const json::Document>, std::less<>> documents_;
};

// The registry with all embedded schemas, built once on first use.
const Registry& embedded_registry();

}  // namespace lotse::schema
