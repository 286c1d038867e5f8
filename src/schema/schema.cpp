#include "schema/schema.hpp"

#include "schema/compiler.hpp"
#include "schema/graph.hpp"

namespace lotse::schema {

// Defined in validator.cpp.
bool validate_graph(const Graph& graph, const json::Value& instance,
                    std::vector<Violation>* violations);

tl::expected<Schema, std::string> Schema::compile(const Registry& registry, std::string_view uri,
                                                  const CompileOptions& options) {
  auto graph = std::make_shared<Graph>();
  Compiler compiler(registry, options, *graph);
  if (auto ok = compiler.compile_root(uri); !ok) return tl::unexpected(std::move(ok.error()));
  Schema schema;
  schema.graph_ = std::move(graph);
  return schema;
}

bool Schema::validate(const json::Value& instance, std::vector<Violation>* violations) const {
  return validate_graph(*graph_, instance, violations);
}

}  // namespace lotse::schema
