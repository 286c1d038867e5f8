#include "schema/compiler.hpp"

#include <algorithm>

#include "json/pointer.hpp"
#include "schema/uri.hpp"

namespace lotse::schema {

namespace {

// Keywords whose value is one subschema, a map of subschemas or an array of
// subschemas: the places where indexing looks for `$id`s and anchors.
constexpr std::string_view kSingleSubschema[] = {
    "additionalProperties", "additionalItems", "contains", "propertyNames", "not", "if",
    "then", "else", "unevaluatedItems", "unevaluatedProperties", "items"};
constexpr std::string_view kSubschemaMaps[] = {"properties",   "patternProperties", "$defs",
                                               "definitions",  "dependentSchemas",  "dependencies"};
constexpr std::string_view kSubschemaArrays[] = {"allOf", "anyOf", "oneOf", "prefixItems", "items"};

bool is_schema_value(const json::Value& v) { return v.is_object() || v.is_bool(); }

std::optional<Dialect> known_dialect(std::string_view uri) {
  std::string u = strip_fragment(uri);
  if (u == "https://json-schema.org/draft/2020-12/schema") return Dialect::draft2020_12;
  if (u == "https://json-schema.org/draft/2019-09/schema") return Dialect::draft2019_09;
  if (u.starts_with("https://")) u = "http://" + u.substr(8);
  if (u == "http://json-schema.org/draft-07/schema") return Dialect::draft7;
  if (u == "http://json-schema.org/draft-06/schema") return Dialect::draft6;
  if (u == "http://json-schema.org/draft-04/schema") return Dialect::draft4;
  return std::nullopt;
}

std::string child_location(const std::string& location, std::string_view token) {
  std::string out = location;
  json::append_pointer_token(out, token);
  return out;
}

std::string child_location(const std::string& location, std::size_t index) {
  std::string out = location;
  json::append_pointer_index(out, index);
  return out;
}

}  // namespace

Dialect Compiler::dialect_of(std::string_view meta_uri, bool& assert_formats, int hops) const {
  if (auto known = known_dialect(meta_uri)) return *known;
  // A custom meta-schema: its own `$schema` names the dialect, and its
  // `$vocabulary` may switch format assertion on (CSAF 2.1 does).
  const json::Document* meta = hops < 8 ? registry_.find(meta_uri) : nullptr;
  if (!meta || !meta->root().is_object()) return options_.default_dialect;
  if (const json::Value* vocab = meta->root().find("$vocabulary"); vocab && vocab->is_object()) {
    for (const json::Member& m : vocab->members()) {
      if (m.key.ends_with("/vocab/format-assertion") && m.value.is_bool() && m.value.as_bool()) {
        assert_formats = true;
      }
    }
  }
  const json::Value* parent = meta->root().find("$schema");
  if (!parent || !parent->is_string()) return options_.default_dialect;
  return dialect_of(parent->as_string(), assert_formats, hops + 1);
}

bool Compiler::index_document(const json::Document& doc, std::string_view uri) {
  if (!indexed_.insert(&doc).second) return true;
  Info info;
  info.base = strip_fragment(uri);
  info.dialect = options_.default_dialect;
  info.assert_formats = options_.assert_formats;
  info.resource = nullptr;
  const json::Value& root = doc.root();
  std::string location_base = info.base;
  if (root.is_object()) {
    for (std::string_view key : {"$id", "id"}) {
      const json::Value* id = root.find(key);
      if (id && id->is_string() && !id->as_string().starts_with("#")) {
        location_base = strip_fragment(resolve_uri(info.base, id->as_string()));
        break;
      }
    }
  }
  info.location = location_base + "#";
  by_uri_.emplace(info.base, &root);
  index(root, std::move(info));
  return true;
}

void Compiler::index(const json::Value& schema, Info info) {
  if (!is_schema_value(schema)) return;
  if (info_.count(&schema)) return;
  if (schema.is_object()) {
    const bool at_document_root = info.resource == nullptr;
    bool ref_overrides = false;
    if (const json::Value* meta = schema.find("$schema"); meta && meta->is_string()) {
      // `$schema` counts at resource roots; accept it at the document root
      // and beside an `$id` (embedded resources, e.g. cross-draft schemas).
      if (at_document_root || schema.find("$id") || schema.find("id")) {
        bool assert_formats = options_.assert_formats;
        info.dialect = dialect_of(meta->as_string(), assert_formats);
        info.assert_formats = assert_formats;
      }
    }
    ref_overrides = info.dialect <= Dialect::draft7 && schema.find("$ref");
    const json::Value* id = schema.find(info.dialect == Dialect::draft4 ? "id" : "$id");
    bool new_resource = at_document_root;
    if (id && id->is_string() && !ref_overrides) {
      std::string_view text = id->as_string();
      if (info.dialect <= Dialect::draft7 && text.starts_with("#")) {
        by_uri_.emplace(info.base + std::string(text), &schema);  // plain-name anchor
      } else {
        std::string resolved = resolve_uri(info.base, text);
        std::string_view without, fragment;
        split_fragment(resolved, without, fragment);
        if (!fragment.empty() && info.dialect <= Dialect::draft7) {
          by_uri_.emplace(resolved, &schema);
        }
        info.base = std::string(without);
        by_uri_.emplace(info.base, &schema);
        new_resource = true;
      }
    }
    if (new_resource) {
      graph_.resources.push_back(Resource{info.base, {}});
      info.resource = &graph_.resources.back();
    }
    if (info.dialect >= Dialect::draft2019_09) {
      if (const json::Value* anchor = schema.find("$anchor"); anchor && anchor->is_string()) {
        by_uri_.emplace(info.base + "#" + std::string(anchor->as_string()), &schema);
      }
      if (const json::Value* anchor = schema.find("$dynamicAnchor"); anchor && anchor->is_string()) {
        std::string name(anchor->as_string());
        by_uri_.emplace(info.base + "#" + name, &schema);
        pending_dynamic_.push_back({info.resource, name, &schema});
      }
    }
  } else if (info.resource == nullptr) {
    graph_.resources.push_back(Resource{info.base, {}});
    info.resource = &graph_.resources.back();
  }
  auto [it, inserted] = info_.emplace(&schema, std::move(info));
  if (schema.is_object()) index_children(schema, it->second);
}

void Compiler::index_children(const json::Value& schema, const Info& info) {
  auto child_info = [&](std::string location) {
    Info child = info;
    child.location = std::move(location);
    return child;
  };
  for (std::string_view key : kSingleSubschema) {
    const json::Value* v = schema.find(key);
    if (v && is_schema_value(*v)) index(*v, child_info(child_location(info.location, key)));
  }
  for (std::string_view key : kSubschemaMaps) {
    const json::Value* v = schema.find(key);
    if (!v || !v->is_object()) continue;
    std::string base = child_location(info.location, key);
    for (const json::Member& m : v->members()) {
      if (is_schema_value(m.value)) index(m.value, child_info(child_location(base, m.key)));
    }
  }
  for (std::string_view key : kSubschemaArrays) {
    const json::Value* v = schema.find(key);
    if (!v || !v->is_array()) continue;
    std::string base = child_location(info.location, key);
    for (std::size_t i = 0; i < v->size(); ++i) {
      index(*v->at(i), child_info(child_location(base, i)));
    }
  }
}

const json::Value* Compiler::find_resource_root(std::string_view absolute_uri) {
  std::string key(absolute_uri);
  if (auto it = by_uri_.find(key); it != by_uri_.end()) return it->second;
  const json::Document* doc = registry_.find(absolute_uri);
  if (!doc) return nullptr;
  index_document(*doc, absolute_uri);
  auto it = by_uri_.find(key);
  return it == by_uri_.end() ? &doc->root() : it->second;
}

Node* Compiler::resolve_ref(std::string_view reference, const Info& info, std::string_view keyword,
                            const json::Value** target_value) {
  std::string target = resolve_uri(info.base, reference);
  std::string_view absolute, fragment;
  split_fragment(target, absolute, fragment);
  const json::Value* root = find_resource_root(absolute);
  if (!root) {
    fail(info.location + "/" + std::string(keyword) + ": cannot resolve \"" +
         std::string(reference) + "\" (" + std::string(absolute) +
         " is not a registered schema; Lotse never fetches schemas from the network)");
    return nullptr;
  }
  const json::Value* schema = nullptr;
  if (fragment.empty()) {
    schema = root;
  } else if (fragment.starts_with("/")) {
    schema = json::resolve_pointer(*root, percent_decode(fragment));
  } else {
    auto it = by_uri_.find(std::string(absolute) + "#" + std::string(fragment));
    if (it != by_uri_.end()) schema = it->second;
  }
  if (!schema) {
    fail(info.location + "/" + std::string(keyword) + ": \"" + std::string(reference) +
         "\" names nothing in " + std::string(absolute));
    return nullptr;
  }
  // A pointer may lead somewhere indexing did not visit (e.g. into an
  // unknown keyword): evaluate it in the context of the resource it is in.
  if (target_value) *target_value = schema;
  Info fallback = info_.count(root) ? info_.at(root) : info;
  fallback.location = target;
  return compile(*schema, &fallback);
}

tl::expected<void, std::string> Compiler::compile_root(std::string_view uri) {
  const json::Document* doc = registry_.find(uri);
  if (!doc) return tl::unexpected("no schema registered under " + std::string(uri));
  index_document(*doc, uri);
  graph_.root = compile(doc->root());
  // `$dynamicRef` may land on any `$dynamicAnchor` of a resource in the
  // dynamic scope, so every one must be compiled (this may index more).
  for (std::size_t i = 0; i < pending_dynamic_.size() && error_.empty(); ++i) {
    auto [resource, name, schema] = pending_dynamic_[i];
    Node* node = compile(*schema);
    if (resource && node) resource->dynamic_anchors.emplace(name, node);
  }
  if (!error_.empty()) return tl::unexpected(error_);
  bypass_reference_only_nodes();
  return {};
}

// A schema that is nothing but a `$ref` (the common `{"$ref": "#/$defs/x"}`)
// costs a whole evaluation step per value. Every edge into such a node is
// redirected to where the `$ref` leads, which changes no result: the node has
// no keyword of its own, and its resource has no `$dynamicAnchor` that its
// presence in the dynamic scope could make visible. Chains are followed;
// cycles of reference-only nodes are left alone (the validator reports them).
void Compiler::bypass_reference_only_nodes() {
  auto reference_only = [](const Node* node) -> const Node* {
    if (node->is_boolean || node->has_unevaluated || node->keywords.size() != 1) return nullptr;
    const Keyword& k = node->keywords.front();
    if (k.op != Op::ref || !k.sub) return nullptr;
    if (node->resource && !node->resource->dynamic_anchors.empty()) return nullptr;
    return k.sub;
  };
  auto final_target = [&](Node* node) -> Node* {
    Node* current = node;
    for (std::size_t steps = 0; steps <= graph_.nodes.size(); ++steps) {
      const Node* next = reference_only(current);
      if (!next) return current;
      current = const_cast<Node*>(next);
      if (current == node) return node;  // a cycle: keep the original edge
    }
    return node;
  };
  auto redirect = [&](Node*& edge) {
    if (edge) edge = final_target(edge);
  };
  for (Node& node : graph_.nodes) {
    for (Keyword& k : node.keywords) {
      redirect(k.sub);
      redirect(k.then_node);
      redirect(k.else_node);
      for (Node*& sub : k.subs) redirect(sub);
      for (auto& entry : k.named) redirect(entry.second);
      for (auto& entry : k.named_index) redirect(entry.second);
      for (auto& entry : k.patterns) redirect(entry.second);
    }
  }
  for (Resource& resource : graph_.resources) {
    for (auto& entry : resource.dynamic_anchors) redirect(entry.second);
  }
  redirect(graph_.root);
}

Node* Compiler::compile(const json::Value& schema, const Info* fallback) {
  if (auto it = compiled_.find(&schema); it != compiled_.end()) return it->second;
  if (!info_.count(&schema) && fallback) index(schema, *fallback);
  auto found = info_.find(&schema);
  if (found == info_.end()) {
    // Not a schema (e.g. an array where a subschema belongs): the
    // compilation fails; the placeholder keeps the graph well-formed.
    fail((fallback ? fallback->location : std::string("(schema)")) +
         ": a schema must be an object or a boolean, found " +
         std::string(json::type_name(schema.type())));
    graph_.nodes.emplace_back();
    Node& placeholder = graph_.nodes.back();
    placeholder.is_boolean = true;
    placeholder.boolean_value = false;
    return &placeholder;
  }
  const Info& info = found->second;
  graph_.nodes.emplace_back();
  Node& node = graph_.nodes.back();
  compiled_.emplace(&schema, &node);
  node.location = info.location;
  node.resource = info.resource;
  node.assert_formats = info.assert_formats;
  if (schema.is_bool()) {
    node.is_boolean = true;
    node.boolean_value = schema.as_bool();
    return &node;
  }
  if (!schema.is_object()) {
    fail(info.location + ": a schema must be an object or a boolean, found " +
         std::string(json::type_name(schema.type())));
    return &node;
  }
  compile_keywords(schema, info, node);
  return &node;
}

Node* Compiler::compile_sub(const json::Value& schema, const Info& parent, std::string_view pointer) {
  Info fallback = parent;
  fallback.location = parent.location + std::string(pointer);
  return compile(schema, &fallback);
}

}  // namespace lotse::schema
