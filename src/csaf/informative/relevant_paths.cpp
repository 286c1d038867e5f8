#include "csaf/informative/relevant_paths.hpp"

#include "json/pointer.hpp"

namespace lotse::csaf::informative {

std::vector<LocatedValue> values_at(const json::Value& root, std::string_view pattern) {
  std::vector<LocatedValue> current{{&root, ""}};
  std::vector<LocatedValue> next;
  while (!pattern.empty() && !current.empty()) {
    pattern.remove_prefix(1);  // '/'
    const std::size_t end = pattern.find('/');
    std::string_view segment = pattern.substr(0, end);
    pattern = end == std::string_view::npos ? std::string_view() : pattern.substr(end);
    const bool each_item = segment.ends_with("[]");
    if (each_item) segment.remove_suffix(2);
    next.clear();
    for (LocatedValue& at : current) {
      const json::Value* member = at.value->find(segment);
      if (!member) continue;
      std::string pointer = std::move(at.pointer);
      json::append_pointer_token(pointer, segment);
      if (!each_item) {
        next.push_back({member, std::move(pointer)});
        continue;
      }
      if (!member->is_array()) continue;
      for (std::size_t i = 0; i < member->size(); ++i) {
        std::string item_pointer = pointer;
        json::append_pointer_index(item_pointer, i);
        next.push_back({&member->items()[i], std::move(item_pointer)});
      }
    }
    current.swap(next);
  }
  return current;
}

}  // namespace lotse::csaf::informative
