#include "server/secrets.hpp"

#include <sodium.h>

#include <mutex>
#include <stdexcept>

#include "json/utf8.hpp"

namespace lotse::server::secrets {
namespace {

void init_sodium_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot initialise");
  });
}

constexpr std::size_t kMaxPassword = 4096;

}  // namespace

std::string random_token() {
  init_sodium_once();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char text[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(text, sizeof text, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(bytes, sizeof bytes);
  return text;
}

std::string random_code(std::size_t count) {
  init_sodium_once();
  static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  std::string code;
  code.reserve(count);
  for (std::size_t i = 0; i < count; ++i) code += kAlphabet[randombytes_uniform(32)];
  return code;
}

std::string hash_token(std::string_view token) {
  init_sodium_once();
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     nullptr, 0);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

bool equal_constant_time(std::string_view a, std::string_view b) {
  init_sodium_once();
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

tl::expected<std::string, std::string> hash_password(std::string_view password) {
  init_sodium_once();
  if (password.size() > kMaxPassword) return tl::unexpected(std::string("password longer than 4 KiB"));
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return tl::unexpected(std::string("argon2id ran out of memory"));
  }
  return std::string(hash);
}

bool verify_password(std::string_view hash, std::string_view password) {
  init_sodium_once();
  if (password.size() > kMaxPassword || hash.size() >= crypto_pwhash_STRBYTES) return false;
  const std::string terminated(hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

tl::expected<void, std::string> check_new_password(std::string_view password) {
  if (password.size() < 12) return tl::unexpected(std::string("must be at least 12 characters long"));
  if (password.size() > 1024) return tl::unexpected(std::string("must be at most 1024 bytes long"));
  if (json::first_invalid_utf8(password) != password.size() || password.find('\0') != std::string_view::npos) {
    return tl::unexpected(std::string("must be UTF-8 text without NUL"));
  }
  return {};
}

}  // namespace lotse::server::secrets
