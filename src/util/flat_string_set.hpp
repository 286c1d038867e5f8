// A set of string_views in one flat open-addressing table: built once per
// document for ID lookups (every referenced product ID checked against the
// defined ones), where std::unordered_set's one allocation per element
// dominated the cost. The views must outlive the set. Not thread-safe for
// writes; const lookups may be shared.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace lotse::util {

class FlatStringSet {
 public:
  // REQUIRES: at most `expected` insertions will follow (the table is sized
  // once and never grows).
  explicit FlatStringSet(std::size_t expected) {
    std::size_t capacity = 16;
    while (capacity < expected * 2 + 1) capacity *= 2;
    slots_.assign(capacity, Slot{});
  }

  // Inserts `key`; false when it was already there.
  bool insert(std::string_view key) {
    const std::uint64_t h = hash(key);
    for (std::size_t i = h & mask();; i = (i + 1) & mask()) {
      Slot& slot = slots_[i];
      if (!slot.used) {
        slot = Slot{key, h, true};
        return true;
      }
      if (slot.hash == h && slot.key == key) return false;
    }
  }

  bool contains(std::string_view key) const {
    const std::uint64_t h = hash(key);
    for (std::size_t i = h & mask();; i = (i + 1) & mask()) {
      const Slot& slot = slots_[i];
      if (!slot.used) return false;
      if (slot.hash == h && slot.key == key) return true;
    }
  }

 private:
  struct Slot {
    std::string_view key;
    std::uint64_t hash = 0;
    bool used = false;
  };
  std::size_t mask() const { return slots_.size() - 1; }
  static std::uint64_t hash(std::string_view key) {
    std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a, then a final mix
    for (char c : key) {
      h ^= static_cast<unsigned char>(c);
      h *= 0x100000001b3ULL;
    }
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ULL;
    return h ^ (h >> 32);
  }
  std::vector<Slot> slots_;
};

}  // namespace lotse::util
