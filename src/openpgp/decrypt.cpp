#include "openpgp/decrypt.hpp"

#include <string.h>  // explicit_bzero

#include "openpgp/key_state.hpp"

namespace lotse::openpgp {

Decryptor::Decryptor(Decryptor&&) noexcept = default;
Decryptor& Decryptor::operator=(Decryptor&&) noexcept = default;
Decryptor::~Decryptor() = default;

tl::expected<Decryptor, std::string> Decryptor::create(const Key& key, const Passphrase& passphrase) {
  if (!key.has_secret()) return tl::unexpected("key " + key.fingerprint() + " has no secret part: it cannot decrypt");
  auto unlocked = unlock_copy(key, passphrase, "encrypt", "encryption key",
                              "make one with `lotse keys generate --encryption-subkey`");
  if (!unlocked) return tl::unexpected(unlocked.error());
  return Decryptor(std::move(unlocked->key));  // librnp finds the unlocked subkey in the copy's context
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
