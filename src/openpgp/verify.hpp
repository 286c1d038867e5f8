// Checking detached OpenPGP signatures against the public keys one trusts:
// a CSAF consumer (`lotse check`) checks each "<document>.asc" against the
// keys the provider lists in `public_openpgp_keys`.
//
// A Verifier holds copies of public keys only; it answers which of them made
// a signature, or why none did, in words fit for a user.
//
// Thread safety: one thread at a time per Verifier; distinct Verifiers are
// independent.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "openpgp/key.hpp"

namespace lotse::openpgp {

struct VerifiedSignature {
  std::string key_fingerprint;      // the trusted (primary) key that signed
  std::string signer_fingerprint;   // the key that made it: that key or its subkey
  std::string user_id;              // the primary user id of the trusted key
  std::int64_t created = 0;         // signature creation, seconds since the epoch
  std::string hash;                 // "SHA512", "SHA256", ...
};

class Verifier {
 public:
  // A verifier that trusts no key yet.
  static tl::expected<Verifier, std::string> create();

  Verifier(Verifier&&) noexcept;
  Verifier& operator=(Verifier&&) noexcept;
  ~Verifier();

  // Trusts the public part of `key` (a secret part is never copied).
  tl::expected<void, std::string> trust(const Key& key);

  // The trusted key that made a valid signature in `signature` (ASCII-armored
  // or binary, detached) over exactly `document`. Errors: not a signature,
  // made by a key not trusted here, the document or the signature was
  // modified, the signature or key expired.
  tl::expected<VerifiedSignature, std::string> verify_detached(std::string_view document,
                                                               std::string_view signature);

 private:
  struct State;
  explicit Verifier(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// One-off check against a single key: Verifier::create(), trust(key),
// verify_detached().
tl::expected<VerifiedSignature, std::string> verify_detached(std::string_view document,
                                                             std::string_view signature, const Key& key);

}  // namespace lotse::openpgp
