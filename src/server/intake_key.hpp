// The CERT's report intake key: the OpenPGP key reporters encrypt reports
// to. Its public part is published (GET /api/v1/openpgp-key); POST
// /api/v1/reports accepts an application/pgp-encrypted body, decrypted here
// on arrival, whose plaintext is the JSON report.
//
// Thread safety: decrypt() may be called concurrently; calls are
// serialised on one librnp context (a Decryptor is single-threaded).
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "openpgp/decrypt.hpp"
#include "openpgp/key.hpp"

namespace lotse::server {

class IntakeKey {
 public:
  // The intake key for `key`, whose secret part `passphrase` unlocks.
  // Errors: as openpgp::Decryptor::create (no encryption subkey, wrong
  // passphrase, ...).
  static tl::expected<std::shared_ptr<IntakeKey>, std::string> create(const openpgp::Key& key,
                                                                      const openpgp::Passphrase& passphrase);

  // What GET /api/v1/openpgp-key serves, and the key's fingerprint.
  const std::string& public_armored() const { return public_armored_; }
  const std::string& fingerprint() const { return fingerprint_; }

  // The plaintext of a message encrypted to this key, at most `max_bytes`.
  tl::expected<std::string, std::string> decrypt(std::string_view message, std::size_t max_bytes);

 private:
  IntakeKey(openpgp::Decryptor decryptor, std::string public_armored, std::string fingerprint)
      : decryptor_(std::move(decryptor)), public_armored_(std::move(public_armored)), fingerprint_(std::move(fingerprint)) {}
  std::mutex mutex_;
  openpgp::Decryptor decryptor_;
  std::string public_armored_;
  std::string fingerprint_;
};

}  // namespace lotse::server
