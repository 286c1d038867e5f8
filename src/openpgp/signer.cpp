#include "openpgp/signer.hpp"

#include <string.h>  // explicit_bzero

#include "openpgp/key_state.hpp"

namespace lotse::openpgp {

// The key that makes the signatures: the primary key or a signing subkey.
struct Signer::SigningKey {
  rnp::KeyHandle handle;
};

Signer::Signer(Key key, std::unique_ptr<SigningKey> signing, HashAlgorithm hash)
    : key_(std::move(key)), signing_(std::move(signing)), hash_(hash) {}
Signer::Signer(Signer&&) noexcept = default;
Signer& Signer::operator=(Signer&&) noexcept = default;
Signer::~Signer() = default;

tl::expected<Signer, std::string> Signer::create(const Key& key, const Passphrase& passphrase,
                                                 HashAlgorithm hash) {
  if (!key.has_secret()) {
    return tl::unexpected("key " + key.fingerprint() + " has no secret part: it cannot sign");
  }
  // A copy of the key in a context of its own, so that unlocking it leaves
  // `key` as it is.
  auto armored = key.export_secret_armored();
  if (!armored) return tl::unexpected(armored.error());
  auto copy = Key::import(*armored);
  if (!armored->empty()) explicit_bzero(armored->data(), armored->size());
  if (!copy) return tl::unexpected(copy.error());

  rnp_key_handle_t raw = nullptr;
  rnp_result_t rc = rnp_key_get_default_key(copy->state_->primary.get(), "sign", 0, &raw);
  auto signing = std::make_unique<SigningKey>(SigningKey{rnp::KeyHandle(raw)});
  if (rc != RNP_SUCCESS || raw == nullptr) {
    return tl::unexpected("key " + key.fingerprint() +
                          " has no valid key for signing (expired, revoked, or not a signing key)");
  }
  bool have_secret = false;
  if (rnp_key_have_secret(raw, &have_secret) != RNP_SUCCESS || !have_secret) {
    return tl::unexpected("key " + key.fingerprint() + " lacks the secret part of its signing key");
  }
  bool locked = false;
  if (rnp_key_is_locked(raw, &locked) == RNP_SUCCESS && locked) {
    if (passphrase.empty()) {
      return tl::unexpected("secret key " + key.fingerprint() +
                            " is protected by a passphrase, and none was given");
    }
    rc = rnp_key_unlock(raw, passphrase.c_str());
    if (rc == RNP_ERROR_BAD_PASSWORD) return tl::unexpected("wrong passphrase for secret key " + key.fingerprint());
    if (rc != RNP_SUCCESS) return tl::unexpected(rnp::error("cannot unlock secret key " + key.fingerprint(), rc));
  }
  return Signer(std::move(*copy), std::move(signing), hash);
}

tl::expected<std::string, std::string> Signer::sign_detached_armored(std::string_view document) {
  auto input = rnp::input_from(document);
  if (!input) return tl::unexpected(input.error());
  auto output = rnp::memory_output();
  if (!output) return tl::unexpected(output.error());
  rnp_op_sign_t raw_op = nullptr;
  rnp_result_t rc = rnp_op_sign_detached_create(&raw_op, key_.state_->ffi.get(), input->get(), output->get());
  rnp::SignOp op(raw_op);
  if (rc == RNP_SUCCESS) rc = rnp_op_sign_set_armor(op.get(), true);
  if (rc == RNP_SUCCESS) {
    rc = rnp_op_sign_set_hash(op.get(), hash_ == HashAlgorithm::sha512 ? RNP_ALGNAME_SHA512 : RNP_ALGNAME_SHA256);
  }
  if (rc == RNP_SUCCESS) rc = rnp_op_sign_add_signature(op.get(), signing_->handle.get(), nullptr);
  if (rc == RNP_SUCCESS) rc = rnp_op_sign_execute(op.get());
  if (rc != RNP_SUCCESS) return tl::unexpected(rnp::error("cannot sign with key " + key_.fingerprint(), rc));
  op.reset();  // finishes the armor
  return rnp::contents(output->get());
}

}  // namespace lotse::openpgp
