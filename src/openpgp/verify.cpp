#include "openpgp/verify.hpp"

#include <vector>

#include "openpgp/key_state.hpp"

namespace lotse::openpgp {

struct Verifier::State {
  rnp::Ffi ffi;  // the trusted public keys
};

Verifier::Verifier(std::unique_ptr<State> state) : state_(std::move(state)) {}
Verifier::Verifier(Verifier&&) noexcept = default;
Verifier& Verifier::operator=(Verifier&&) noexcept = default;
Verifier::~Verifier() = default;

tl::expected<Verifier, std::string> Verifier::create() {
  auto ffi = rnp::make_ffi();
  if (!ffi) return tl::unexpected(ffi.error());
  rnp_ffi_set_pass_provider(ffi->get(), refuse_password, nullptr);
  return Verifier(std::make_unique<State>(State{std::move(*ffi)}));
}

tl::expected<void, std::string> Verifier::trust(const Key& key) {
  auto armored = key.export_public_armored();
  if (!armored) return tl::unexpected(armored.error());
  auto input = rnp::input_from(*armored);
  if (!input) return tl::unexpected(input.error());
  rnp_result_t rc = rnp_import_keys(state_->ffi.get(), input->get(), RNP_LOAD_SAVE_PUBLIC_KEYS, nullptr);
  if (rc != RNP_SUCCESS) return tl::unexpected(rnp::error("cannot trust key " + key.fingerprint(), rc));
  return {};
}

namespace {

// What one signature in the checked data says about itself.
struct SignatureReport {
  rnp_result_t status = RNP_ERROR_GENERIC;
  std::string key_id;  // issuer key id (16 hex digits), when known
  VerifiedSignature verified;
};

SignatureReport read_signature(rnp_ffi_t ffi, rnp_op_verify_signature_t sig) {
  SignatureReport report;
  report.status = rnp_op_verify_signature_get_status(sig);
  rnp_signature_handle_t raw_handle = nullptr;
  if (rnp_op_verify_signature_get_handle(sig, &raw_handle) == RNP_SUCCESS && raw_handle) {
    rnp::SignatureHandle handle(raw_handle);
    if (auto id = rnp::get_string(rnp_signature_get_keyid, handle.get(), "key id")) report.key_id = *id;
  }
  if (auto hash = rnp::get_string(rnp_op_verify_signature_get_hash, sig, "hash")) report.verified.hash = *hash;
  std::uint32_t created = 0;
  if (rnp_op_verify_signature_get_times(sig, &created, nullptr) == RNP_SUCCESS) report.verified.created = created;

  rnp_key_handle_t raw_key = nullptr;
  if (rnp_op_verify_signature_get_key(sig, &raw_key) != RNP_SUCCESS || raw_key == nullptr) return report;
  rnp::KeyHandle signer(raw_key);
  if (auto fpr = rnp::get_string(rnp_key_get_fprint, signer.get(), "fingerprint")) {
    report.verified.signer_fingerprint = *fpr;
  }
  bool is_primary = false;
  rnp_key_is_primary(signer.get(), &is_primary);
  if (is_primary) {
    report.verified.key_fingerprint = report.verified.signer_fingerprint;
  } else if (auto fpr = rnp::get_string(rnp_key_get_primary_fprint, signer.get(), "fingerprint")) {
    report.verified.key_fingerprint = *fpr;
  }
  rnp_key_handle_t raw_primary = nullptr;
  if (rnp_locate_key(ffi, "fingerprint", report.verified.key_fingerprint.c_str(), &raw_primary) == RNP_SUCCESS &&
      raw_primary) {
    rnp::KeyHandle primary(raw_primary);
    if (auto uid = rnp::get_string(rnp_key_get_primary_uid, primary.get(), "user id")) report.verified.user_id = *uid;
  }
  return report;
}

std::string explain(const SignatureReport& report) {
  const std::string by = report.verified.key_fingerprint.empty()
                             ? "key id " + (report.key_id.empty() ? std::string("unknown") : report.key_id)
                             : "key " + report.verified.key_fingerprint;
  switch (report.status) {
    case RNP_ERROR_KEY_NOT_FOUND:
      return "signed by " + by + ", which is not a trusted key";
    case RNP_ERROR_SIGNATURE_INVALID:
      return "BAD signature by " + by + ": the document or the signature was modified";
    case RNP_ERROR_SIGNATURE_EXPIRED:
      return "the signature by " + by + " has expired";
    default:
      return rnp::error("the signature by " + by + " is not valid", report.status);
  }
}

}  // namespace

tl::expected<VerifiedSignature, std::string> Verifier::verify_detached(std::string_view document,
                                                                       std::string_view signature) {
  if (signature.empty()) return tl::unexpected(std::string("not an OpenPGP signature: it is empty"));
  auto data = rnp::input_from(document);
  if (!data) return tl::unexpected(data.error());
  auto sig_input = rnp::input_from(signature);
  if (!sig_input) return tl::unexpected(sig_input.error());
  rnp_op_verify_t raw_op = nullptr;
  rnp_result_t rc = rnp_op_verify_detached_create(&raw_op, state_->ffi.get(), data->get(), sig_input->get());
  rnp::VerifyOp op(raw_op);
  if (rc != RNP_SUCCESS) return tl::unexpected(rnp::error("cannot check the signature", rc));
  // The overall result says no more than the per-signature statuses below.
  const rnp_result_t executed = rnp_op_verify_execute(op.get());

  std::size_t count = 0;
  rnp_op_verify_get_signature_count(op.get(), &count);
  if (count == 0) {
    return tl::unexpected(executed == RNP_SUCCESS || executed == RNP_ERROR_NO_SIGNATURES_FOUND
                              ? std::string("not an OpenPGP signature: no signature found")
                              : rnp::error("not an OpenPGP signature", executed));
  }
  std::vector<SignatureReport> reports;
  for (std::size_t i = 0; i < count; ++i) {
    rnp_op_verify_signature_t sig = nullptr;
    if (rnp_op_verify_get_signature_at(op.get(), i, &sig) != RNP_SUCCESS) continue;
    SignatureReport report = read_signature(state_->ffi.get(), sig);
    if (report.status == RNP_SUCCESS) return std::move(report.verified);
    reports.push_back(std::move(report));
  }
  std::string message;
  for (const SignatureReport& report : reports) message += (message.empty() ? "" : "; ") + explain(report);
  if (message.empty()) message = rnp::error("the signature is not valid", executed);
  return tl::unexpected(message);
}

tl::expected<VerifiedSignature, std::string> verify_detached(std::string_view document,
                                                             std::string_view signature, const Key& key) {
  auto verifier = Verifier::create();
  if (!verifier) return tl::unexpected(verifier.error());
  if (auto ok = verifier->trust(key); !ok) return tl::unexpected(ok.error());
  return verifier->verify_detached(document, signature);
}

}  // namespace lotse::openpgp
