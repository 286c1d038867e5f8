// Percent-encoding as ECMA-427 5.4 defines it for purl components (internal).
//
// Decoding turns each `%XX` into its byte and checks that the result is
// UTF-8, since components are UTF-8 strings; '+' stays '+' (a purl is not
// form-encoded). Encoding leaves only the "allowed set" (ASCII letters and
// digits, `.-_~`) and ':' unencoded, which ECMA-427 requires of the
// canonical form; every other byte becomes `%XX` with uppercase hex digits.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "purl/package_url.hpp"

namespace lotse::purl::detail {

// Decodes `raw`, which starts at byte `offset` of the parsed text (errors
// carry offsets into that text). `what` names the component in messages.
tl::expected<std::string, Error> percent_decode(std::string_view raw, std::size_t offset,
                                                std::string_view what);

// Appends `text` percent-encoded to `out`.
void append_percent_encoded(std::string& out, std::string_view text);

}  // namespace lotse::purl::detail
