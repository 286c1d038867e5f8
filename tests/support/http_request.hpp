// A real HTTP client for tests of `lotse serve`: one libcurl easy request
// per call, to loopback only, with method, headers and body as given and
// the status, headers (names lower-case) and body of the answer. No
// cookies are kept and no redirects followed: tests say exactly what they
// send. Tests only. Thread-safe (each call its own handle).
#pragma once

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lotse::testing {

struct HttpResponse {
  long status = 0;  // 0: no answer (see error)
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string error;

  // The first header `name` (lower-case), or "".
  std::string header(const std::string& name) const {
    for (const auto& [key, value] : headers) {
      if (key == name) return value;
    }
    return "";
  }
};

namespace detail {

inline void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

inline std::size_t collect_body(char* data, std::size_t size, std::size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

inline std::size_t collect_header(char* data, std::size_t size, std::size_t count, void* out) {
  std::string line(data, size * count);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  const std::size_t colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    static_cast<HttpResponse*>(out)->headers.emplace_back(name, value);
  }
  return size * count;
}

struct ChunkedSource {
  std::size_t remaining;
};

inline std::size_t produce_chunk(char* buffer, std::size_t size, std::size_t count, void* source) {
  auto* s = static_cast<ChunkedSource*>(source);
  const std::size_t n = std::min(size * count, s->remaining);
  std::memset(buffer, 'x', n);
  s->remaining -= n;
  return n;
}

}  // namespace detail

// One request. `body` set: sent as the request body (with POST unless
// `method` says otherwise). `chunked_bytes` set instead: that many bytes
// sent with Transfer-Encoding: chunked (no Content-Length).
inline HttpResponse http_request(const std::string& method, const std::string& url,
                                 const std::vector<std::string>& headers = {},
                                 const std::optional<std::string>& body = std::nullopt,
                                 std::optional<std::size_t> chunked_bytes = std::nullopt) {
  detail::init_curl_once();
  HttpResponse response;
  CURL* curl = curl_easy_init();
  if (!curl) {
    response.error = "curl_easy_init failed";
    return response;
  }
  curl_slist* list = nullptr;
  for (const std::string& h : headers) list = curl_slist_append(list, h.c_str());
  detail::ChunkedSource source{chunked_bytes.value_or(0)};
  if (chunked_bytes) list = curl_slist_append(list, "Transfer-Encoding: chunked");
  list = curl_slist_append(list, "Expect:");  // no 100-continue round trip
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_PROXY, "");
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &detail::collect_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &detail::collect_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response);
  if (body) {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body->data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
  } else if (chunked_bytes) {
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, &detail::produce_chunk);
    curl_easy_setopt(curl, CURLOPT_READDATA, &source);
  }
  if (method == "HEAD") {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  } else if (method != "GET" && !(method == "POST" && (body || chunked_bytes))) {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
  }
  const CURLcode rc = curl_easy_perform(curl);
  if (rc != CURLE_OK) response.error = curl_easy_strerror(rc);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  curl_slist_free_all(list);
  curl_easy_cleanup(curl);
  return response;
}

// Percent-encodes `text` for a form body or a query.
inline std::string url_encode(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace lotse::testing
