// The key store on disk: a directory (`lotse keys --keyring DIR`, default
// ./keys) holding one signing identity as two ASCII-armored transferable
// keys, readable by gpg and every other OpenPGP tool:
//
//   DIR/secret.asc   the key with its secret part   mode 0600
//   DIR/public.asc   its public part (published)    mode 0644
//
// A directory Lotse creates is mode 0700. Files are written atomically
// (temporary file, fsync, rename); the secret one is created 0600 from the
// start, so it is never readable by others, not even briefly. A directory
// with only public.asc is a verification keyring.
//
// Thread safety: stateless; concurrent writers to one directory race as any
// two renames do (last one wins, never a torn file).
#pragma once

#include <string>

#include <tl/expected.hpp>

#include "openpgp/key.hpp"

namespace lotse::openpgp {

inline constexpr const char* kSecretKeyFile = "secret.asc";
inline constexpr const char* kPublicKeyFile = "public.asc";

// Writes `key` into `dir` (created when missing): public.asc always,
// secret.asc when the key has a secret part. A public-only key replaces a
// stored secret key only with `overwrite`, which then removes secret.asc
// (it would no longer match). Errors: a stored key exists and `overwrite`
// is false; I/O.
tl::expected<void, std::string> save_key(const std::string& dir, const Key& key, bool overwrite);

// The key in dir/secret.asc. Errors: missing (the message says how to make
// one), unreadable, not exactly one key.
tl::expected<Key, std::string> load_secret_key(const std::string& dir);

// The key in dir/secret.asc when there is one, else dir/public.asc: what
// `keys show` and `keys export` describe.
tl::expected<Key, std::string> load_key(const std::string& dir);

}  // namespace lotse::openpgp
