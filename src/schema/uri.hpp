// URI reference resolution (RFC 3986 section 5) for schema identifiers.
//
// `$id` and `$ref` are URI references resolved against the current base
// URI. Resolution is purely textual: Lotse never fetches a URI; resolved
// identifiers are only looked up among locally registered schemas.
// Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace lotse::schema {

// Resolves `reference` against the absolute URI `base` (RFC 3986 5.2.2,
// including dot-segment removal). An empty base leaves `reference` as is.
std::string resolve_uri(std::string_view base, std::string_view reference);

// Splits "abs#frag" into ("abs", "frag"); `fragment` is empty when absent.
void split_fragment(std::string_view uri, std::string_view& without, std::string_view& fragment);

// The URI without its fragment; "http://x/s#" and "http://x/s" are the same
// resource.
std::string strip_fragment(std::string_view uri);

// Decodes %XX escapes (URI fragments that carry JSON pointers).
std::string percent_decode(std::string_view text);

// Escapes the characters a JSON pointer may hold but a URI fragment may not.
std::string percent_encode_fragment(std::string_view pointer);

}  // namespace lotse::schema
