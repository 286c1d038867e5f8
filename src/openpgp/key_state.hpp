// What a Key holds, shared by key.cpp, signer.cpp and verify.cpp only: the
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

// A pass provider that never answers: librnp must not prompt on a terminal
// (Lotse unlocks keys explicitly with a given passphrase).
bool refuse_password(rnp_ffi_t, void*, rnp_key_handle_t, const char*, char[], size_t);

}  // namespace lotse::openpgp
