// One HTTP exchange as handlers see it: the Request the daemon assembled
// (method, path, query, headers with lower-case names, the whole body, the
// client's address, the path parameters the router matched) and the
// Response a handler returns.
//
// Handlers never touch libmicrohttpd: they get a complete, size-capped
// request and return a value, which keeps them testable and the daemon the
// only place that knows the wire. Plain data; a Request is read by the one
// thread that handles it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lotse::server::http {

struct Request {
  std::string method;  // "GET", "POST", ... as sent
  std::string path;    // percent-decoded by the daemon, without the query
  std::vector<std::pair<std::string, std::string>> query;    // decoded, in order
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-case
  std::string body;
  std::string client_address;  // "127.0.0.1"
  // Filled by the router: {name} segments of the matched pattern.
  std::vector<std::pair<std::string, std::string>> path_params;

  // The first header named `name` (lower-case), if sent.
  std::optional<std::string_view> header(std::string_view name) const;
  // The first query argument `name`, if sent.
  std::optional<std::string_view> query_value(std::string_view name) const;
  // The path parameter `name` of the matched route (empty when absent).
  std::string_view param(std::string_view name) const;
  // The value of cookie `name` in the Cookie header, if sent.
  std::optional<std::string> cookie(std::string_view name) const;
  // Whether the client is a browser that wants HTML answers (its Accept
  // names text/html): pages answer such clients with pages, others with
  // the JSON errors of the API.
  bool accepts_html() const;
  // The media type of the body without parameters, lower-case
  // ("application/json"); empty without a Content-Type.
  std::string media_type() const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  // Adds a header (the daemon drops values with CR or LF); chains.
  Response& with_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

// A JSON response with `status` and an already serialised `body`.
Response json_response(int status, std::string body);

// The one error shape of every 4xx/5xx answer:
//   {"error": {"status": 422, "code": "invalid_field", "message": "...",
//              "fields": [{"name": "vendor", "message": "..."}]}}
// `code` is a stable machine word, `message` a sentence for people.
struct FieldError {
  std::string name;
  std::string message;
};
Response error_response(int status, std::string_view code, std::string_view message,
                        const std::vector<FieldError>& fields = {});

// An HTML page (text/html; charset=utf-8) with `status`.
Response html_response(int status, std::string body);

// A 303 See Other to `location` (after a form POST, so reloading the page
// does not submit twice).
Response redirect_see_other(std::string location);

// The reason phrase of a status code ("Not Found"), for messages.
std::string_view reason_phrase(int status);

}  // namespace lotse::server::http
