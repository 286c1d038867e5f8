// Reading a JSON request body into typed values: the one validation
// boundary for API input. A body must be application/json, parse strictly
// (json/parser.hpp: UTF-8, no duplicate keys, depth and size limits) and be
// an object; members are then taken by name and type, and members the
// endpoint does not know are refused (a misspelt "descripton" must not be
// dropped silently).
//
// Errors are ready responses: 415 wrong media type, 400 malformed JSON,
// 422 a member of the wrong type or unknown (naming the member).
// Thread safety: a JsonObject is used by one thread.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "json/parser.hpp"
#include "server/http/message.hpp"

namespace lotse::server {

// The parsed body of `request`; its root is an object.
tl::expected<json::Document, http::Response> parse_json_body(const http::Request& request);

// `text` parsed as for a body (a decrypted body, say); its root is an object.
tl::expected<json::Document, http::Response> parse_json_object(std::string_view text);

// Typed access to the members of one JSON object, collecting errors.
class JsonObject {
 public:
  // `prefix` names the object in messages ("attachments[0].").
  JsonObject(const json::Value& object, std::string prefix = "") : object_(object), prefix_(std::move(prefix)) {}

  // Refuses every member not in `known`.
  void allow_only(std::initializer_list<std::string_view> known);
  // A string member; nullopt when absent or null. Another type: an error.
  std::optional<std::string> text(std::string_view name);
  // An integer member (ids); nullopt when absent or null. Another type, a
  // fraction or a value outside int64: an error.
  std::optional<std::int64_t> integer(std::string_view name);
  // A boolean member; `fallback` when absent or null.
  bool flag(std::string_view name, bool fallback = false);
  // The member's value when it is an array (absent or null: nullptr).
  const json::Value* array(std::string_view name);

  void add_error(std::string name, std::string message) {
    errors_.push_back({prefix_ + name, std::move(message)});
  }
  std::vector<http::FieldError>& errors() { return errors_; }

 private:
  const json::Value& object_;
  std::string prefix_;
  std::vector<http::FieldError> errors_;
};

// The 422 response for field errors.
http::Response invalid_fields(const std::vector<http::FieldError>& errors);

}  // namespace lotse::server
