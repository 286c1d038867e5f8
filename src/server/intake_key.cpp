#include "server/intake_key.hpp"

namespace lotse::server {

tl::expected<std::shared_ptr<IntakeKey>, std::string> IntakeKey::create(const openpgp::Key& key,
                                                                        const openpgp::Passphrase& passphrase) {
  auto armored = key.export_public_armored();
  if (!armored) return tl::unexpected(armored.error());
  auto decryptor = openpgp::Decryptor::create(key, passphrase);
  if (!decryptor) return tl::unexpected(decryptor.error());
  return std::shared_ptr<IntakeKey>(new IntakeKey(std::move(*decryptor), std::move(*armored), key.fingerprint()));
}

tl::expected<std::string, std::string> IntakeKey::decrypt(std::string_view message, std::size_t max_bytes) {
  std::lock_guard lock(mutex_);
  return decryptor_.decrypt(message, max_bytes);
}

}  // namespace lotse::server
