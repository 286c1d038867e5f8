// Turns schema documents into a Graph (see graph.hpp).
//
// Compilation runs in two passes per document: indexing walks every
// subschema to learn base URIs, `$id`s, `$anchor`s and `$dynamicAnchor`s
// (so a `$ref` may point anywhere, in any order); compiling then builds Nodes
// on demand from the root, following `$ref`s into other registered documents
// as they are met. Private to src/schema; one Compiler per Schema::compile.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <tl/expected.hpp>

#include "schema/graph.hpp"
#include "schema/registry.hpp"
#include "schema/schema.hpp"

namespace lotse::schema {

class Compiler {
 public:
  Compiler(const Registry& registry, const CompileOptions& options, Graph& graph)
      : registry_(registry), options_(options), graph_(graph) {}

  // Compiles the document registered under `uri` into graph.root.
  tl::expected<void, std::string> compile_root(std::string_view uri);

 private:
  struct Info {
    std::string base;      // base URI in effect at this subschema
    std::string location;  // absolute location (document URI # pointer)
    Dialect dialect;
    bool assert_formats;
    Resource* resource;
  };

  bool index_document(const json::Document& doc, std::string_view uri);
  void index(const json::Value& schema, Info info);
  void index_children(const json::Value& schema, const Info& info);
  Dialect dialect_of(std::string_view meta_uri, bool& assert_formats, int hops = 0) const;

  Node* compile(const json::Value& schema, const Info* fallback = nullptr);
  void compile_keywords(const json::Value& schema, const Info& info, Node& node);
  Node* compile_sub(const json::Value& schema, const Info& parent, std::string_view pointer);
  // Compiles the target of a `$ref`-like keyword; `target` (optional)
  // receives the schema value it resolved to.
  Node* resolve_ref(std::string_view reference, const Info& info, std::string_view keyword,
                    const json::Value** target = nullptr);
  const json::Value* find_resource_root(std::string_view absolute_uri);
  void bypass_reference_only_nodes();
  void fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }

  const Registry& registry_;
  const CompileOptions& options_;
  Graph& graph_;
  std::unordered_map<const json::Value*, Info> info_;
  std::unordered_map<std::string, const json::Value*> by_uri_;  // resources and anchors
  std::unordered_map<const json::Value*, Node*> compiled_;
  std::set<const json::Document*> indexed_;
  struct PendingAnchor {
    Resource* resource;
    std::string name;
    const json::Value* schema;
  };
  std::vector<PendingAnchor> pending_dynamic_;  // $dynamicAnchors to compile
  std::string error_;
};

}  // namespace lotse::schema
