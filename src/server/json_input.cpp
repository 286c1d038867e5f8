#include "server/json_input.hpp"

#include <algorithm>

namespace lotse::server {

tl::expected<json::Document, http::Response> parse_json_body(const http::Request& request) {
  if (request.media_type() != "application/json") {
    return tl::unexpected(http::error_response(415, "unsupported_media_type", "send the body as application/json"));
  }
  return parse_json_object(request.body);
}

tl::expected<json::Document, http::Response> parse_json_object(std::string_view text) {
  json::ParseLimits limits;
  limits.max_size = text.size() + 1;  // the daemon capped the body already
  limits.max_depth = 16;
  auto document = json::parse(text, limits);
  if (!document) {
    return tl::unexpected(
        http::error_response(400, "malformed_json", "the body is not valid JSON: " + document.error().describe()));
  }
  if (!document->root().is_object()) {
    return tl::unexpected(http::error_response(422, "invalid_body", "the body must be a JSON object"));
  }
  return std::move(*document);
}

void JsonObject::allow_only(std::initializer_list<std::string_view> known) {
  for (const json::Member& member : object_.members()) {
    if (std::find(known.begin(), known.end(), member.key) == known.end()) {
      add_error(std::string(member.key), "unknown field");
    }
  }
}

std::optional<std::string> JsonObject::text(std::string_view name) {
  const json::Value* value = object_.find(name);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_string()) {
    add_error(std::string(name), "must be a string, not " + std::string(json::type_name(value->type())));
    return std::nullopt;
  }
  return std::string(value->as_string());
}

std::optional<std::int64_t> JsonObject::integer(std::string_view name) {
  const json::Value* value = object_.find(name);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_number() || !value->is_integer()) {
    add_error(std::string(name), value->is_number() ? "must be an integer"
                                                    : "must be an integer, not " + std::string(json::type_name(value->type())));
    return std::nullopt;
  }
  const double number = value->as_double();
  // 2^63 is exact as a double; everything below it converts.
  if (!(number >= -9223372036854775808.0 && number < 9223372036854775808.0)) {
    add_error(std::string(name), "is out of range");
    return std::nullopt;
  }
  return static_cast<std::int64_t>(number);
}

bool JsonObject::flag(std::string_view name, bool fallback) {
  const json::Value* value = object_.find(name);
  if (value == nullptr || value->is_null()) return fallback;
  if (!value->is_bool()) {
    add_error(std::string(name), "must be true or false, not " + std::string(json::type_name(value->type())));
    return fallback;
  }
  return value->as_bool();
}

const json::Value* JsonObject::array(std::string_view name) {
  const json::Value* value = object_.find(name);
  if (value == nullptr || value->is_null()) return nullptr;
  if (!value->is_array()) {
    add_error(std::string(name), "must be an array, not " + std::string(json::type_name(value->type())));
    return nullptr;
  }
  return value;
}

http::Response invalid_fields(const std::vector<http::FieldError>& errors) {
  std::string message = errors.empty() ? "invalid input" : errors.front().name + ": " + errors.front().message;
  if (errors.size() > 1) message += " (and " + std::to_string(errors.size() - 1) + " more)";
  return http::error_response(422, "invalid_field", message, errors);
}

}  // namespace lotse::server
