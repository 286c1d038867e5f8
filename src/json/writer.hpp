// Writing JSON text: string escaping for Lotse's own JSON output (findings as
// JSON Lines, reports) and compact serialization of parsed Values.
//
// Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "json/value.hpp"

namespace lotse::json {

// Appends `text` as a quoted JSON string. Control characters and '"', '\\'
// are escaped; bytes that are not valid UTF-8 become U+FFFD so the output
// is always valid JSON, even when echoing hostile input.
void write_string(std::string& out, std::string_view text);

// Appends the compact JSON text of `value` (members in source order, numbers
// as written).
void write_value(std::string& out, const Value& value);

}  // namespace lotse::json
