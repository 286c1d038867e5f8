// The URL tests of CSAF 2.0 section 6.3: 6.3.6 (every URL that is not a
// reference of category "self") and 6.3.7 (the "self" references) must
// resolve with an HTTP status code 2xx or 3xx.
//
// The registered tests run only with TestOptions::online and then call
// check_urls() with probe_options_for(options). check_urls() takes the
// net::ProbeOptions itself so that a caller can set what TestOptions cannot
// express yet (connect_to: serving https://host/ on port 443 from a test
// server on another port).
//
// Bounded: every distinct URL is requested once (HEAD; net/http_probe.hpp),
// at most kMaxUrlsPerDocument distinct URLs per document and test, each
// request within the timeout; further URLs are named in one finding as not
// checked.
//
// Thread safety: reentrant.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "csaf/test_registry.hpp"
#include "json/value.hpp"
#include "net/http_probe.hpp"

namespace lotse::csaf::informative {

inline constexpr std::size_t kMaxUrlsPerDocument = 100;

enum class UrlSelection {
  non_self_referencing,  // 6.3.6
  self_referencing,      // 6.3.7
};

struct UrlFinding {
  std::string pointer;  // RFC 6901, to the URL string
  std::string message;
};

// The URLs of `selection` in `root` that do not resolve, one finding per
// place (a URL used twice is requested once and reported twice).
std::vector<UrlFinding> check_urls(const json::Value& root, UrlSelection selection,
                                   const net::ProbeOptions& probe);

// The probe settings the flags of `lotse validate` ask for: timeout,
// resolve, CA file.
net::ProbeOptions probe_options_for(const TestOptions& options);

}  // namespace lotse::csaf::informative
