// Any bytes as a report submission, the way `lotse serve` receives them:
// the first byte picks the path (urlencoded form, multipart form, JSON
// body), the rest is the body. Parsing and validation must never crash,
// and whatever is accepted must be what the rules promise: required fields
// present, every text UTF-8 without NUL, and its HTML rendering free of
// markup.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "json/utf8.hpp"
#include "server/html.hpp"
#include "server/http/form.hpp"
#include "server/json_input.hpp"
#include "server/reports/submission.hpp"

namespace {

using lotse::server::reports::Submission;

void check(const Submission& s) {
  if (s.vendor.empty() || s.product.empty() || s.description.empty()) std::abort();
  for (const std::string* text : {&s.vendor, &s.product, &s.version, &s.description, &s.impact}) {
    if (lotse::json::first_invalid_utf8(*text) != text->size() || text->find('\0') != std::string::npos) std::abort();
    if (lotse::server::html::escape(*text).find('<') != std::string::npos) std::abort();
  }
  if (s.anonymous && (s.reporter_name || s.reporter_email)) std::abort();
  if (!s.anonymous && !s.reporter_email) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  const lotse::server::reports::AttachmentLimits limits{3, 4096};
  switch (data[0] % 3) {
    case 0: {
      auto form = lotse::server::http::parse_urlencoded(body);
      if (!form) return 0;
      if (auto s = lotse::server::reports::from_form(*form, limits)) check(*s);
      return 0;
    }
    case 1: {
      auto form = lotse::server::http::parse_multipart(body, "multipart/form-data; boundary=b");
      if (!form) return 0;
      if (auto s = lotse::server::reports::from_form(*form, limits)) check(*s);
      return 0;
    }
    default: {
      auto document = lotse::server::parse_json_object(body);
      if (!document) return 0;
      if (auto s = lotse::server::reports::from_json(document->root(), limits)) check(*s);
      return 0;
    }
  }
}
