// Decrypting OpenPGP messages sent to one's own key: a CERT's report
// intake, where a reporter encrypts the report to the CERT's published key
// (with gpg or any OpenPGP tool) and the platform decrypts it on arrival.
//
// A Decryptor unlocks its own copy of the key's encryption key once, when
// it is made, so each message costs one public-key operation. The
// plaintext is capped while it is written (a compressed message cannot
// unfold into more memory than the caller allows).
//
// Thread safety: one thread at a time per Decryptor.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "openpgp/key.hpp"
#include "openpgp/passphrase.hpp"

namespace lotse::openpgp {

class Decryptor {
 public:
  // A decryptor for messages to `key`'s encryption (sub)key, unlocked with
  // `passphrase` (ignored for an unprotected key). Errors: no secret part,
  // no valid encryption key, a wrong or missing passphrase.
  static tl::expected<Decryptor, std::string> create(const Key& key, const Passphrase& passphrase = {});

  Decryptor(Decryptor&&) noexcept;
  Decryptor& operator=(Decryptor&&) noexcept;
  ~Decryptor();

  // The plaintext of `message` (ASCII-armored or binary). Errors, in words
  // fit for the sender: not an OpenPGP message, not encrypted to this key,
  // damaged or modified, plaintext over `max_bytes`.
  tl::expected<std::string, std::string> decrypt(std::string_view message, std::size_t max_bytes);

  // The fingerprint of the primary key.
  const std::string& fingerprint() const { return key_.fingerprint(); }

 private:
  explicit Decryptor(Key key) : key_(std::move(key)) {}
  Key key_;  // an unlocked copy
};

}  // namespace lotse::openpgp
