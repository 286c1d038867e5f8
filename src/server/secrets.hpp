// The platform's secrets, through libsodium (Debian libsodium-dev):
// random tokens for session ids, CSRF tokens, API tokens and report follow
// links; their hashes, which are all the database ever holds; and password
// hashes with argon2id.
//
// Tokens carry 256 bits from the operating system's generator, so a plain
// (unkeyed, fast) hash suffices to store them: nobody can search the space
// behind a stolen hash. Passwords are guessable, so they get argon2id with
// libsodium's interactive limits (memory-hard, salted, self-describing
// "$argon2id$..." strings). Comparisons of secrets run in constant time.
//
// Thread safety: all functions are thread-safe (libsodium is initialised
// once, on first use).
#pragma once

#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace lotse::server::secrets {

// 32 random bytes as 43 characters of unpadded base64url: fits in URLs and
// cookies unescaped.
std::string random_token();

// `count` random characters from an alphabet without look-alikes
// (Crockford base32: no I, L, O, U), for tracking ids people read aloud.
std::string random_code(std::size_t count);

// The hex BLAKE2b-256 digest of a token, as stored and looked up.
std::string hash_token(std::string_view token);

// Whether two strings are equal, in time independent of where they differ.
bool equal_constant_time(std::string_view a, std::string_view b);

// An argon2id hash string of `password`. Errors: out of memory (argon2id
// needs 64 MiB), or a password over 4 KiB.
tl::expected<std::string, std::string> hash_password(std::string_view password);

// Whether `password` matches `hash` (from hash_password()).
bool verify_password(std::string_view hash, std::string_view password);

// Whether a password is acceptable for a new account: 12 to 1024 bytes of
// UTF-8. The reason when not.
tl::expected<void, std::string> check_new_password(std::string_view password);

}  // namespace lotse::server::secrets
