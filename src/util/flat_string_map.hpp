// A map from string_view to a small value in one flat open-addressing
// table: built once per document for ID lookups (every referenced product
// ID checked against the defined ones), where std::unordered_map's one
// allocation per element dominated the cost. Keys are hashed with the
// seeded util::hash_bytes, so hostile documents cannot force collisions.
// The views must outlive the map. Not thread-safe for writes; const lookups
// may be shared.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "util/hash.hpp"

namespace lotse::util {

template <typename V>
class FlatStringMap {
 public:
  // REQUIRES: at most `expected` insertions will follow (the table is sized
  // once and never grows).
  explicit FlatStringMap(std::size_t expected) {
    std::size_t capacity = 16;
    while (capacity < expected * 2 + 1) capacity *= 2;
    slots_.assign(capacity, Slot{});
  }

  // Inserts (key, value) unless `key` is there. Returns the stored value
  // (the earlier one when the key existed) and whether it was inserted.
  std::pair<V*, bool> try_emplace(std::string_view key, V value) {
    const std::uint64_t h = hash_bytes(key);
    for (std::size_t i = h & mask();; i = (i + 1) & mask()) {
      Slot& slot = slots_[i];
      if (!slot.used) {
        slot = Slot{key, h, std::move(value), true};
        return {&slot.value, true};
      }
      if (slot.hash == h && slot.key == key) return {&slot.value, false};
    }
  }

  // The value stored for `key`, or nullptr.
  const V* find(std::string_view key) const {
    const std::uint64_t h = hash_bytes(key);
    for (std::size_t i = h & mask();; i = (i + 1) & mask()) {
      const Slot& slot = slots_[i];
      if (!slot.used) return nullptr;
      if (slot.hash == h && slot.key == key) return &slot.value;
    }
  }

  bool contains(std::string_view key) const { return find(key) != nullptr; }

 private:
  struct Slot {
    std::string_view key;
    std::uint64_t hash = 0;
    V value{};
    bool used = false;
  };
  std::size_t mask() const { return slots_.size() - 1; }
  std::vector<Slot> slots_;
};

}  // namespace lotse::util
