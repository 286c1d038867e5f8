// What a Key holds, shared by the openpgp sources only: the
// librnp context with exactly one primary key in it, and that key's handle.
#pragma once

#include <string>

#include "openpgp/key.hpp"
#include "openpgp/rnp.hpp"

namespace lotse::openpgp {

struct Key::State {
  rnp::Ffi ffi;
  rnp::KeyHandle primary;  // declared after ffi: destroyed before it
  std::string fingerprint;
};

// A copy of a key in a librnp context of its own, and the handle of its
// default key for one usage, unlocked: what a Signer or Decryptor holds, so
// that unlocking leaves the caller's Key as it is.
struct UnlockedKey {
  Key key;
  rnp::KeyHandle handle;  // declared after key: destroyed before its context
};

// Copies `key` and unlocks its default key for `usage` ("sign" or
// "encrypt") with `passphrase` (none needed when it is not protected).
// `name` says which key in messages ("signing key", "encryption key"),
// `missing_hint` what to do when there is none.
// REQUIRES: key.has_secret(). Errors: no valid key for the usage, its
// secret part missing, protected without a passphrase, a wrong passphrase.
tl::expected<UnlockedKey, std::string> unlock_copy(const Key& key, const Passphrase& passphrase, const char* usage,
                                                   std::string_view name);

// A pass provider that never answers: librnp must not prompt on a terminal
// (Lotse unlocks keys explicitly with a given passphrase).
bool refuse_password(rnp_ffi_t, void*, rnp_key_handle_t, const char*, char[], size_t);

}  // namespace lotse::openpgp
