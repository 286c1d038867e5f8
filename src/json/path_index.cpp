#include "json/path_index.hpp"

#include <algorithm>
#include <cassert>
#include <vector>

#include "json/pointer.hpp"

namespace lotse::json {

void PathIndex::build() const {
  built_ = true;
  // Iterative: documents nest as deep as the parser's limit allows.
  std::vector<const Value*> pending{&root_};
  while (!pending.empty()) {
    const Value* value = pending.back();
    pending.pop_back();
    if (value->is_array()) {
      const auto items = value->items();
      for (std::uint32_t i = 0; i < items.size(); ++i) {
        parent_of_.emplace(&items[i], Step{value, i});
        if (items[i].size() > 0) pending.push_back(&items[i]);
      }
    } else if (value->is_object()) {
      const auto members = value->members();
      for (std::uint32_t i = 0; i < members.size(); ++i) {
        parent_of_.emplace(&members[i].value, Step{value, i});
        if (members[i].value.size() > 0) pending.push_back(&members[i].value);
      }
    }
  }
}

std::string PathIndex::pointer_to(const Value& value) const {
  if (!built_) build();
  // Walk up to the root, then write the steps top-down.
  std::vector<Step> steps;
  for (const Value* at = &value; at != &root_;) {
    auto found = parent_of_.find(at);
    if (found == parent_of_.end()) {
      assert(!"PathIndex::pointer_to: value is not inside the document");
      return {};
    }
    steps.push_back(found->second);
    at = found->second.parent;
  }
  std::string pointer;
  for (auto step = steps.rbegin(); step != steps.rend(); ++step) {
    if (step->parent->is_array()) {
      append_pointer_index(pointer, step->index);
    } else {
      append_pointer_token(pointer, step->parent->members()[step->index].key);
    }
  }
  return pointer;
}

}  // namespace lotse::json
