// Hash maps and sets keyed by text taken from documents (product IDs, CVE
// IDs, group IDs ...). std::hash<std::string_view> is unseeded, so a
// hostile document can list many keys with one hash and make every lookup
// walk them all; these aliases hash with the seeded util::hash_bytes.
// Use them (or util::FlatStringMap) for every container whose keys come
// from input.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "util/hash.hpp"

namespace lotse::util {

struct SeededStringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return hash_bytes(text); }
};

template <typename V>
using StringViewMap = std::unordered_map<std::string_view, V, SeededStringHash>;
using StringViewSet = std::unordered_set<std::string_view, SeededStringHash>;
template <typename V>
using StringMap = std::unordered_map<std::string, V, SeededStringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, SeededStringHash, std::equal_to<>>;

}  // namespace lotse::util
