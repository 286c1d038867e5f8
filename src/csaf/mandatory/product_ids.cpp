// 6.1.1 Missing Definition of Product ID, 6.1.2 Multiple Definition of
// Product ID, 6.1.3 Circular Definition of Product ID.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "csaf/mandatory/mandatory_tests.hpp"
#include "csaf/product_id_index.hpp"
#include "csaf/text.hpp"
#include "json/pointer.hpp"
#include "util/string_map.hpp"

namespace lotse::csaf::mandatory {

void missing_definition_of_product_id(TestContext& context) {
  const ProductIdIndex& index = context.product_ids();
  // The spec lists the referencing paths; `flags` is among them through
  // known issue #909 (the OASIS corpus expects it).
  for (const json::Value* id : index.references()) {
    if (index.is_defined(id->as_string())) continue;
    context.report(*id, "product ID " + quote_text(id->as_string()) +
                            " is not defined in the product tree; expected a full product name"
                            " (in full_product_names, branches or relationships) with this"
                            " product_id");
  }
}

void multiple_definition_of_product_id(TestContext& context) {
  const ProductIdIndex& index = context.product_ids();
  for (const auto& [repeat, first] : index.repeated_definitions()) {
    const json::Value& id = *index.definitions()[repeat];
    context.report(id, "product ID " + quote_text(id.as_string()) + " is already defined at " +
                           context.pointer_to(*index.definitions()[first]) +
                           "; expected each product ID to be defined once");
  }
}

namespace {

// The product IDs defined by relationships, as a graph: an edge X -> Y when
// a relationship defines X in terms of Y (product_reference or
// relates_to_product_reference), Y being defined by a relationship too.
// Other IDs (from full_product_names, branches, or undefined) end every
// chain, so they need no node.
struct RelationshipGraph {
  util::StringViewMap<std::uint32_t> node_of;
  std::vector<std::vector<std::uint32_t>> edges;
};

constexpr std::string_view kReferenceKeys[] = {"product_reference", "relates_to_product_reference"};

const json::Value* defined_id(const json::Value& relationship) {
  const json::Value* name = relationship.find("full_product_name");
  const json::Value* id = name ? name->find("product_id") : nullptr;
  return id && id->is_string() ? id : nullptr;
}

RelationshipGraph build_graph(std::span<const json::Value> relationships) {
  RelationshipGraph graph;
  for (const json::Value& relationship : relationships) {
    if (const json::Value* id = defined_id(relationship)) {
      // The size is read before the insertion: the new node's index.
      graph.node_of.try_emplace(id->as_string(), static_cast<std::uint32_t>(graph.node_of.size()));
    }
  }
  graph.edges.resize(graph.node_of.size());
  for (const json::Value& relationship : relationships) {
    const json::Value* id = defined_id(relationship);
    if (!id) continue;
    const std::uint32_t from = graph.node_of.at(id->as_string());
    for (std::string_view key : kReferenceKeys) {
      const json::Value* target = relationship.find(key);
      if (!target || !target->is_string()) continue;
      auto to = graph.node_of.find(target->as_string());
      if (to != graph.node_of.end()) graph.edges[from].push_back(to->second);
    }
  }
  return graph;
}

// Strongly connected components of the graph (Tarjan, with an explicit
// stack: relationship chains may be 100,000 long), and for each component
// whether it holds a circle and whether a circle is reachable from it.
struct Components {
  std::vector<std::uint32_t> component_of;  // per node
  std::vector<std::uint32_t> size;          // per component
  std::vector<bool> circular;               // per component: holds a circle
  std::vector<bool> reaches_circle;         // per component: circular or leads to one
};

Components find_components(const RelationshipGraph& graph) {
  constexpr std::uint32_t kUnvisited = std::numeric_limits<std::uint32_t>::max();
  const std::size_t nodes = graph.edges.size();
  Components result;
  result.component_of.assign(nodes, kUnvisited);
  std::vector<std::uint32_t> index(nodes, kUnvisited);
  std::vector<std::uint32_t> low(nodes, 0);
  std::vector<bool> on_stack(nodes, false);
  std::vector<std::uint32_t> stack;
  struct Call {
    std::uint32_t node;
    std::size_t next_edge;
  };
  std::vector<Call> calls;
  std::uint32_t counter = 0;

  for (std::uint32_t start = 0; start < nodes; ++start) {
    if (index[start] != kUnvisited) continue;
    index[start] = low[start] = counter++;
    stack.push_back(start);
    on_stack[start] = true;
    calls.push_back({start, 0});
    while (!calls.empty()) {
      const std::uint32_t v = calls.back().node;
      if (calls.back().next_edge < graph.edges[v].size()) {
        const std::uint32_t w = graph.edges[v][calls.back().next_edge++];
        if (index[w] == kUnvisited) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack[w] = true;
          calls.push_back({w, 0});
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      calls.pop_back();
      if (!calls.empty()) low[calls.back().node] = std::min(low[calls.back().node], low[v]);
      if (low[v] != index[v]) continue;
      // v roots a component. Tarjan finishes components after every
      // component they reach, so successors' reaches_circle is known.
      const auto component = static_cast<std::uint32_t>(result.size.size());
      std::uint32_t members = 0;
      bool circular = false;
      std::size_t first_member = stack.size();
      do {
        --first_member;
        const std::uint32_t m = stack[first_member];
        on_stack[m] = false;
        result.component_of[m] = component;
        ++members;
      } while (stack[first_member] != v);
      bool reaches = false;
      for (std::size_t i = first_member; i < stack.size(); ++i) {
        for (std::uint32_t w : graph.edges[stack[i]]) {
          if (result.component_of[w] == component) {
            circular = true;  // an edge inside the component: self-loop or circle
          } else if (result.component_of[w] != kUnvisited &&
                     result.reaches_circle[result.component_of[w]]) {
            reaches = true;
          }
        }
      }
      stack.resize(first_member);
      result.size.push_back(members);
      result.circular.push_back(circular);
      result.reaches_circle.push_back(circular || reaches);
    }
  }
  return result;
}

}  // namespace

void circular_definition_of_product_id(TestContext& context) {
  const json::Value* tree = context.root().find("product_tree");
  const json::Value* list = tree ? tree->find("relationships") : nullptr;
  if (!list || !list->is_array()) return;
  std::span<const json::Value> relationships = list->items();
  const RelationshipGraph graph = build_graph(relationships);
  const Components components = find_components(graph);

  // One finding per reference that leads into a circle, at the reference:
  // that is where the definition goes round (or into someone else's circle).
  std::string pointer;
  for (std::size_t i = 0; i < relationships.size(); ++i) {
    const json::Value* id = defined_id(relationships[i]);
    if (!id) continue;
    const std::uint32_t from = components.component_of[graph.node_of.at(id->as_string())];
    for (std::string_view key : kReferenceKeys) {
      const json::Value* target = relationships[i].find(key);
      if (!target || !target->is_string()) continue;
      auto node = graph.node_of.find(target->as_string());
      if (node == graph.node_of.end()) continue;
      const std::uint32_t to = components.component_of[node->second];
      const std::string defined = quote_text(id->as_string());
      const std::string named = quote_text(target->as_string());
      std::string message;
      if (target->as_string() == id->as_string()) {
        message = std::string(key) + " " + named +
                  " is the product ID this relationship defines: a circular definition; expected"
                  " a reference to another product";
      } else if (from == to && components.circular[to]) {
        message = std::string(key) + " " + named + " is itself defined through " + defined +
                  ", the product ID this relationship defines (a circle of " +
                  std::to_string(components.size[to]) +
                  " product IDs); expected references to products not defined through " + defined;
      } else if (components.reaches_circle[to]) {
        message = std::string(key) + " " + named + " has a circular definition, so " + defined +
                  " ends up in that circle; expected references to products with a"
                  " non-circular definition";
      } else {
        continue;
      }
      pointer = "/product_tree/relationships";
      json::append_pointer_index(pointer, i);
      json::append_pointer_token(pointer, key);
      context.report(pointer, std::move(message));
    }
  }
}

}  // namespace lotse::csaf::mandatory
