#include "json/pointer.hpp"

#include <algorithm>
#include <charconv>

namespace lotse::json {

void append_pointer_token(std::string& pointer, std::string_view token) {
  pointer += '/';
  if (token.find_first_of("~/") == std::string_view::npos) {  // the common case
    pointer.append(token);
    return;
  }
  for (char c : token) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer += c;
    }
  }
}

void append_pointer_index(std::string& pointer, std::size_t index) {
  if (index < 10) {  // the common case
    const char digits[2] = {'/', static_cast<char>('0' + index)};
    pointer.append(digits, 2);
    return;
  }
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, index);
  pointer += '/';
  pointer.append(buf, end);
}

tl::expected<std::vector<std::string>, std::string> parse_pointer(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty()) return tokens;
  if (pointer[0] != '/') {
    return tl::unexpected("a JSON pointer must be empty or start with '/': \"" +
                          std::string(pointer) + "\"");
  }
  std::size_t i = 1;
  std::string token;
  for (;;) {
    if (i >= pointer.size() || pointer[i] == '/') {
      tokens.push_back(std::move(token));
      token.clear();
      if (i >= pointer.size()) break;
      ++i;
      continue;
    }
    char c = pointer[i];
    if (c == '~') {
      if (i + 1 >= pointer.size() || (pointer[i + 1] != '0' && pointer[i + 1] != '1')) {
        return tl::unexpected("'~' must be followed by '0' or '1' in JSON pointer \"" +
                              std::string(pointer) + "\" at offset " + std::to_string(i));
      }
      token += pointer[i + 1] == '0' ? '~' : '/';
      i += 2;
    } else {
      token += c;
      ++i;
    }
  }
  return tokens;
}

const Value* resolve_pointer(const Value& root, std::string_view pointer) {
  auto tokens = parse_pointer(pointer);
  if (!tokens) return nullptr;
  const Value* current = &root;
  for (const std::string& token : *tokens) {
    if (current->is_object()) {
      current = current->find(token);
    } else if (current->is_array()) {
      if (token.empty() || (token.size() > 1 && token[0] == '0')) return nullptr;
      std::size_t index = 0;
      auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), index);
      if (ec != std::errc() || end != token.data() + token.size()) return nullptr;
      current = current->at(index);
    } else {
      return nullptr;
    }
    if (!current) return nullptr;
  }
  return current;
}

std::string pointer_to(const Value& root, const Value& target) {
  std::string pointer;
  const std::size_t offset = target.offset();
  const Value* at = &root;
  while (at != &target) {
    if (at->is_array()) {
      const auto items = at->items();
      // The last item starting at or before the target holds it.
      auto next = std::upper_bound(items.begin(), items.end(), offset,
                                   [](std::size_t o, const Value& item) { return o < item.offset(); });
      if (next == items.begin()) break;
      --next;
      append_pointer_index(pointer, static_cast<std::size_t>(next - items.begin()));
      at = &*next;
    } else if (at->is_object()) {
      const auto members = at->members();
      auto next = std::upper_bound(members.begin(), members.end(), offset,
                                   [](std::size_t o, const Member& m) { return o < m.value.offset(); });
      if (next == members.begin()) break;
      --next;
      append_pointer_token(pointer, next->key);
      at = &next->value;
    } else {
      break;  // a scalar that is not the target: `target` is not in this document
    }
  }
  return pointer;
}

}  // namespace lotse::json
