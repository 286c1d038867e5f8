// 6.2.13 Sorting: the keys of every object of the document, at any depth,
// are in alphabetical order (key_collation.hpp says which order). Arrays
// keep their order; the objects inside them are checked. The walk is
// iterative (depth costs heap, not stack) and visits each value once.
#include <string>
#include <vector>

#include "csaf/optional/key_collation.hpp"
#include "csaf/optional/optional_tests.hpp"
#include "csaf/text.hpp"
#include "json/pointer.hpp"

namespace lotse::csaf::optional {

namespace {

// Reports `object` (at `pointer`) when two neighbouring keys are out of
// order, naming the first such pair: one finding per unsorted object.
void check_object(TestContext& context, const json::Value& object, const std::string& pointer) {
  std::span<const json::Member> members = object.members();
  for (std::size_t i = 1; i < members.size(); ++i) {
    if (compare_keys(members[i - 1].key, members[i].key) <= 0) continue;
    context.report(object, pointer, "the keys are not sorted alphabetically: " + quote_text(members[i - 1].key) +
                                " comes before " + quote_text(members[i].key) +
                                "; expected the keys of every object in alphabetical order");
    return;
  }
}

}  // namespace

// Sorted keys make documents comparable line by line (diffs of revisions)
// and canonical to read.
void sorting(TestContext& context) {
  struct Frame {
    const json::Value* container;  // an array or an object
    std::size_t next;              // index of the next item or member
    std::size_t prefix;            // length of `pointer` naming the container
  };
  std::string pointer;
  std::vector<Frame> stack;
  auto enter = [&](const json::Value& value) {
    if (value.is_object()) check_object(context, value, pointer);
    if (value.size() > 0) stack.push_back({&value, 0, pointer.size()});
  };
  enter(context.root());
  while (!stack.empty()) {
    Frame& frame = stack.back();
    if (frame.next >= frame.container->size()) {
      stack.pop_back();
      continue;
    }
    const std::size_t index = frame.next++;
    pointer.resize(frame.prefix);
    const json::Value* child;
    if (frame.container->is_object()) {
      const json::Member& member = frame.container->members()[index];
      json::append_pointer_token(pointer, member.key);
      child = &member.value;
    } else {
      json::append_pointer_index(pointer, index);
      child = &frame.container->items()[index];
    }
    if (child->is_object() || child->is_array()) enter(*child);  // may invalidate `frame`
  }
}

}  // namespace lotse::csaf::optional
