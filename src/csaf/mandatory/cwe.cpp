// 6.1.11 CWE: each /vulnerabilities[]/cwe names a CWE weakness by its id
// and its exact name.
//
// CSAF 2.0 names no CWE release, so a name is accepted when it was the
// name of that id in any release of the embedded catalog (1.0 onwards): an
// advisory written against an older release stays valid. (CSAF 2.1 adds
// `version` and checks that release; its recommended test 6.2.24 flags
// non-latest releases.) Categories and views are not in the catalog, so
// their ids fail as unknown weaknesses.
#include "csaf/cwe_catalog.hpp"
#include "csaf/mandatory/mandatory_tests.hpp"
#include "csaf/text.hpp"
#include "json/pointer.hpp"

namespace lotse::csaf::mandatory {

void cwe(TestContext& context) {
  const json::Value* vulnerabilities = context.root().find("vulnerabilities");
  if (!vulnerabilities || !vulnerabilities->is_array()) return;
  const CweCatalog& catalog = CweCatalog::embedded();
  if (catalog.releases().empty()) return;  // unreachable: the unit tests check the embedding
  const std::string releases = std::string(catalog.releases().front().version) + " to " +
                               std::string(catalog.releases().back().version);
  std::string pointer = "/vulnerabilities";
  for (std::size_t i = 0; i < vulnerabilities->size(); ++i) {
    const json::Value* cwe = vulnerabilities->items()[i].find("cwe");
    if (!cwe) continue;
    const json::Value* id = cwe->find("id");
    const json::Value* name = cwe->find("name");
    if (!id || !id->is_string()) continue;  // the schema reports it
    const std::size_t base = pointer.size();
    json::append_pointer_index(pointer, i);
    pointer += "/cwe";
    std::span<const CweCatalog::Record> history = catalog.history(id->as_string());
    if (history.empty()) {
      context.report(pointer + "/id",
                     "CWE id " + quote_text(id->as_string()) + " is not a weakness in any release of the CWE catalog (" +
                         releases + "); expected the id of a CWE weakness, e.g. \"CWE-79\"");
    } else if (name && name->is_string()) {
      bool known = false;
      for (const CweCatalog::Record& record : history) known = known || record.name == name->as_string();
      if (!known) {
        const CweCatalog::Record& newest = history.back();
        context.report(pointer + "/name",
                       "CWE name " + quote_text(name->as_string()) + " is not the name of " +
                           std::string(newest.id) + " in any CWE release (" + releases +
                           "); expected its name, in CWE " +
                           std::string(catalog.releases()[newest.last].version) + " \"" +
                           std::string(newest.name) + "\"");
      }
    }
    pointer.resize(base);
  }
}

}  // namespace lotse::csaf::mandatory
