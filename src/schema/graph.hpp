// The compiled form of a schema: a graph of Nodes, one per (sub)schema,
// each holding its keywords as typed operations. `$ref` edges point straight
// at their target Node, so recursion in schemas is a cycle in the graph and
// nothing is resolved at validation time except `$dynamicRef`.
//
// Private to src/schema: built by compiler.cpp, walked by validator.cpp.
// Immutable after compilation, hence safe to share between threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "json/value.hpp"
#include "schema/ecma_regex.hpp"
#include "schema/schema.hpp"

namespace lotse::schema {

struct Node;

// A schema resource (a schema with its own base URI). `$dynamicRef` looks
// up `$dynamicAnchor`s by resource along the dynamic scope.
struct Resource {
  std::string uri;
  std::unordered_map<std::string, Node*> dynamic_anchors;
};

enum class Op : std::uint8_t {
  type,
  const_value,
  enum_values,
  multiple_of,
  maximum,
  exclusive_maximum,
  minimum,
  exclusive_minimum,
  max_length,
  min_length,
  pattern,
  format,
  max_items,
  min_items,
  unique_items,
  contains,
  max_properties,
  min_properties,
  required,
  dependent_required,
  dependent_schemas,
  property_names,
  properties,  // properties + patternProperties + additionalProperties
  items,       // prefixItems/items(array) + items/additionalItems
  ref,
  dynamic_ref,
  all_of,
  any_of,
  one_of,
  not_schema,
  if_then_else,
  unevaluated_items,
  unevaluated_properties,
};

// Bits of Keyword::type_mask, one per JSON Schema type.
enum TypeBit : std::uint8_t {
  kNull = 1,
  kBoolean = 2,
  kObject = 4,
  kArray = 8,
  kNumber = 16,
  kString = 32,
  kInteger = 64,
};

struct Keyword {
  Op op;
  std::string location;         // absolute keyword location, for reports
  std::string second_location;  // additionalProperties / items rest / else

  std::uint8_t type_mask = 0;
  double number = 0;
  std::string_view number_text;  // exact decimal for multipleOf
  std::size_t count = 0;         // length/size limits, minContains
  std::optional<std::size_t> max_count;  // maxContains
  const json::Value* value = nullptr;    // const, enum (array)
  Node* sub = nullptr;  // not, contains, propertyNames, ref target, items rest,
                        // additionalProperties, unevaluated*, if
  Node* then_node = nullptr;
  Node* else_node = nullptr;
  std::vector<Node*> subs;  // allOf/anyOf/oneOf, prefix items
  std::vector<std::string_view> names;  // required; enum when all strings
  std::vector<std::pair<std::string_view, std::vector<std::string_view>>> dependencies;
  std::vector<std::pair<std::string_view, Node*>> named;  // properties, dependentSchemas
  std::unordered_map<std::string_view, Node*> named_index;  // for large `properties`
  std::vector<std::pair<EcmaRegex, Node*>> patterns;        // patternProperties
  std::optional<EcmaRegex> regex;                           // pattern
  std::string_view format;
  std::string dynamic_anchor;  // $dynamicRef: name to look up in the dynamic scope
};

struct Node {
  bool is_boolean = false;
  bool boolean_value = true;
  bool has_unevaluated = false;  // needs annotations from its in-place subschemas
  bool assert_formats = false;
  Resource* resource = nullptr;
  std::string location;  // absolute location of the schema itself
  std::vector<Keyword> keywords;
};

struct Graph {
  std::deque<Node> nodes;
  std::deque<Resource> resources;
  Node* root = nullptr;
};

}  // namespace lotse::schema
