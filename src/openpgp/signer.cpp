#include "openpgp/signer.hpp"

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
  auto unlocked = unlock_copy(key, passphrase, "sign", "signing key", "expired, revoked, or not a signing key");
  if (!unlocked) return tl::unexpected(unlocked.error());
  auto signing = std::make_unique<SigningKey>(SigningKey{std::move(unlocked->handle)});
  return Signer(std::move(unlocked->key), std::move(signing), hash);
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
