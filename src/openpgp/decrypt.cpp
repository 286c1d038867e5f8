#include "openpgp/decrypt.hpp"

#include <string.h>  // explicit_bzero

#include "openpgp/key_state.hpp"

namespace lotse::openpgp {

Decryptor::Decryptor(Decryptor&&) noexcept = default;
Decryptor& Decryptor::operator=(Decryptor&&) noexcept = default;
Decryptor::~Decryptor() = default;

tl::expected<Decryptor, std::string> Decryptor::create(const Key& key, const Passphrase& passphrase) {
  if (!key.has_secret()) return tl::unexpected("key " + key.fingerprint() + " has no secret part: it cannot decrypt");
  // A copy in a context of its own, so that unlocking it leaves `key` as is.
  auto armored = key.export_secret_armored();
  if (!armored) return tl::unexpected(armored.error());
  auto copy = Key::import(*armored);
  if (!armored->empty()) explicit_bzero(armored->data(), armored->size());
  if (!copy) return tl::unexpected(copy.error());
  rnp_key_handle_t raw = nullptr;
  rnp_result_t rc = rnp_key_get_default_key(copy->state_->primary.get(), "encrypt", 0, &raw);
  rnp::KeyHandle encryption(raw);
  if (rc != RNP_SUCCESS || raw == nullptr) {
    return tl::unexpected("key " + key.fingerprint() +
                          " has no valid encryption key (make one with `lotse keys generate --encryption-subkey`)");
  }
  bool have_secret = false;
  if (rnp_key_have_secret(raw, &have_secret) != RNP_SUCCESS || !have_secret) {
    return tl::unexpected("key " + key.fingerprint() + " lacks the secret part of its encryption key");
  }
  bool locked = false;
  if (rnp_key_is_locked(raw, &locked) == RNP_SUCCESS && locked) {
    if (passphrase.empty()) {
      return tl::unexpected("secret key " + key.fingerprint() + " is protected by a passphrase, and none was given");
    }
    rc = rnp_key_unlock(raw, passphrase.c_str());
    if (rc == RNP_ERROR_BAD_PASSWORD) return tl::unexpected("wrong passphrase for secret key " + key.fingerprint());
    if (rc != RNP_SUCCESS) return tl::unexpected(rnp::error("cannot unlock secret key " + key.fingerprint(), rc));
  }
  return Decryptor(std::move(*copy));
}

tl::expected<std::string, std::string> Decryptor::decrypt(std::string_view message, std::size_t max_bytes) {
  if (message.empty()) return tl::unexpected(std::string("not an OpenPGP message: the input is empty"));
  auto input = rnp::input_from(message);
  if (!input) return tl::unexpected(input.error());
  rnp_output_t raw_output = nullptr;
  // One byte more than allowed: a plaintext that fills it is too large.
  if (rnp_result_t rc = rnp_output_to_memory(&raw_output, max_bytes + 1); rc != RNP_SUCCESS) {
    return tl::unexpected(rnp::error("cannot decrypt", rc));
  }
  rnp::Output output(raw_output);
  const rnp_result_t rc = rnp_decrypt(key_.state_->ffi.get(), input->get(), output.get());
  auto plaintext = rnp::contents(output.get());
  if (plaintext && plaintext->size() > max_bytes) {
    explicit_bzero(plaintext->data(), plaintext->size());
    return tl::unexpected("the decrypted message is larger than " + std::to_string(max_bytes) + " bytes");
  }
  if (rc != RNP_SUCCESS) {
    if (plaintext && !plaintext->empty()) explicit_bzero(plaintext->data(), plaintext->size());
    switch (rc) {
      case RNP_ERROR_NO_SUITABLE_KEY:
      case RNP_ERROR_KEY_NOT_FOUND:
        return tl::unexpected("the message is not encrypted to key " + key_.fingerprint());
      case RNP_ERROR_WRITE:
      case RNP_ERROR_OUT_OF_MEMORY:
        return tl::unexpected("the decrypted message is larger than " + std::to_string(max_bytes) + " bytes");
      case RNP_ERROR_BAD_FORMAT:
      case RNP_ERROR_NOT_ENOUGH_DATA:
      case RNP_ERROR_READ:
        return tl::unexpected(std::string("not an OpenPGP message, or a damaged one"));
      default:
        return tl::unexpected(rnp::error("the message cannot be decrypted (damaged or modified)", rc));
    }
  }
  if (!plaintext) return tl::unexpected(plaintext.error());
  return std::move(*plaintext);
}

}  // namespace lotse::openpgp
