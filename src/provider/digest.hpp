// SHA-256 and SHA-512 of published documents (CSAF requirement 18), as the
// lower-case hex digits that `sha256sum`/`sha512sum` print, over OpenSSL's
// libcrypto (Debian libssl-dev).
//
// Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace lotse::provider {

// Lower-case hex SHA-256 of `bytes` (64 digits).
std::string sha256_hex(std::string_view bytes);

// Lower-case hex SHA-512 of `bytes` (128 digits).
std::string sha512_hex(std::string_view bytes);

// The content of a hash file: "<hex>  <file_name>\n", the format
// `sha256sum -c` reads and requirement 18's example shows.
std::string hash_file_line(std::string_view hex, std::string_view file_name);

}  // namespace lotse::provider
