// Base64 (RFC 4648, standard alphabet, padded) for bytes inside JSON
// bodies, through libsodium. Stateless and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lotse::server {

// The bytes `text` encodes; nullopt when it is not base64. Whitespace
// (line breaks of wrapped base64) is ignored.
std::optional<std::string> decode_base64(std::string_view text);

// `bytes` as padded standard base64.
std::string encode_base64(std::string_view bytes);

}  // namespace lotse::server
