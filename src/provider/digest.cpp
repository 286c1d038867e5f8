#include "provider/digest.hpp"

#include <cstdlib>

#include <openssl/evp.h>

namespace lotse::provider {

namespace {

std::string digest_hex(const EVP_MD* md, std::string_view bytes) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  // EVP_Digest fails only on allocation failure or a broken libcrypto; a
  // published hash must never be wrong, so that is fatal.
  if (EVP_Digest(bytes.data(), bytes.size(), out, &size, md, nullptr) != 1) std::abort();
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(size * 2);
  for (unsigned int i = 0; i < size; ++i) {
    hex.push_back(kHex[out[i] >> 4]);
    hex.push_back(kHex[out[i] & 0xf]);
  }
  return hex;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) { return digest_hex(EVP_sha256(), bytes); }

std::string sha512_hex(std::string_view bytes) { return digest_hex(EVP_sha512(), bytes); }

std::string hash_file_line(std::string_view hex, std::string_view file_name) {
  std::string line(hex);
  line += "  ";
  line += file_name;
  line += '\n';
  return line;
}

}  // namespace lotse::provider
