// String hashing for tables built from untrusted input (product IDs, JSON
// array items). An unseeded hash lets a document list thousands of distinct
// IDs that all collide, turning every linear-time check quadratic; the
// hash here starts from a secret per-process seed, so collisions cannot be
// prepared in advance. Values differ between processes: never persist them
// or let them decide the order of output.
#pragma once

#include <cstdint>
#include <string_view>

namespace lotse::util {

// The per-process random seed (from std::random_device on first use).
std::uint64_t hash_seed();

// Final avalanche step (murmur3 fmix64): spreads every input bit over the
// result, so tables can index with the low bits.
inline std::uint64_t hash_mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

// Seeded FNV-1a over 8-byte words, then mixed. Not cryptographic: it keeps
// an attacker without the seed from choosing colliding keys.
inline std::uint64_t hash_bytes(std::string_view bytes) {
  std::uint64_t h = hash_seed() ^ (0xcbf29ce484222325ULL + bytes.size());
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t word = 0;
    for (std::size_t b = 0; b < 8; ++b) {
      word |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[i + b])) << (8 * b);
    }
    h = (h ^ word) * 0x100000001b3ULL;
    h ^= h >> 29;
  }
  for (; i < bytes.size(); ++i) {
    h = (h ^ static_cast<unsigned char>(bytes[i])) * 0x100000001b3ULL;
  }
  return hash_mix(h);
}

}  // namespace lotse::util
