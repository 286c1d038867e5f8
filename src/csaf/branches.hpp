// Walking /product_tree/branches[](/branches[])*: the recursive product
// hierarchy of CSAF (branches_t), for tests that look at every branch
// (6.1.25 hashes of branch products, 6.1.31 version ranges in names).
//
// The walk is iterative, so hostile nesting costs heap, not stack, and
// linear in the number of branches. It tolerates documents that fail the
// schema: a `branches` that is not an array is not descended into, and
// items that are not objects are still visited (the visitor checks types).
// Stateless; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "json/pointer.hpp"
#include "json/value.hpp"

namespace lotse::csaf {

// Calls visit(branch, pointer) for every item of /product_tree/branches and
// of each nested `branches`, in document order (parents before children).
// `pointer` is a reused buffer naming the branch: copy it to keep it.
template <class Visit>
void for_each_branch(const json::Value& root, Visit&& visit) {
  const json::Value* tree = root.find("product_tree");
  const json::Value* top = tree ? tree->find("branches") : nullptr;
  if (!top || !top->is_array()) return;

  // One frame per open `branches` array; `pointer` holds the path to the
  // array of the innermost frame (up to `prefix`), then the current item.
  struct Frame {
    const json::Value* array;
    std::size_t next;
    std::size_t prefix;
  };
  std::string pointer = "/product_tree/branches";
  std::vector<Frame> stack{{top, 0, pointer.size()}};
  while (!stack.empty()) {
    Frame& frame = stack.back();
    if (frame.next >= frame.array->size()) {
      stack.pop_back();
      continue;
    }
    const std::size_t index = frame.next++;
    const json::Value& branch = frame.array->items()[index];
    pointer.resize(frame.prefix);
    json::append_pointer_index(pointer, index);
    visit(branch, std::as_const(pointer));
    const json::Value* children = branch.find("branches");
    if (children && children->is_array() && children->size() > 0) {
      pointer += "/branches";
      stack.push_back({children, 0, pointer.size()});  // invalidates `frame`
    }
  }
}

}  // namespace lotse::csaf
