// An OpenPGP key: one primary key with its user ids and subkeys (a
// "transferable key", RFC 4880 section 11.1/11.2), with or without its
// secret part. It is what a CSAF provider signs its documents with
// (requirement 19) and publishes (requirement 20, `public_openpgp_keys` in
// provider-metadata.json, whose `fingerprint` is the 40 hex digits that
// fingerprint() returns).
//
// Keys are made here (generate), read from ASCII-armored or binary bytes
// (import), written as ASCII armor (export_*), and their secret part is
// encrypted with a passphrase or freed of it (protect/unprotect).
//
// Thread safety: a Key is used by one thread at a time; distinct Keys are
// independent (each owns its own librnp context).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "openpgp/passphrase.hpp"

namespace lotse::openpgp {

enum class KeyAlgorithm {
  ed25519,  // EdDSA over Curve25519: small, fast; gpg 2.2 (Debian 12) verifies it
  rsa4096,  // for consumers whose tools predate EdDSA
};

// "ed25519" or "rsa4096" (the names `lotse keys generate --algorithm` takes).
tl::expected<KeyAlgorithm, std::string> parse_key_algorithm(std::string_view name);

struct GenerateOptions {
  std::string name;   // user id "Name <email>"
  std::string email;
  KeyAlgorithm algorithm = KeyAlgorithm::ed25519;
  // Seconds from creation until the key expires; 0: never.
  std::uint32_t expiration_seconds = 0;
  // Also an encryption subkey (Curve25519 ECDH, or RSA-4096 for rsa4096),
  // for a key that people encrypt to: a CERT's report intake key.
  bool encryption_subkey = false;
};

struct KeyInfo {
  std::string fingerprint;  // primary key, upper-case hex (40 digits for v4 keys)
  std::string user_id;      // the primary user id, "Name <email>"
  std::string algorithm;    // "ed25519", "rsa4096", else rnp's name and size ("dsa2048")
  std::int64_t created = 0;  // seconds since the epoch
  std::int64_t expires = 0;  // seconds since the epoch; 0: never
  bool has_secret = false;
  bool is_protected = false;  // the secret part is encrypted with a passphrase
  bool can_sign = false;      // the key or one of its subkeys may make signatures
};

struct UnlockedKey;  // key_state.hpp

class Key {
 public:
  // What a Key holds (the librnp context with the key, key_state.hpp);
  // opaque outside this module.
  struct State;

  // A new signing key (a primary key usable for signing and certification,
  // with an encryption subkey when asked), unprotected: protect() it before
  // storing it.
  // Errors: a name or email that does not make a sane user id.
  static tl::expected<Key, std::string> generate(const GenerateOptions& options);

  // Reads exactly one transferable key, public or secret, ASCII-armored or
  // binary. Errors (with a message fit for a user): not OpenPGP data, no
  // key, more than one primary key.
  static tl::expected<Key, std::string> import(std::string_view bytes);

  Key(Key&&) noexcept;
  Key& operator=(Key&&) noexcept;
  ~Key();

  // The primary key's fingerprint in upper-case hex, the form CSAF
  // provider metadata lists.
  const std::string& fingerprint() const;

  // What `lotse keys show` prints.
  KeyInfo info() const;

  bool has_secret() const;
  bool is_protected() const;

  // The public key (primary, user ids, subkeys) as an ASCII-armored
  // "PGP PUBLIC KEY BLOCK": what a provider publishes.
  tl::expected<std::string, std::string> export_public_armored() const;

  // The whole key with its secret part, as it is (protected or not), as an
  // ASCII-armored "PGP PRIVATE KEY BLOCK". REQUIRES: has_secret().
  tl::expected<std::string, std::string> export_secret_armored() const;

  // Encrypts the secret part (primary and subkeys) with `passphrase`
  // (AES-256, iterated and salted SHA-256 S2K). REQUIRES: has_secret().
  // Errors: already protected, empty passphrase.
  tl::expected<void, std::string> protect(const Passphrase& passphrase);

  // Removes the passphrase protection. Errors: not protected, wrong
  // passphrase.
  tl::expected<void, std::string> unprotect(const Passphrase& passphrase);

 private:
  friend class Signer;
  friend class Decryptor;
  friend tl::expected<UnlockedKey, std::string> unlock_copy(const Key& key, const Passphrase& passphrase,
                                                            const char* usage, std::string_view name,
                                                            std::string_view missing_hint);
  explicit Key(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace lotse::openpgp
