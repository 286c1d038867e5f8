// Probing URLs over HTTP(S): does a URL answer, and with which status code?
// CSAF tests 6.3.6 and 6.3.7 ask whether the URLs of an advisory "resolve
// with a HTTP status code from the 2xx or 3xx class"; fetching advisories
// will reuse the same connection settings.
//
// A probe is a HEAD request; only when the server refuses HEAD (405, 501)
// is it repeated as a GET whose body is abandoned after a few bytes. So a
// probe never downloads a body, and each request is bounded in time by
// ProbeOptions::timeout. Redirects are not followed: a 3xx answer already
// counts as resolving, and no request ever leaves http and https (other
// schemes are refused before any connection). URLs are probed in parallel
// (ProbeOptions::max_parallel at a time).
//
// Untrusted input: a URL is text from a document; malformed ones, other
// schemes and overlong ones yield a result with an error, never a crash.
//
// Thread safety: probe_urls() is reentrant; every call uses its own curl
// handles (libcurl's global init runs once, thread-safely).
#pragma once

#include <chrono>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::net {

struct ProbeOptions {
  // Whole-request limit per URL and attempt (connect, TLS, answer).
  std::chrono::milliseconds timeout{10000};
  // curl-style "HOST:PORT:ADDRESS[,ADDRESS]" entries (CURLOPT_RESOLVE):
  // pins a host name and port to addresses without DNS.
  std::vector<std::string> resolve;
  // curl-style "HOST:PORT:CONNECT-TO-HOST:CONNECT-TO-PORT" entries
  // (CURLOPT_CONNECT_TO): connects elsewhere, port included, while the URL,
  // the Host header and TLS name checks stay those of the URL. Empty HOST
  // or PORT match any. Needed to serve https://host/ (port 443) from an
  // unprivileged port in tests; RESOLVE cannot change the port.
  std::vector<std::string> connect_to;
  // PEM file of CA certificates to trust instead of the system store;
  // empty: the system store.
  std::string ca_file;
  // Requests in flight at once.
  std::size_t max_parallel = 8;
  std::string user_agent = "lotse";
};

// Longest URL probed; longer ones are not requested (result with error).
inline constexpr std::size_t kMaxUrlLength = 8192;

struct ProbeResult {
  // The final HTTP status code, 0 when no answer came.
  long status = 0;
  // Why there is no status (curl's explanation, a refused scheme, ...);
  // empty when the server answered.
  std::string error;

  // The CSAF meaning of "resolves": a 2xx or 3xx answer.
  bool resolves() const { return status >= 200 && status < 400; }
};

// Probes each URL (see above); result i belongs to urls[i]. Identical URLs
// are probed once each time they appear: deduplicate before calling.
std::vector<ProbeResult> probe_urls(std::span<const std::string> urls, const ProbeOptions& options);

// One URL; the same as probe_urls() with a single element.
ProbeResult probe_url(std::string_view url, const ProbeOptions& options);

// "https" for "HTTPS://x", the scheme in lower case; empty when `url` does
// not start with a scheme (RFC 3986 ALPHA *( ALPHA / DIGIT / "+" / "-" /
// "." ) followed by ':').
std::string url_scheme(std::string_view url);

}  // namespace lotse::net
