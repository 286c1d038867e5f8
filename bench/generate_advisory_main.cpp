// Writes the synthetic advisory with N products to standard output, so that
// the peer benchmark (bench/peer) validates exactly the document Lotse does.
// Usage: generate_advisory N > file.json
#include <cstdio>
#include <cstdlib>
#include <string>

#include "generate_advisory.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: generate_advisory PRODUCTS\n");
    return 2;
  }
  const long products = std::strtol(argv[1], nullptr, 10);
  if (products < 1) {
    std::fprintf(stderr, "generate_advisory: PRODUCTS must be >= 1\n");
    return 2;
  }
  const std::string text = lotse::bench::generate_advisory(static_cast<std::size_t>(products));
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}
