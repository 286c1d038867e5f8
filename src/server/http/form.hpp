// HTML form bodies, parsed from a complete (size-capped) body:
// application/x-www-form-urlencoded (a form without files) and
// multipart/form-data (RFC 7578, a form with files).
//
// Parsing is strict and bounded: at most kMaxFormFields fields, a
// malformed percent escape or multipart structure is an error naming what is
// wrong (the caller answers 400), never a guess. Values are bytes as sent;
// the caller checks UTF-8 where it wants text. Stateless and thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

namespace lotse::server::http {

inline constexpr std::size_t kMaxFormFields = 200;

struct FormField {
  std::string name;
  std::string value;  // the text, or a file's bytes
  // Set for a file part (multipart only): the file name the browser sent
  // (possibly empty: a file input left empty) and its Content-Type.
  std::optional<std::string> filename;
  std::string media_type;
};

struct Form {
  std::vector<FormField> fields;

  // The first text field named `name`, if sent.
  const FormField* find(std::string_view name) const;
};

// Decodes an application/x-www-form-urlencoded body ('+' is a space,
// %XX a byte).
tl::expected<Form, std::string> parse_urlencoded(std::string_view body);

// Decodes a multipart/form-data body; `content_type` is the request's
// Content-Type header (the boundary is taken from it).
tl::expected<Form, std::string> parse_multipart(std::string_view body, std::string_view content_type);

// Percent-decodes `text` ('+' as space when `plus_is_space`); nullopt for a
// malformed escape.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

}  // namespace lotse::server::http
