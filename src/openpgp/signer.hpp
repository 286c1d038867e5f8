// Detached, ASCII-armored OpenPGP signatures over documents: the
// "<document>.asc" files CSAF requirement 19 asks of a provider.
//
// A Signer unlocks its key once, when it is made, and keeps the unlocked key
// in its own librnp context; each signature then costs one hash over the
// document and one public-key operation, with no key loading or passphrase
// derivation, so a publisher signs thousands of documents with one Signer.
//
// Thread safety: one thread at a time per Signer. To sign in parallel, make
// one Signer per thread from the same Key.
#pragma once

#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "openpgp/key.hpp"
#include "openpgp/passphrase.hpp"

namespace lotse::openpgp {

enum class HashAlgorithm { sha256, sha512 };

class Signer {
 public:
  // A signer with its own copy of `key`'s secret part, unlocked with
  // `passphrase` (ignored for an unprotected key). Signatures use `hash`;
  // SHA-512 by default, as the CSAF reference tools (gocsaf, through
  // gopenpgp) sign.
  // Errors: no secret part, no key able to sign (expired, revoked, or only
  // an encryption key), a protected key without or with a wrong passphrase.
  static tl::expected<Signer, std::string> create(const Key& key, const Passphrase& passphrase = {},
                                                  HashAlgorithm hash = HashAlgorithm::sha512);

  Signer(Signer&&) noexcept;
  Signer& operator=(Signer&&) noexcept;
  ~Signer();

  // The "-----BEGIN PGP SIGNATURE-----" block over exactly `document`'s
  // bytes (a binary signature, type 0x00: no line-ending normalisation),
  // made now. `gpg --verify document.asc document` accepts it.
  tl::expected<std::string, std::string> sign_detached_armored(std::string_view document);

  // The fingerprint of the primary key the signatures belong to.
  const std::string& fingerprint() const { return key_.fingerprint(); }

 private:
  struct SigningKey;
  Signer(Key key, std::unique_ptr<SigningKey> signing, HashAlgorithm hash);
  Key key_;
  std::unique_ptr<SigningKey> signing_;  // declared after key_: released before its context
  HashAlgorithm hash_;
};

}  // namespace lotse::openpgp
