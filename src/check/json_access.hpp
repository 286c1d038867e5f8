// Reading a stranger's JSON without trusting its shape: each accessor
// answers "absent" for a missing member or a value of the wrong type, so
// the checks can say what was expected instead of crashing.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "json/value.hpp"

namespace lotse::check {

// The value at a path of object members; nullptr when any step is missing
// or not an object.
inline const json::Value* member_at(const json::Value& root, std::initializer_list<std::string_view> path) {
  const json::Value* at = &root;
  for (std::string_view key : path) {
    if (!at->is_object()) return nullptr;
    at = at->find(key);
    if (!at) return nullptr;
  }
  return at;
}

// The string at a path; empty when absent or not a string.
inline std::string string_at(const json::Value& root, std::initializer_list<std::string_view> path) {
  const json::Value* v = member_at(root, path);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

}  // namespace lotse::check
