// Type-checked access to the members the optional tests read. Documents may
// fail the schema and the tests still run, so every read goes through these:
// a member of the wrong type reads as absent (the schema reports it).
//
// Stateless; thread-safe.
#pragma once

#include <span>
#include <string_view>

#include "json/value.hpp"

namespace lotse::csaf::optional {

// The items of `value` when it is an array, else none.
inline std::span<const json::Value> items_of(const json::Value* value) {
  return value && value->is_array() ? value->items() : std::span<const json::Value>{};
}

// `object`/`key` when it is a string, else nullptr.
inline const json::Value* string_member(const json::Value* object, std::string_view key) {
  const json::Value* value = object ? object->find(key) : nullptr;
  return value && value->is_string() ? value : nullptr;
}

// `object`/`key` when it is an object, else nullptr.
inline const json::Value* object_member(const json::Value* object, std::string_view key) {
  const json::Value* value = object ? object->find(key) : nullptr;
  return value && value->is_object() ? value : nullptr;
}

// /document/<key> and /document/tracking/<key>, whatever their type.
inline const json::Value* document_member(const json::Value& root, std::string_view key) {
  const json::Value* document = root.find("document");
  return document ? document->find(key) : nullptr;
}
inline const json::Value* tracking_member(const json::Value& root, std::string_view key) {
  const json::Value* tracking = document_member(root, "tracking");
  return tracking ? tracking->find(key) : nullptr;
}

}  // namespace lotse::csaf::optional
